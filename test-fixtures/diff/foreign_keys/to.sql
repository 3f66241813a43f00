CREATE TABLE public.companies (
    id bigint PRIMARY KEY,
    name text NOT NULL
);
CREATE TABLE public.recruiters (
    id bigint PRIMARY KEY,
    company_id bigint NOT NULL REFERENCES public.companies (id)
);
CREATE TABLE public.jobs (
    id bigint PRIMARY KEY,
    company_id bigint REFERENCES public.companies (id) ON DELETE CASCADE,
    recruiter_id bigint REFERENCES public.recruiters (id)
);
