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

-- WHEN added: drop and create
CREATE TRIGGER notes_touch BEFORE UPDATE ON notes
    FOR EACH ROW WHEN (OLD.body IS DISTINCT FROM NEW.body)
    EXECUTE FUNCTION notes_touch();

CREATE TRIGGER notes_insert BEFORE INSERT ON notes
    FOR EACH ROW EXECUTE FUNCTION notes_touch();

ALTER TABLE notes DISABLE TRIGGER notes_insert;

COMMENT ON TRIGGER notes_insert ON notes IS 'off for now';

-- a new table with its trigger
CREATE TABLE tags (id integer PRIMARY KEY, edited_at timestamptz);
CREATE TRIGGER tags_touch BEFORE UPDATE ON tags
    FOR EACH ROW EXECUTE FUNCTION notes_touch();
