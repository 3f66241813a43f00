SELECT count(*) = 2 AND sum(total) = 42 FROM public.orders;
