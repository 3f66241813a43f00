-- columns unknown without a database: created from its query
CREATE TABLE public.copy AS SELECT id, upper(label) AS label FROM base
WITH NO DATA;
