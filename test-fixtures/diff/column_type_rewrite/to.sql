CREATE TABLE public.jobs (
    id bigint PRIMARY KEY,
    hits bigint DEFAULT 0 NOT NULL,
    payload jsonb,
    code character varying(5)
);
