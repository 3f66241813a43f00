CREATE TABLE public.jobs (
    id integer PRIMARY KEY,
    a text NOT NULL,
    b text
);
