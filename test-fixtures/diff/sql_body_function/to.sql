-- SQL-standard bodies (BEGIN ATOMIC ... END) hold semicolons: each function stays one
-- statement in the model and in the script.
CREATE TABLE t (id int);

CREATE FUNCTION add_one(a int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT a + 1; END;

CREATE FUNCTION classify(a int) RETURNS text LANGUAGE sql IMMUTABLE
BEGIN ATOMIC
    SELECT CASE WHEN a > 0 THEN 'positive' ELSE 'other' END;
END;

CREATE PROCEDURE noop(a int) LANGUAGE sql
BEGIN ATOMIC
    SELECT a;
    SELECT a + 1;
END;
