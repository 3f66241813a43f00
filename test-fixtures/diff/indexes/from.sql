CREATE TABLE public.jobs (
    id integer PRIMARY KEY,
    title text,
    status text,
    created_at timestamp
);
CREATE INDEX jobs_title_idx ON public.jobs (title);
CREATE INDEX jobs_status_idx ON public.jobs (status);
