CREATE DOMAIN public.amount AS integer CHECK (VALUE >= 0);
CREATE TABLE public.orders (
    id integer PRIMARY KEY,
    total public.amount DEFAULT 0 NOT NULL
);
