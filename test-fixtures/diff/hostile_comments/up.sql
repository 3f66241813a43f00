COMMENT ON SCHEMA "a.b" IS E'line one
line two\\ and a backslash';
COMMENT ON TABLE "a.b"."Order" IS 'it''s a
multi-line comment with $$ and $tag$ and "quotes"';
COMMENT ON COLUMN "a.b"."Order"."ID" IS '
leading newline';
COMMENT ON CONSTRAINT "check ""q""" ON "a.b"."Order" IS '''quoted''';
COMMENT ON COLUMN "a.b"."Order"."desc" IS E'it''s \\ new';
COMMENT ON INDEX "a.b"."idx.dot" IS NULL;
