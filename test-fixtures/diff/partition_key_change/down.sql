ALTER TABLE public.metrics DETACH PARTITION public.metrics_2024;
DROP TABLE public.metrics_rest;
-- autogen:review the partition key of public.metrics changes (list((lower(name))) -> range(at)): the table is dropped and created again; kept partitions are detached and attached again (that fails when their rows do not fit their new bounds), the others lose their rows; move rows first if needed, then remove this line
DROP TABLE public.metrics;
CREATE TABLE public.metrics (
    name text NOT NULL,
    at date NOT NULL,
    value double precision
) PARTITION BY range(at);
ALTER TABLE public.metrics ATTACH PARTITION public.metrics_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
