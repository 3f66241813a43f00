CREATE TABLE users (id integer PRIMARY KEY, is_active boolean NOT NULL DEFAULT true, x text, y text);
