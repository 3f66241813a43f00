CREATE TABLE public.jobs (
    id bigint PRIMARY KEY,
    code text NOT NULL
);
