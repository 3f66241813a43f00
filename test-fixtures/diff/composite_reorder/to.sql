CREATE TYPE public.pair AS (b text, a integer);
