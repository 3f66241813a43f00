CREATE TABLE public.jobs (
    id integer PRIMARY KEY,
    title text,
    status text,
    created_at timestamp
);
CREATE INDEX jobs_status_idx ON public.jobs (status) WHERE status <> 'done';
CREATE UNIQUE INDEX jobs_lower_title_idx ON public.jobs (lower(title));
CREATE INDEX jobs_created_idx ON public.jobs (created_at DESC NULLS LAST) INCLUDE (status);
CREATE INDEX jobs_title_trgm ON public.jobs USING hash (title);
