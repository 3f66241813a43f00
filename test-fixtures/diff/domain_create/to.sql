CREATE SCHEMA app;
CREATE DOMAIN app.year AS integer
    CONSTRAINT year_check CHECK (VALUE >= 1901 AND VALUE <= 2155);
CREATE DOMAIN app.code AS text COLLATE "C" DEFAULT 'none' NOT NULL CHECK (VALUE <> '');
CREATE DOMAIN app.email AS text;
ALTER DOMAIN app.email ADD CONSTRAINT email_at CHECK (VALUE ~ '@') NOT VALID;
COMMENT ON DOMAIN app.year IS 'a year';
COMMENT ON CONSTRAINT year_check ON DOMAIN app.year IS 'the range';
CREATE TABLE public.film (
    id integer PRIMARY KEY,
    release_year app.year,
    code app.code,
    contact app.email
);
