SET check_function_bodies = false;
DROP VIEW public.orders_v;
ALTER TABLE public.orders DROP CONSTRAINT orders_total_check;
ALTER TABLE public.orders ALTER COLUMN total DROP DEFAULT;
ALTER TYPE public.line RENAME TO line__old;
ALTER DOMAIN public.price RENAME TO price__old;
DROP FUNCTION public.double_it(public.money2);
DROP FUNCTION public.zero();
ALTER DOMAIN public.money2 RENAME TO money2__old;
CREATE DOMAIN public.money2 AS numeric(12,4)
    CONSTRAINT money2_check CHECK (value >= 0);
CREATE TYPE public.line AS (
    qty integer,
    amount public.money2
);
CREATE DOMAIN public.price AS public.money2;
CREATE OR REPLACE FUNCTION public.double_it(x public.money2) RETURNS numeric
    LANGUAGE sql AS 'SELECT x * 2';
CREATE OR REPLACE FUNCTION public.zero() RETURNS public.money2
    LANGUAGE sql AS 'SELECT 0::public.money2';
ALTER TABLE public.orders ALTER COLUMN l TYPE public.line USING l::text::public.line;
ALTER TABLE public.orders ALTER COLUMN list TYPE public.price USING list::public.price;
ALTER TABLE public.orders ALTER COLUMN total TYPE public.money2 USING total::public.money2;
ALTER TABLE public.orders ALTER COLUMN total SET DEFAULT 0;
ALTER TABLE public.orders ADD CONSTRAINT orders_total_check CHECK (total < 1000000) NOT VALID;
ALTER TABLE public.orders VALIDATE CONSTRAINT orders_total_check;
CREATE VIEW public.orders_v AS
SELECT id, total FROM public.orders;
DROP TYPE public.line__old;
DROP DOMAIN public.price__old;
DROP DOMAIN public.money2__old;
