INSERT INTO public.t VALUES (1, ROW(5, 'x')), (2, ROW(6, NULL)), (3, NULL);
