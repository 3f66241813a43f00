CREATE TABLE public.jobs (
    id bigint NOT NULL,
    title text NOT NULL,
    status character varying(20) DEFAULT 'new' NOT NULL,
    salary numeric(10,2),
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT jobs_pkey PRIMARY KEY (id),
    CONSTRAINT jobs_title_key UNIQUE (title),
    CONSTRAINT jobs_salary_check CHECK (salary > 0)
);
