SELECT count(*) = 2 AND bool_and(b IS NOT DISTINCT FROM a * 2) FROM public.t;
