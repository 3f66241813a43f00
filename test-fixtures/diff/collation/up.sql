ALTER TABLE public.people ALTER COLUMN name TYPE text COLLATE pg_catalog."C";
