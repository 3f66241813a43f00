CREATE TYPE public.measure AS (
    amount bigint,
    unit text COLLATE "C"
);
CREATE TABLE public.samples (
    id integer PRIMARY KEY,
    m public.measure,
    history public.measure[]
);
