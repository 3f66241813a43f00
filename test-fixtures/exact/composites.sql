-- Composite types: attributes with typmods, collations, arrays, user types (enum,
-- domain, another composite), an empty one, comments on types and attributes, ALTER
-- TYPE as a model may write it, and columns using them.
CREATE SCHEMA geo;

CREATE TYPE public.jwt_token AS (
    token text
);

CREATE TYPE public.complex AS (
    r double precision,
    i double precision
);

CREATE TYPE geo.mood AS ENUM ('sad', 'ok');
CREATE DOMAIN geo.label AS text CHECK (VALUE <> '');

CREATE TYPE geo.point_2d AS (x integer, y integer);
CREATE TYPE geo.tagged AS (
    p geo.point_2d,
    name character varying(30) COLLATE "C",
    mood geo.mood,
    label geo.label,
    scores numeric(5,2)[]
);
CREATE TYPE geo.nothing AS ();

CREATE TYPE geo.later AS (a int, b text);
ALTER TYPE geo.later ADD ATTRIBUTE c boolean;
ALTER TYPE geo.later DROP ATTRIBUTE a;
ALTER TYPE geo.later ALTER ATTRIBUTE b TYPE character varying(10);

COMMENT ON TYPE geo.point_2d IS 'a point';
COMMENT ON COLUMN geo.point_2d.x IS 'abscissa';

CREATE TABLE geo.shapes (
    id integer PRIMARY KEY,
    center geo.point_2d,
    tags geo.tagged[],
    z public.complex
);
