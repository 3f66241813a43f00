CREATE TABLE jobs (id integer PRIMARY KEY, title text NOT NULL, jd_content text);
