CREATE TABLE jobs (id integer PRIMARY KEY, title text NOT NULL, description text);
