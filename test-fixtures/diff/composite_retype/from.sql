CREATE TYPE public.measure AS (
    amount integer,
    unit text
);
CREATE TABLE public.samples (
    id integer PRIMARY KEY,
    m public.measure,
    history public.measure[]
);
