-- The jobs a company is hiring for.
CREATE TYPE job_kind AS ENUM ('full_time', 'part_time', 'contract');

CREATE TABLE jobs (
    id bigserial PRIMARY KEY,
    title varchar(200) NOT NULL,
    kind job_kind NOT NULL DEFAULT 'full_time',
    salary_min numeric(12, 2),
    salary_max numeric(12, 2),
    opened_at timestamptz NOT NULL DEFAULT now(),
    CHECK (salary_min IS NULL OR salary_max IS NULL OR salary_min <= salary_max)
);

CREATE INDEX jobs_opened_at_idx ON jobs (opened_at DESC);
COMMENT ON TABLE jobs IS 'Open and closed positions';
