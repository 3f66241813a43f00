CREATE TYPE public.mood AS ENUM ('sad', 'ok');
CREATE TYPE public.point_2d AS (
    x integer,
    y integer
);
CREATE TYPE public.tagged AS (
    p public.point_2d,
    name character varying(30) COLLATE pg_catalog."C",
    mood public.mood
);
COMMENT ON COLUMN public.point_2d.x IS 'abscissa';
ALTER TABLE public.shapes ADD COLUMN center public.point_2d;
ALTER TABLE public.shapes ADD COLUMN tags public.tagged[];
COMMENT ON TYPE public.point_2d IS 'a point';
