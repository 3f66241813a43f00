INSERT INTO public.orders VALUES (1, 10), (2, 32);
