DROP MATERIALIZED VIEW public.totals;
CREATE MATERIALIZED VIEW public.empty_totals (r, t) AS
SELECT region, amount FROM sales
WITH NO DATA;
CREATE MATERIALIZED VIEW public.totals AS
SELECT region, sum(amount) AS total, count(*) AS n FROM sales GROUP BY region
WITH DATA;
CREATE UNIQUE INDEX totals_region ON public.totals (region);
CREATE INDEX totals_total ON public.totals (total DESC);
COMMENT ON MATERIALIZED VIEW public.totals IS 'per region';
COMMENT ON COLUMN public.totals.n IS 'sales count';
