ALTER TABLE public.people ALTER COLUMN mood DROP DEFAULT;
CREATE TYPE public.mood AS ENUM ('sad', 'happy');
-- autogen:review check the conversion of public.people.mood from text to public.mood: rows that do not convert make it fail
ALTER TABLE public.people ALTER COLUMN mood TYPE public.mood USING mood::public.mood;
ALTER TABLE public.people ALTER COLUMN mood SET DEFAULT 'happy';
