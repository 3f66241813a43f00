SET check_function_bodies = false;
CREATE OR REPLACE FUNCTION old_helper() RETURNS integer LANGUAGE sql AS $$ SELECT 1 $$;
DROP PROCEDURE public.archive_orders(integer, boolean);
DROP FUNCTION public.order_total(integer);
CREATE OR REPLACE FUNCTION order_total(order_id integer) RETURNS numeric
    LANGUAGE sql STABLE
    AS $$ SELECT total FROM orders WHERE id = order_id $$;
