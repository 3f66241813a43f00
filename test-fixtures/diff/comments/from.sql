CREATE SCHEMA app;
CREATE TYPE app.kind AS ENUM ('a', 'b');
CREATE SEQUENCE app.seq;
CREATE TABLE app.things (
    id integer PRIMARY KEY,
    kind app.kind,
    CONSTRAINT things_id_check CHECK (id > 0)
);
CREATE INDEX things_kind_idx ON app.things (kind);
COMMENT ON TABLE app.things IS 'old comment';
COMMENT ON COLUMN app.things.kind IS 'drop me';
