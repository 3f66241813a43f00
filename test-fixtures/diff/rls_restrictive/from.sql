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
CREATE POLICY orders_tenant ON orders USING (tenant = current_setting('app.tenant')::integer);
