CREATE FUNCTION price_with_tax(p numeric) RETURNS numeric
    LANGUAGE sql STABLE STRICT
    SET search_path = public
    AS $$ SELECT round(p * 1.25, 2) $$;

COMMENT ON FUNCTION price_with_tax(numeric) IS 'gross price';
