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

CREATE TABLE orders (
    id integer PRIMARY KEY,
    tenant integer NOT NULL,
    amount numeric
);
ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
-- Permissive to restrictive: drop and create.
CREATE POLICY orders_tenant ON orders AS RESTRICTIVE
    USING (tenant = current_setting('app.tenant')::integer);
CREATE POLICY orders_positive ON orders AS RESTRICTIVE FOR INSERT TO autogen_writer
    WITH CHECK (amount > 0::numeric);
CREATE POLICY orders_all ON orders TO autogen_reader, PUBLIC USING (true);
