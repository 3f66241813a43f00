SET check_function_bodies = false;
CREATE OR REPLACE PROCEDURE archive_orders(before_id integer, keep boolean DEFAULT false)
    LANGUAGE sql
    AS $$ DELETE FROM orders WHERE id < before_id AND NOT keep $$;
DROP FUNCTION public.old_helper();
DROP FUNCTION public.order_total(integer);
CREATE OR REPLACE FUNCTION order_total(order_id integer) RETURNS text
    LANGUAGE sql STABLE
    AS $$ SELECT total::text FROM orders WHERE id = order_id $$;
