CREATE TABLE public.p_b PARTITION OF public.p FOR VALUES IN ('b');
