ALTER TABLE public.metrics DETACH PARTITION public.metrics_2024;
-- autogen:review the partition key of public.metrics changes (range(at) -> list((lower(name)))): the table is dropped and created again; kept partitions are detached and attached again (that fails when their rows do not fit their new bounds), the others lose their rows; move rows first if needed, then remove this line
DROP TABLE public.metrics;
CREATE TABLE public.metrics (
    name text NOT NULL,
    at date NOT NULL,
    value double precision
) PARTITION BY list((lower(name)));
CREATE TABLE public.metrics_rest PARTITION OF public.metrics DEFAULT;
ALTER TABLE public.metrics ATTACH PARTITION public.metrics_2024 FOR VALUES IN ('cpu');
