CREATE DOMAIN public.year AS integer
    CONSTRAINT year_check CHECK (value > 1900);
CREATE DOMAIN public.old_year AS public.year;
-- autogen:review check the conversion of public.film.release_year from integer to public.old_year: rows that do not convert make it fail
ALTER TABLE public.film ALTER COLUMN release_year TYPE public.old_year USING release_year::public.old_year;
