ALTER TABLE public.jobs ALTER COLUMN salary TYPE numeric(10,2);
ALTER TABLE public.jobs ALTER COLUMN status TYPE character varying(20);
ALTER TABLE public.jobs ALTER COLUMN title TYPE character varying(100);
