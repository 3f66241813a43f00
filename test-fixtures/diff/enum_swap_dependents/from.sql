CREATE TYPE public.st AS ENUM ('a', 'b', 'c');
CREATE DOMAIN public.d AS public.st;
CREATE TYPE public.pair AS (
    s public.st,
    n integer
);
CREATE FUNCTION public.uses_st(x public.st) RETURNS integer
    LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION public.wraps_st(x public.st) RETURNS integer
    LANGUAGE sql AS 'SELECT public.uses_st(x) + 1';
CREATE TABLE public.items (
    id integer PRIMARY KEY,
    s public.st DEFAULT 'a'::public.st NOT NULL,
    ds public.d,
    p public.pair,
    score integer DEFAULT public.uses_st('a'::public.st),
    CONSTRAINT items_s_check CHECK (s <> 'c')
);
CREATE VIEW public.items_v AS SELECT id, s FROM public.items;
