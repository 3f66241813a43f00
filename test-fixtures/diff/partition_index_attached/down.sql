DROP TABLE public.p_b;
