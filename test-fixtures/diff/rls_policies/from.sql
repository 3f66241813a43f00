DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'autogen_reader') THEN
        CREATE ROLE autogen_reader;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'autogen_writer') THEN
        CREATE ROLE autogen_writer;
    END IF;
END
$$;

CREATE TABLE posts (
    id integer PRIMARY KEY,
    author text NOT NULL,
    published boolean NOT NULL DEFAULT false,
    title varchar(100)
);
ALTER TABLE posts ENABLE ROW LEVEL SECURITY;

CREATE POLICY posts_read ON posts FOR SELECT TO autogen_reader USING (published);
CREATE POLICY posts_write ON posts FOR INSERT TO autogen_writer WITH CHECK (author = current_user);
CREATE POLICY posts_edit ON posts FOR UPDATE USING (author = current_user);
CREATE POLICY posts_gone ON posts FOR DELETE USING (false);
CREATE POLICY posts_kind ON posts FOR SELECT USING (title IS NOT NULL);
CREATE POLICY posts_check ON posts FOR UPDATE USING (true) WITH CHECK (published);
COMMENT ON POLICY posts_read ON posts IS 'readers see published posts';
