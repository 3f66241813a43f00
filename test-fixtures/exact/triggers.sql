-- Triggers: row and statement level, WHEN, UPDATE OF, transition tables, constraint
-- triggers, disabled ones, comments.
CREATE TABLE accounts (
    id integer PRIMARY KEY,
    balance numeric NOT NULL DEFAULT 0,
    status text,
    updated_at timestamptz
);

CREATE TABLE audit (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    note text
);

CREATE FUNCTION touch() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;

CREATE FUNCTION log_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO audit (note) VALUES (TG_OP || ' ' || TG_ARGV[0]);
    RETURN NULL;
END
$$;

CREATE TRIGGER accounts_touch BEFORE UPDATE ON accounts
    FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE PROCEDURE touch();

CREATE TRIGGER accounts_status AFTER UPDATE OF status ON accounts
    FOR EACH ROW WHEN (NEW.status IN ('closed', 'frozen'))
    EXECUTE FUNCTION log_change('status');

CREATE TRIGGER accounts_bulk AFTER INSERT ON accounts
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION log_change('bulk');

CREATE CONSTRAINT TRIGGER accounts_check AFTER INSERT OR UPDATE ON accounts
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION log_change('deferred');

CREATE TRIGGER accounts_noop BEFORE UPDATE ON accounts
    FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger();

CREATE TRIGGER accounts_off AFTER DELETE ON accounts
    FOR EACH ROW EXECUTE FUNCTION log_change('delete');

ALTER TABLE accounts DISABLE TRIGGER accounts_off;

COMMENT ON TRIGGER accounts_touch ON accounts IS 'keeps updated_at current';
