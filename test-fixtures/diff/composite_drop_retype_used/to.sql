CREATE TYPE public.c AS (
    a bigint
);
CREATE TABLE public.t (
    id integer PRIMARY KEY,
    d public.c
);
