SELECT count(*) = 2 AND sum(public.uses_st(s)) = 2 FROM public.t;
