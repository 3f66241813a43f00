COMMENT ON SCHEMA app IS 'the application';
COMMENT ON TYPE app.kind IS 'kinds of things';
COMMENT ON SEQUENCE app.seq IS 'a counter';
COMMENT ON TABLE app.things IS 'it''s new';
COMMENT ON COLUMN app.things.id IS 'identifier';
COMMENT ON COLUMN app.things.kind IS NULL;
COMMENT ON CONSTRAINT things_id_check ON app.things IS 'positive';
COMMENT ON INDEX app.things_kind_idx IS 'by kind';
