DROP INDEX public.jobs_created_idx;
DROP INDEX public.jobs_lower_title_idx;
DROP INDEX public.jobs_status_idx;
DROP INDEX public.jobs_title_trgm;
CREATE INDEX jobs_status_idx ON public.jobs (status);
CREATE INDEX jobs_title_idx ON public.jobs (title);
