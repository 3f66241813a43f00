CREATE TYPE public.mood AS ENUM ('sad', 'ok');
CREATE TYPE public.point_2d AS (x integer, y integer);
CREATE TYPE public.tagged AS (
    p public.point_2d,
    name character varying(30) COLLATE "C",
    mood public.mood
);
COMMENT ON TYPE public.point_2d IS 'a point';
COMMENT ON COLUMN public.point_2d.x IS 'abscissa';
CREATE TABLE public.shapes (
    id integer PRIMARY KEY,
    center public.point_2d,
    tags public.tagged[]
);
