CREATE SCHEMA app;

CREATE TABLE settings (key text PRIMARY KEY, value text);
