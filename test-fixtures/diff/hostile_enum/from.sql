CREATE SCHEMA "Mixed Case";
CREATE TYPE "Mixed Case"."Mood ""q""" AS ENUM ('it''s', 'back\slash', 'Plain');
CREATE TABLE "Mixed Case"."a.b" (
    id integer PRIMARY KEY,
    mood "Mixed Case"."Mood ""q""" DEFAULT 'it''s'
);
