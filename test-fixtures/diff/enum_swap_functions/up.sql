SET check_function_bodies = false;
ALTER TABLE public.t DROP CONSTRAINT t_chk;
DROP INDEX public.t_idx;
ALTER TYPE public.free DROP ATTRIBUTE junk;
ALTER TYPE public.free RENAME TO free__old;
DROP FUNCTION public.arr(public.st[]);
DROP FUNCTION public.tab();
DROP FUNCTION public.uses_st(public.st);
ALTER TYPE public.st RENAME TO st__old;
CREATE TYPE public.st AS ENUM ('a', 'b');
CREATE TYPE public.free AS (
    s public.st
);
CREATE OR REPLACE FUNCTION public.arr(x public.st[]) RETURNS integer LANGUAGE sql AS 'SELECT 1';
CREATE OR REPLACE FUNCTION public.tab() RETURNS TABLE(s public.st, n integer) LANGUAGE sql AS $$SELECT 'a'::public.st, 1$$;
CREATE OR REPLACE FUNCTION public.uses_st(x public.st) RETURNS integer LANGUAGE sql AS 'SELECT 1';
ALTER TABLE public.t ALTER COLUMN s TYPE public.st USING s::text::public.st;
ALTER TABLE public.t ADD CONSTRAINT t_chk CHECK (public.uses_st(s) = 1) NOT VALID;
ALTER TABLE public.t VALIDATE CONSTRAINT t_chk;
CREATE INDEX t_idx ON public.t ((public.uses_st(s)));
DROP TYPE public.free__old;
DROP TYPE public.st__old;
