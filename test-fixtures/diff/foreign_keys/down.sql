ALTER TABLE public.jobs DROP CONSTRAINT jobs_company_id_fkey;
ALTER TABLE public.jobs DROP COLUMN recruiter_id;
DROP TABLE public.recruiters;
