DROP TYPE public.pair;
CREATE TYPE public.pair AS (
    b text,
    a integer
);
