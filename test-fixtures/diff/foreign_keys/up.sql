CREATE TABLE public.recruiters (
    id bigint NOT NULL,
    company_id bigint NOT NULL,
    CONSTRAINT recruiters_pkey PRIMARY KEY (id)
);
ALTER TABLE public.jobs ADD COLUMN recruiter_id bigint;
ALTER TABLE public.jobs ADD CONSTRAINT jobs_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.companies (id) ON DELETE CASCADE NOT VALID;
ALTER TABLE public.jobs ADD CONSTRAINT jobs_recruiter_id_fkey FOREIGN KEY (recruiter_id) REFERENCES public.recruiters (id) NOT VALID;
ALTER TABLE public.recruiters ADD CONSTRAINT recruiters_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.companies (id);
ALTER TABLE public.jobs VALIDATE CONSTRAINT jobs_company_id_fkey;
ALTER TABLE public.jobs VALIDATE CONSTRAINT jobs_recruiter_id_fkey;
