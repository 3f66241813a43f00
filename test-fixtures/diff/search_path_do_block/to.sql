-- DDL inside a DO block under SET search_path: a table, a view over it and a function.
CREATE SCHEMA app;

SET search_path = app;

DO $$
BEGIN
    CREATE TABLE d (id int);
    CREATE VIEW dv AS SELECT id FROM d;
    CREATE FUNCTION df() RETURNS int LANGUAGE sql AS 'SELECT 1';
END
$$;
