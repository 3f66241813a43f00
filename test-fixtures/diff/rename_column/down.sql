-- autogen:review rename guessed: jobs.description -> jobs.jd_content (both text, nullable, the only such pair); confirm or replace with DROP/ADD
ALTER TABLE public.jobs RENAME COLUMN description TO jd_content;
