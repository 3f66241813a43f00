CREATE TABLE public.jobs (
    id integer PRIMARY KEY,
    a text,
    b text DEFAULT 'y',
    c integer DEFAULT 2
);
