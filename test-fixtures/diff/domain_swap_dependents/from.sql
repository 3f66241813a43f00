CREATE DOMAIN public.money2 AS numeric(10,2) CHECK (VALUE >= 0);
CREATE DOMAIN public.price AS public.money2;
CREATE TYPE public.line AS (
    qty integer,
    amount public.money2
);
CREATE FUNCTION public.double_it(x public.money2) RETURNS numeric
    LANGUAGE sql AS 'SELECT x * 2';
CREATE FUNCTION public.zero() RETURNS public.money2
    LANGUAGE sql AS 'SELECT 0::public.money2';
CREATE TABLE public.orders (
    id integer PRIMARY KEY,
    total public.money2 DEFAULT 0 NOT NULL,
    list public.price,
    l public.line,
    CONSTRAINT orders_total_check CHECK (total < 1000000)
);
CREATE VIEW public.orders_v AS SELECT id, total FROM public.orders;
