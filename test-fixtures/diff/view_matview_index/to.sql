CREATE TABLE sales (id integer PRIMARY KEY, region text NOT NULL, amount numeric NOT NULL);
CREATE MATERIALIZED VIEW totals AS SELECT region, sum(amount) AS total, count(*) AS n FROM sales GROUP BY region;
CREATE UNIQUE INDEX totals_region ON totals (region);
CREATE INDEX totals_total ON totals (total DESC);
CREATE MATERIALIZED VIEW empty_totals (r, t) AS SELECT region, amount FROM sales WITH NO DATA;
COMMENT ON MATERIALIZED VIEW totals IS 'per region';
COMMENT ON COLUMN totals.n IS 'sales count';
