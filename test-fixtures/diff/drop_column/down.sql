ALTER TABLE public.jobs ADD COLUMN jd text;
ALTER TABLE public.jobs ADD COLUMN region text;
ALTER TABLE public.jobs ADD CONSTRAINT jobs_code_region_key UNIQUE (code, region);
ALTER TABLE public.jobs ADD CONSTRAINT jobs_jd_check CHECK (length(jd) < 1000) NOT VALID;
ALTER TABLE public.jobs VALIDATE CONSTRAINT jobs_jd_check;
CREATE INDEX jobs_code_idx ON public.jobs (code) WHERE region IS NOT NULL;
CREATE INDEX jobs_jd_idx ON public.jobs (jd);
