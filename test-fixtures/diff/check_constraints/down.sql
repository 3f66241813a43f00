ALTER TABLE public.jobs DROP CONSTRAINT jobs_bonus_check;
ALTER TABLE public.jobs DROP CONSTRAINT jobs_salary_check;
ALTER TABLE public.jobs ADD CONSTRAINT jobs_bonus_check CHECK (bonus >= 0) NOT VALID;
ALTER TABLE public.jobs VALIDATE CONSTRAINT jobs_bonus_check;
