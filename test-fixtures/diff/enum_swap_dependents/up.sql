SET check_function_bodies = false;
DROP VIEW public.items_v;
ALTER TABLE public.items DROP CONSTRAINT items_s_check;
ALTER TABLE public.items ALTER COLUMN s DROP DEFAULT;
ALTER TABLE public.items ALTER COLUMN score DROP DEFAULT;
ALTER DOMAIN public.d RENAME TO d__old;
ALTER TYPE public.pair RENAME TO pair__old;
DROP FUNCTION public.uses_st(public.st);
DROP FUNCTION public.wraps_st(public.st);
ALTER TYPE public.st RENAME TO st__old;
CREATE TYPE public.st AS ENUM ('a', 'c');
CREATE DOMAIN public.d AS public.st;
CREATE TYPE public.pair AS (
    s public.st,
    n integer
);
CREATE OR REPLACE FUNCTION public.uses_st(x public.st) RETURNS integer
    LANGUAGE sql AS 'SELECT 1';
CREATE OR REPLACE FUNCTION public.wraps_st(x public.st) RETURNS integer
    LANGUAGE sql AS 'SELECT public.uses_st(x) + 1';
ALTER TABLE public.items ALTER COLUMN ds TYPE public.d USING ds::text::public.d;
ALTER TABLE public.items ALTER COLUMN p TYPE public.pair USING p::text::public.pair;
ALTER TABLE public.items ALTER COLUMN s TYPE public.st USING s::text::public.st;
ALTER TABLE public.items ALTER COLUMN s SET DEFAULT 'a'::public.st;
ALTER TABLE public.items ALTER COLUMN score SET DEFAULT public.uses_st('a'::public.st);
ALTER TABLE public.items ADD CONSTRAINT items_s_check CHECK (s <> 'c') NOT VALID;
ALTER TABLE public.items VALIDATE CONSTRAINT items_s_check;
CREATE VIEW public.items_v AS
SELECT id, s FROM public.items;
DROP DOMAIN public.d__old;
DROP TYPE public.pair__old;
DROP TYPE public.st__old;
