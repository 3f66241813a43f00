SET check_function_bodies = false;
CREATE OR REPLACE FUNCTION events_guard() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    IF NEW.kind IS NULL THEN
        NEW.kind := 'unknown';
    END IF;
    RETURN NEW;
END
$$;
