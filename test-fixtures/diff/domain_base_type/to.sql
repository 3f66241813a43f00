CREATE DOMAIN public.amount AS numeric(12,2) CHECK (VALUE >= 0);
CREATE TABLE public.orders (
    id integer PRIMARY KEY,
    total public.amount DEFAULT 0 NOT NULL
);
