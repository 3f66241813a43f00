DROP TABLE public.people;
DROP TYPE public.mood;
