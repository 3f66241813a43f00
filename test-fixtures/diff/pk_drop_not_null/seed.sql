INSERT INTO public.p VALUES (1), (2);
