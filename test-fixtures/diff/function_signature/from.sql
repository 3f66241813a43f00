CREATE TABLE orders (id integer PRIMARY KEY, total numeric);

CREATE FUNCTION order_total(order_id integer) RETURNS numeric
    LANGUAGE sql STABLE
    AS $$ SELECT total FROM orders WHERE id = order_id $$;

CREATE FUNCTION old_helper() RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$;
