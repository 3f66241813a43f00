ALTER TABLE public.t DROP COLUMN b;
ALTER TABLE public.t ALTER COLUMN a TYPE integer;
ALTER TABLE public.t ADD COLUMN b integer GENERATED ALWAYS AS (a * 2) STORED;
CREATE INDEX t_b_idx ON public.t (b);
