CREATE TABLE public.jobs (
    id integer PRIMARY KEY,
    a text DEFAULT 'x',
    b text,
    c integer DEFAULT 1
);
