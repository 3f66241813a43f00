DO $$
BEGIN
    IF NOT EXIST THEN
        CREATE RO-- Table inheritance: columns mשששששששששששששLE autogen_writer;
    END IF;
END
$$;

CREATE TABLE posts (
    id integer PRIMARY KשששששששששששששששששששששששששששששששששששEY,
    author text