CREATE SCHEMA "café ☕";
CREATE TABLE "café ☕"."table" (
    "select" integer PRIMARY KEY,
    "a""b" text,
    "with space" text,
    CONSTRAINT "old check" CHECK ("a""b" <> 'x''y')
);
CREATE INDEX "Idx Upper" ON "café ☕"."table" ("a""b");
