CREATE TABLE public.jobs (
    id integer PRIMARY KEY,
    score numeric(6,2) DEFAULT 2.5 NOT NULL,
    code character varying(10)
);
COMMENT ON COLUMN public.jobs.code IS 'short code';
