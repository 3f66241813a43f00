CREATE TABLE public.jobs (
    id integer PRIMARY KEY,
    status character varying(50),
    title text,
    salary numeric
);
