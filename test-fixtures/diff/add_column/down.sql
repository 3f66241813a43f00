ALTER TABLE public.jobs DROP COLUMN note;
ALTER TABLE public.jobs DROP COLUMN status;
ALTER TABLE public.jobs DROP COLUMN title;
