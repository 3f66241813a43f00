CREATE SCHEMA "Mixed Case";
CREATE TYPE "Mixed Case"."Mood ""q""" AS ENUM ('$$first$$', 'it''s', 'new
line', 'back\slash', 'a"b', 'Plain', 'café ☕', 'it''s ''last''');
CREATE TABLE "Mixed Case"."a.b" (
    id integer PRIMARY KEY,
    mood "Mixed Case"."Mood ""q""" DEFAULT 'it''s'
);
