-- SQL-standard function and procedure bodies (BEGIN ATOMIC ... END): several statements,
-- CASE ... END inside, a RETURN body; the statement splitter keeps each one whole.
-- Not here: a body that reads a table (functions are created before tables; their
-- dependencies on relations are not tracked yet).
CREATE TABLE counters (
    id integer PRIMARY KEY,
    n integer NOT NULL DEFAULT 0
);

CREATE FUNCTION add_one(a integer) RETURNS integer
    LANGUAGE sql IMMUTABLE
BEGIN ATOMIC
    SELECT a + 1;
END;

CREATE FUNCTION sign_of(a integer) RETURNS text
    LANGUAGE sql IMMUTABLE
BEGIN ATOMIC
    SELECT CASE WHEN a > 0 THEN 'positive' WHEN a < 0 THEN 'negative' ELSE 'zero' END;
END;

CREATE FUNCTION twice(a integer) RETURNS integer
    LANGUAGE sql IMMUTABLE
    RETURN a * 2;

CREATE PROCEDURE check_pair(a integer, b integer)
    LANGUAGE sql
BEGIN ATOMIC
    SELECT a + b;
    SELECT CASE a WHEN 0 THEN b ELSE a END;
END;

CREATE TABLE after_bodies (
    id integer
);
