DROP TABLE public.logs_2024_02;
