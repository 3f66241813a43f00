ALTER TABLE public.jobs ALTER COLUMN code TYPE character varying(10);
ALTER TABLE public.jobs ALTER COLUMN hits TYPE integer;
ALTER TABLE public.jobs ALTER COLUMN id TYPE integer;
ALTER TABLE public.jobs ALTER COLUMN payload TYPE json USING payload::json;
ALTER TABLE public.jobs ALTER COLUMN hits SET DEFAULT 0;
