ALTER TYPE public.c DROP ATTRIBUTE b;
ALTER TYPE public.c RENAME TO c__old;
CREATE TYPE public.c AS (
    a bigint
);
ALTER TABLE public.t ALTER COLUMN d TYPE public.c USING d::text::public.c;
DROP TYPE public.c__old;
