CREATE TABLE public.film (
    id integer PRIMARY KEY,
    release_year integer
);
