COMMENT ON SCHEMA app IS NULL;
COMMENT ON TYPE app.kind IS NULL;
COMMENT ON SEQUENCE app.seq IS NULL;
COMMENT ON TABLE app.things IS 'old comment';
COMMENT ON COLUMN app.things.id IS NULL;
COMMENT ON COLUMN app.things.kind IS 'drop me';
COMMENT ON CONSTRAINT things_id_check ON app.things IS NULL;
COMMENT ON INDEX app.things_kind_idx IS NULL;
