ALTER TABLE public.jobs ALTER COLUMN code DROP DEFAULT;
ALTER TABLE public.jobs ALTER COLUMN code TYPE character varying(10);
ALTER TABLE public.jobs ALTER COLUMN code DROP NOT NULL;
ALTER TABLE public.jobs ALTER COLUMN score TYPE numeric(6,2);
ALTER TABLE public.jobs ALTER COLUMN score SET DEFAULT 2.5;
ALTER TABLE public.jobs ALTER COLUMN score SET NOT NULL;
COMMENT ON COLUMN public.jobs.code IS 'short code';
