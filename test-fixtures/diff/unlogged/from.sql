CREATE TABLE public.cache (
    k text PRIMARY KEY,
    v text
);
CREATE UNLOGGED TABLE public.scratch (
    id integer
);
