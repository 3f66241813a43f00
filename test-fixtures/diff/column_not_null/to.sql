CREATE TABLE public.jobs (
    id integer PRIMARY KEY,
    a text,
    b text NOT NULL
);
