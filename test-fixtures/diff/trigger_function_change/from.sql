CREATE TABLE events (id integer PRIMARY KEY, kind text);

CREATE FUNCTION events_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RETURN NEW;
END
$$;

CREATE TRIGGER events_guard BEFORE INSERT ON events
    FOR EACH ROW EXECUTE FUNCTION events_guard();
