CREATE UNLOGGED TABLE public.cache (
    k text PRIMARY KEY,
    v text
);
CREATE TABLE public.scratch (
    id integer
);
