CREATE TABLE public.c (
    id integer PRIMARY KEY,
    a_id integer
);
