CREATE TABLE users (id integer PRIMARY KEY, legacy_flag boolean, a text, b text);
