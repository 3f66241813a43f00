CREATE TABLE public.jobs (
    id integer PRIMARY KEY,
    hits integer DEFAULT 0 NOT NULL,
    payload json,
    code character varying(10)
);
