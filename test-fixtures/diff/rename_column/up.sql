-- autogen:review rename guessed: jobs.jd_content -> jobs.description (both text, nullable, the only such pair); confirm or replace with DROP/ADD
ALTER TABLE public.jobs RENAME COLUMN jd_content TO description;
