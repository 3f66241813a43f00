CREATE TABLE events (id integer PRIMARY KEY, kind text);

-- body and SECURITY DEFINER change: CREATE OR REPLACE, the trigger stays
CREATE FUNCTION events_guard() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    IF NEW.kind IS NULL THEN
        NEW.kind := 'unknown';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER events_guard BEFORE INSERT ON events
    FOR EACH ROW EXECUTE FUNCTION events_guard();
