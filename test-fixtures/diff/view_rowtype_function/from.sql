-- v1 is recreated over the retyped column; fv returns its row type, so PostgreSQL
-- refuses to drop v1 while fv exists.
CREATE TABLE public.t (
    id integer PRIMARY KEY,
    v integer
);
CREATE VIEW public.v1 AS SELECT id, v FROM public.t;
CREATE FUNCTION public.fv() RETURNS SETOF public.v1 LANGUAGE sql STABLE AS $$
    SELECT * FROM public.v1
$$;
CREATE FUNCTION public.fv_count() RETURNS bigint LANGUAGE sql STABLE AS $$
    SELECT count(*) FROM public.v1
$$;
-- v2 calls fv: it goes before fv's drop and comes back after its creation.
CREATE VIEW public.v2 AS SELECT id FROM public.fv();
