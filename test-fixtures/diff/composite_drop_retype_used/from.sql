CREATE TYPE public.c AS (
    a integer,
    b text
);
CREATE TABLE public.t (
    id integer PRIMARY KEY,
    d public.c
);
