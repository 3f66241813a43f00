CREATE FUNCTION price_with_tax(p numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT p * 1.2 $$;
