SELECT count(*) = 2 AND bool_and(s::text = 'a')
       AND bool_and(ds::text = CASE id WHEN 1 THEN 'c' ELSE 'a' END)
       AND bool_and((p).n = id + 6 AND (p).s::text = CASE id WHEN 1 THEN 'c' ELSE 'a' END)
       AND bool_and(public.wraps_st(s) = 2)
FROM public.items;
