ALTER TABLE public.people ALTER COLUMN mood DROP DEFAULT;
ALTER TABLE public.people ALTER COLUMN mood TYPE text;
ALTER TABLE public.people ALTER COLUMN mood SET DEFAULT 'happy';
DROP TYPE public.mood;
