DROP MATERIALIZED VIEW public.empty_totals;
DROP MATERIALIZED VIEW public.totals;
CREATE MATERIALIZED VIEW public.totals AS
SELECT region, sum(amount) AS total FROM sales GROUP BY region
WITH DATA;
CREATE UNIQUE INDEX totals_region ON public.totals (region);
