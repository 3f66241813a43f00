-- autogen: renamed from jobs
CREATE TABLE postings (
    id serial PRIMARY KEY,
    title text UNIQUE,
    description text -- autogen: renamed from jd_content
);
CREATE INDEX ON postings (lower(title));
CREATE TABLE applications (id integer PRIMARY KEY, job_id integer REFERENCES postings (id));
