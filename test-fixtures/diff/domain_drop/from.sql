CREATE DOMAIN public.year AS integer CHECK (VALUE > 1900);
CREATE DOMAIN public.old_year AS public.year;
CREATE TABLE public.film (
    id integer PRIMARY KEY,
    release_year public.old_year
);
