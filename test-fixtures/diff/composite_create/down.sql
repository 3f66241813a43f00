ALTER TABLE public.shapes DROP COLUMN center;
ALTER TABLE public.shapes DROP COLUMN tags;
DROP TYPE public.tagged;
DROP TYPE public.mood;
DROP TYPE public.point_2d;
