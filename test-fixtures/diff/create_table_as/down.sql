DROP TABLE public.copy;
