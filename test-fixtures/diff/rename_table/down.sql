ALTER TABLE public.postings RENAME TO jobs;
ALTER TABLE public.jobs RENAME COLUMN description TO jd_content;
ALTER TABLE public.jobs RENAME CONSTRAINT postings_pkey TO jobs_pkey;
ALTER TABLE public.jobs RENAME CONSTRAINT postings_title_key TO jobs_title_key;
ALTER SEQUENCE public.postings_id_seq RENAME TO jobs_id_seq;
ALTER INDEX public.postings_lower_idx RENAME TO jobs_lower_idx;
