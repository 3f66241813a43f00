CREATE TABLE public.companies (
    id bigint PRIMARY KEY,
    name text NOT NULL
);
CREATE TABLE public.jobs (
    id bigint PRIMARY KEY,
    company_id bigint
);
