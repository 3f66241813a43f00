ALTER TABLE public.jobs RENAME TO postings;
ALTER SEQUENCE public.jobs_id_seq RENAME TO postings_id_seq;
ALTER INDEX public.jobs_lower_idx RENAME TO postings_lower_idx;
ALTER TABLE public.postings RENAME COLUMN jd_content TO description;
ALTER TABLE public.postings RENAME CONSTRAINT jobs_pkey TO postings_pkey;
ALTER TABLE public.postings RENAME CONSTRAINT jobs_title_key TO postings_title_key;
