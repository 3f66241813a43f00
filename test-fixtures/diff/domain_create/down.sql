ALTER TABLE public.film DROP COLUMN code;
ALTER TABLE public.film DROP COLUMN contact;
-- autogen:review check the conversion of public.film.release_year from app.year to integer: rows that do not convert make it fail
ALTER TABLE public.film ALTER COLUMN release_year TYPE integer USING release_year::integer;
DROP DOMAIN app.code;
DROP DOMAIN app.email;
DROP DOMAIN app.year;
DROP SCHEMA app;
