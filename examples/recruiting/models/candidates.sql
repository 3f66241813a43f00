-- People who applied to a job.
CREATE TABLE candidates (
    id bigserial PRIMARY KEY,
    job_id bigint NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    full_name text NOT NULL,
    email text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (job_id, email)
);

CREATE INDEX candidates_email_idx ON candidates (lower(email));
