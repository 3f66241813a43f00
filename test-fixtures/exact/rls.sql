-- Row-level security: enabled and forced tables, permissive and restrictive policies
-- for each command, roles, comments, expressions the server re-spells.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'autogen_app') THEN
        CREATE ROLE autogen_app;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'autogen_admin') THEN
        CREATE ROLE autogen_admin;
    END IF;
END
$$;

CREATE TABLE accounts (
    id integer PRIMARY KEY,
    owner text NOT NULL,
    status text NOT NULL DEFAULT 'active',
    created timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;

CREATE POLICY accounts_own ON accounts
    USING (owner = current_user);
CREATE POLICY accounts_read ON accounts FOR SELECT TO autogen_app, autogen_admin
    USING (status IN ('active', 'pending'));
CREATE POLICY accounts_insert ON accounts FOR INSERT TO autogen_app
    WITH CHECK (owner = current_user AND status <> 'closed');
CREATE POLICY accounts_update ON accounts AS PERMISSIVE FOR UPDATE TO PUBLIC
    USING (owner = current_user) WITH CHECK (created > now() - interval '1 day');
CREATE POLICY accounts_delete ON accounts AS RESTRICTIVE FOR DELETE TO autogen_admin
    USING (id > 0);
COMMENT ON POLICY accounts_own ON accounts IS 'owners see their own rows';

CREATE TABLE audit (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account integer REFERENCES accounts,
    note varchar(200)
);
ALTER TABLE audit ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit FORCE ROW LEVEL SECURITY;

CREATE POLICY audit_by_account ON audit FOR SELECT
    USING (EXISTS (SELECT 1 FROM accounts a WHERE a.id = audit.account AND a.owner = current_user));
CREATE POLICY audit_note ON audit AS RESTRICTIVE
    USING (note::text LIKE 'ok%' OR note IS NULL);

-- Forced but not enabled: the flag is kept all the same.
CREATE TABLE settings (
    key text PRIMARY KEY,
    value text
);
ALTER TABLE settings FORCE ROW LEVEL SECURITY;
