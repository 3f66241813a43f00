CREATE TABLE notes (
    id integer PRIMARY KEY,
    body text,
    edited_at timestamptz
);

CREATE FUNCTION notes_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.edited_at := now();
    RETURN NEW;
END
$$;

CREATE TRIGGER notes_touch BEFORE UPDATE ON notes
    FOR EACH ROW EXECUTE FUNCTION notes_touch();

CREATE TRIGGER notes_gone BEFORE DELETE ON notes
    FOR EACH ROW EXECUTE FUNCTION notes_touch();
