DROP VIEW public.v4;
DROP VIEW public.v3;
DROP VIEW public.v2;
DROP VIEW public.v1;
CREATE VIEW public.v1 AS
SELECT a, b FROM t;
CREATE VIEW public.v2 AS
SELECT a FROM v1 WHERE b <> '';
CREATE VIEW public.v3 AS
SELECT count(*) AS n FROM v2;
