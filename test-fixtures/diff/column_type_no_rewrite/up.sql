ALTER TABLE public.jobs ALTER COLUMN salary TYPE numeric;
ALTER TABLE public.jobs ALTER COLUMN status TYPE character varying(50);
ALTER TABLE public.jobs ALTER COLUMN title TYPE text;
