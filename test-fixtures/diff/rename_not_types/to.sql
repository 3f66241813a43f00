CREATE TABLE jobs (id integer PRIMARY KEY, jd_content_len integer);
CREATE TABLE new_stats (label text, ok boolean);
