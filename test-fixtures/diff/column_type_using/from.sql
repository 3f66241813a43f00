CREATE TABLE public.jobs (
    id integer PRIMARY KEY,
    ref text DEFAULT '0',
    flags integer
);
