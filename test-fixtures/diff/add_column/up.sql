ALTER TABLE public.jobs ADD COLUMN note text;
ALTER TABLE public.jobs ADD COLUMN status text DEFAULT 'new' NOT NULL;
ALTER TABLE public.jobs ADD COLUMN title text;
-- autogen:review backfill public.jobs.note: it is NOT NULL without a default and the table may have rows; replace NULL in the UPDATE below with the value for them
UPDATE public.jobs SET note = NULL WHERE note IS NULL;
ALTER TABLE public.jobs ALTER COLUMN note SET NOT NULL;
