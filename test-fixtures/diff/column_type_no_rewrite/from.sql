CREATE TABLE public.jobs (
    id integer PRIMARY KEY,
    status character varying(20),
    title character varying(100),
    salary numeric(10,2)
);
