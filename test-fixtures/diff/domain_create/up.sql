CREATE SCHEMA app;
CREATE DOMAIN app.code AS text COLLATE pg_catalog."C" DEFAULT 'none' NOT NULL
    CONSTRAINT code_check CHECK (value <> '');
CREATE DOMAIN app.email AS text;
CREATE DOMAIN app.year AS integer
    CONSTRAINT year_check CHECK (value >= 1901 AND value <= 2155);
ALTER DOMAIN app.email ADD CONSTRAINT email_at CHECK (value ~ '@') NOT VALID;
COMMENT ON CONSTRAINT year_check ON DOMAIN app.year IS 'the range';
ALTER TABLE public.film ADD COLUMN code app.code;
ALTER TABLE public.film ADD COLUMN contact app.email;
-- autogen:review check the conversion of public.film.release_year from integer to app.year: rows that do not convert make it fail
ALTER TABLE public.film ALTER COLUMN release_year TYPE app.year USING release_year::app.year;
COMMENT ON TYPE app.year IS 'a year';
