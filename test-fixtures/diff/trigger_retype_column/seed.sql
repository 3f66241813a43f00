INSERT INTO public.t (id, v) VALUES (1, 7);
