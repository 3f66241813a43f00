SELECT count(*) = 3 AND sum((d).a) = 11 FROM public.t;
