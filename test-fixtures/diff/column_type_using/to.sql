CREATE TABLE public.jobs (
    id integer PRIMARY KEY,
    ref integer DEFAULT 0,
    flags text
);
