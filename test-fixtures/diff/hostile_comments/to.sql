CREATE SCHEMA "a.b";
COMMENT ON SCHEMA "a.b" IS E'line one\nline two\\ and a backslash';
CREATE TABLE "a.b"."Order" (
    "ID" integer PRIMARY KEY,
    "desc" text,
    CONSTRAINT "check ""q""" CHECK ("ID" > 0)
);
CREATE INDEX "idx.dot" ON "a.b"."Order" ("desc");
COMMENT ON TABLE "a.b"."Order" IS 'it''s a
multi-line comment with $$ and $tag$ and "quotes"';
COMMENT ON COLUMN "a.b"."Order"."ID" IS '
leading newline';
COMMENT ON COLUMN "a.b"."Order"."desc" IS 'it''s \ new';
COMMENT ON CONSTRAINT "check ""q""" ON "a.b"."Order" IS E'\'quoted\'';
