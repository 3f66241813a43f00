CREATE TABLE orders (id integer PRIMARY KEY, total numeric);

-- the result type changes: OR REPLACE is refused, drop and create
CREATE FUNCTION order_total(order_id integer) RETURNS text
    LANGUAGE sql STABLE
    AS $$ SELECT total::text FROM orders WHERE id = order_id $$;

-- a new argument: another function
CREATE PROCEDURE archive_orders(before_id integer, keep boolean DEFAULT false)
    LANGUAGE sql
    AS $$ DELETE FROM orders WHERE id < before_id AND NOT keep $$;
