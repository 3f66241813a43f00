COMMENT ON SCHEMA "a.b" IS 'plain';
COMMENT ON TABLE "a.b"."Order" IS 'old';
COMMENT ON COLUMN "a.b"."Order"."ID" IS NULL;
COMMENT ON CONSTRAINT "check ""q""" ON "a.b"."Order" IS NULL;
COMMENT ON COLUMN "a.b"."Order"."desc" IS 'it''s $$ old';
COMMENT ON INDEX "a.b"."idx.dot" IS 'to be removed';
