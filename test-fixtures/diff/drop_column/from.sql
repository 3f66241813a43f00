CREATE TABLE public.jobs (
    id bigint PRIMARY KEY,
    code text NOT NULL,
    region text,
    jd text,
    CONSTRAINT jobs_code_region_key UNIQUE (code, region),
    CONSTRAINT jobs_jd_check CHECK (length(jd) < 1000)
);
CREATE INDEX jobs_jd_idx ON public.jobs (jd);
CREATE INDEX jobs_code_idx ON public.jobs (code) WHERE region IS NOT NULL;
