CREATE SCHEMA old;
CREATE TABLE old.t (
    id integer PRIMARY KEY
);
CREATE TYPE old.e AS ENUM ('x');
