-- autogen:review check the conversion of public.film.release_year from public.old_year to integer: rows that do not convert make it fail
ALTER TABLE public.film ALTER COLUMN release_year TYPE integer USING release_year::integer;
DROP DOMAIN public.old_year;
DROP DOMAIN public.year;
