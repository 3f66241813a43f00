CREATE TABLE t (a integer, b text, c date);
CREATE VIEW v1 AS SELECT b, a, c FROM t;
CREATE VIEW v2 AS SELECT a FROM v1 WHERE b <> '';
CREATE VIEW v3 AS SELECT count(*) AS n FROM v2;
CREATE VIEW v4 AS SELECT v2.a, v3.n FROM v2, v3;
