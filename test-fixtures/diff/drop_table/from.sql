CREATE TABLE public.jobs (
    id bigint PRIMARY KEY,
    title text NOT NULL UNIQUE
);
CREATE INDEX jobs_title_lower_idx ON public.jobs (lower(title));
