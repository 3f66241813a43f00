SET check_function_bodies = false;
CREATE OR REPLACE FUNCTION price_with_tax(p numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT p * 1.2 $$;
COMMENT ON FUNCTION public.price_with_tax(numeric) IS NULL;
