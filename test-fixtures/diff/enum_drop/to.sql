CREATE TABLE public.people (
    id integer PRIMARY KEY
);
