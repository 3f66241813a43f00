SELECT count(*) = 2 AND sum(score) = 12 FROM public.games;
