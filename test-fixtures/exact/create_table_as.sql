-- Tables created AS a query: their columns come from the query (tier 2 reads them).
CREATE TABLE empty_string AS SELECT 1 AS id, ''::text AS string;
CREATE TABLE some_numbers AS SELECT x::int AS val FROM generate_series(1, 10) x;
CREATE TABLE named (a, b) AS SELECT 'x'::varchar(10) COLLATE "C", 2.5::numeric(4, 1);
CREATE TABLE IF NOT EXISTS named AS SELECT 1;
