ALTER TABLE public.jobs DROP COLUMN jd;
ALTER TABLE public.jobs DROP COLUMN region;
