ALTER TABLE public.items ATTACH PARTITION public.items_b FOR VALUES IN ('b');
