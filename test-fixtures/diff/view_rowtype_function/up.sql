SET check_function_bodies = false;
DROP VIEW public.v2;
DROP FUNCTION public.fv();
DROP VIEW public.v1;
ALTER TABLE public.t ALTER COLUMN v TYPE bigint;
CREATE VIEW public.v1 AS
SELECT id, v FROM public.t;
CREATE OR REPLACE FUNCTION public.fv() RETURNS SETOF public.v1 LANGUAGE sql STABLE AS $$
    SELECT * FROM public.v1
$$;
CREATE VIEW public.v2 AS
SELECT id FROM public.fv();
