CREATE TABLE jobs (id integer PRIMARY KEY, jd_content text);
CREATE TABLE old_stats (n bigint, at timestamptz);
