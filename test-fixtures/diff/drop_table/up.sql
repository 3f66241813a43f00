DROP TABLE public.jobs;
