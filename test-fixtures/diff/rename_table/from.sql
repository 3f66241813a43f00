CREATE TABLE jobs (id serial PRIMARY KEY, title text UNIQUE, jd_content text);
CREATE INDEX ON jobs (lower(title));
CREATE TABLE applications (id integer PRIMARY KEY, job_id integer REFERENCES jobs (id));
