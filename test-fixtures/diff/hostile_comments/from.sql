CREATE SCHEMA "a.b";
COMMENT ON SCHEMA "a.b" IS 'plain';
CREATE TABLE "a.b"."Order" (
    "ID" integer PRIMARY KEY,
    "desc" text,
    CONSTRAINT "check ""q""" CHECK ("ID" > 0)
);
CREATE INDEX "idx.dot" ON "a.b"."Order" ("desc");
COMMENT ON TABLE "a.b"."Order" IS 'old';
COMMENT ON COLUMN "a.b"."Order"."desc" IS 'it''s $$ old';
COMMENT ON INDEX "a.b"."idx.dot" IS 'to be removed';
