CREATE TYPE public.st AS ENUM ('a', 'b');
CREATE FUNCTION public.uses_st(x public.st) RETURNS integer LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION public.arr(x public.st[]) RETURNS integer LANGUAGE sql AS 'SELECT 1';
CREATE FUNCTION public.tab() RETURNS TABLE(s public.st, n integer) LANGUAGE sql AS $$SELECT 'a'::public.st, 1$$;
CREATE TYPE public.free AS (s public.st);
CREATE TABLE public.t (id int PRIMARY KEY, s public.st, CONSTRAINT t_chk CHECK (public.uses_st(s) = 1));
CREATE INDEX t_idx ON public.t (public.uses_st(s));
