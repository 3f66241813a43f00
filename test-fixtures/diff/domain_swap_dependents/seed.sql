INSERT INTO public.orders VALUES (1, 12.34, 5.5, ROW(3, 1.25)), (2, 0.01, 99, ROW(4, 2));
