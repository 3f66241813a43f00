ALTER TYPE public.measure RENAME TO measure__old;
CREATE TYPE public.measure AS (
    amount bigint,
    unit text COLLATE pg_catalog."C"
);
ALTER TABLE public.samples ALTER COLUMN history TYPE public.measure[] USING history::text[]::public.measure[];
ALTER TABLE public.samples ALTER COLUMN m TYPE public.measure USING m::text::public.measure;
DROP TYPE public.measure__old;
