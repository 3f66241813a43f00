INSERT INTO public.samples VALUES (1, ROW(5, 'kg'), ARRAY[ROW(1, 'g')::public.measure, ROW(2, 'g')::public.measure]), (2, NULL, NULL);
