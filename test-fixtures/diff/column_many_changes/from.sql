CREATE TABLE public.jobs (
    id integer PRIMARY KEY,
    score integer DEFAULT 1,
    code text DEFAULT 'a' NOT NULL
);
