CREATE TABLE public.items (
    id integer PRIMARY KEY
);
