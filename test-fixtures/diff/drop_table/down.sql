CREATE TABLE public.jobs (
    id bigint NOT NULL,
    title text NOT NULL,
    CONSTRAINT jobs_pkey PRIMARY KEY (id),
    CONSTRAINT jobs_title_key UNIQUE (title)
);
CREATE INDEX jobs_title_lower_idx ON public.jobs ((lower(title)));
