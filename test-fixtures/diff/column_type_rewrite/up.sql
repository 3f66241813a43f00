ALTER TABLE public.jobs ALTER COLUMN code TYPE character varying(5);
ALTER TABLE public.jobs ALTER COLUMN hits TYPE bigint;
ALTER TABLE public.jobs ALTER COLUMN id TYPE bigint;
ALTER TABLE public.jobs ALTER COLUMN payload TYPE jsonb USING payload::jsonb;
ALTER TABLE public.jobs ALTER COLUMN hits SET DEFAULT 0;
