CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'the application';
CREATE TYPE app.kind AS ENUM ('a', 'b');
COMMENT ON TYPE app.kind IS 'kinds of things';
CREATE SEQUENCE app.seq;
COMMENT ON SEQUENCE app.seq IS 'a counter';
CREATE TABLE app.things (
    id integer PRIMARY KEY,
    kind app.kind,
    CONSTRAINT things_id_check CHECK (id > 0)
);
CREATE INDEX things_kind_idx ON app.things (kind);
COMMENT ON TABLE app.things IS 'it''s new';
COMMENT ON COLUMN app.things.id IS 'identifier';
COMMENT ON CONSTRAINT things_id_check ON app.things IS 'positive';
COMMENT ON INDEX app.things_kind_idx IS 'by kind';
