ALTER TYPE public.c ADD ATTRIBUTE b text;
ALTER TYPE public.c RENAME TO c__old;
CREATE TYPE public.c AS (
    a integer,
    b text
);
ALTER TABLE public.t ALTER COLUMN d TYPE public.c USING d::text::public.c;
DROP TYPE public.c__old;
