CREATE TYPE public.mood AS ENUM ('sad', 'happy');
ALTER TABLE public.people ADD COLUMN mood public.mood;
