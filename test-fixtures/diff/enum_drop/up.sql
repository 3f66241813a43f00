ALTER TABLE public.people DROP COLUMN mood;
DROP TYPE public.mood;
