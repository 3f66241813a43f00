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

-- Roles and expression changed: ALTER POLICY.
CREATE POLICY posts_read ON posts FOR SELECT TO autogen_reader, autogen_writer
    USING (published OR author = current_user);
-- Only the comment changed.
CREATE POLICY posts_write ON posts FOR INSERT TO autogen_writer WITH CHECK (author = current_user);
COMMENT ON POLICY posts_write ON posts IS 'writers insert as themselves';
-- A new policy.
CREATE POLICY posts_titles ON posts FOR INSERT WITH CHECK (title IN ('a', 'b') OR title LIKE 'x%');
-- The command changed: drop and create.
CREATE POLICY posts_kind ON posts FOR ALL USING (title IS NOT NULL);
-- WITH CHECK removed: drop and create.
CREATE POLICY posts_check ON posts FOR UPDATE USING (true);
-- posts_edit and posts_gone are dropped.
