SELECT count(*) = 1 FROM public.v2 WHERE id = 1;
