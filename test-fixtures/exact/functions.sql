-- Functions and procedures of every shape: attributes, defaults, OUT and TABLE results,
-- overloads, SET clauses, comments.
CREATE TABLE items (
    id integer PRIMARY KEY,
    name text NOT NULL,
    price numeric(10,2) DEFAULT 0
);

CREATE FUNCTION add(a integer, b integer DEFAULT 1) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT a + b $$;

CREATE FUNCTION add(a numeric, b numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE
    AS 'SELECT a + b';

CREATE FUNCTION greet(who text DEFAULT 'world', punct varchar(3) DEFAULT '!') RETURNS text
    LANGUAGE plpgsql STABLE
    AS $body$
BEGIN
    RETURN 'hello ' || who || punct;
END
$body$;

CREATE FUNCTION items_named(pattern text) RETURNS SETOF items
    LANGUAGE sql STABLE ROWS 20
    AS $$ SELECT * FROM items WHERE name LIKE pattern $$;

CREATE FUNCTION item_stats(OUT n bigint, OUT total numeric)
    LANGUAGE sql STABLE
    AS $$ SELECT count(*), sum(price) FROM items $$;

CREATE FUNCTION item_rows(min_price numeric DEFAULT 0)
    RETURNS TABLE(id integer, name text)
    LANGUAGE sql STABLE
    AS $$ SELECT id, name FROM items WHERE price >= min_price $$;

CREATE FUNCTION secret() RETURNS text
    LANGUAGE sql SECURITY DEFINER LEAKPROOF COST 5
    SET search_path = public, pg_temp
    SET statement_timeout = '5s'
    AS $$ SELECT 'x'::text $$;

CREATE FUNCTION concat_all(VARIADIC parts text[]) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT array_to_string(parts, ',') $$;

CREATE PROCEDURE reprice(factor numeric, INOUT changed integer DEFAULT NULL)
    LANGUAGE plpgsql
    AS $$
BEGIN
    UPDATE items SET price = price * factor;
    GET DIAGNOSTICS changed = ROW_COUNT;
END
$$;

COMMENT ON FUNCTION add(integer, integer) IS 'adds integers';
COMMENT ON PROCEDURE reprice(numeric, integer) IS 'reprices every item';
