DROP INDEX public.jobs_status_idx;
DROP INDEX public.jobs_title_idx;
CREATE INDEX jobs_created_idx ON public.jobs (created_at DESC NULLS LAST) INCLUDE (status);
CREATE UNIQUE INDEX jobs_lower_title_idx ON public.jobs ((lower(title)));
CREATE INDEX jobs_status_idx ON public.jobs (status) WHERE status <> 'done';
CREATE INDEX jobs_title_trgm ON public.jobs USING hash (title);
