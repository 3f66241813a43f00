SELECT (SELECT count(*) FROM public.items_b) = 2 AND (SELECT count(*) FROM public.items) = 1;
