CREATE SCHEMA "café ☕";
CREATE TABLE "café ☕"."table" (
    "select" integer PRIMARY KEY,
    "a""b" text,
    "with space" text,
    CONSTRAINT "check ""this""" CHECK ("with space" !~ '\d+$' AND "a""b" <> 'it''s $$'),
    CONSTRAINT "unique" UNIQUE ("a""b", "with space")
);
CREATE TABLE "café ☕"."ref ""fk""" (
    id integer PRIMARY KEY,
    "select" integer,
    CONSTRAINT "Quoted Long Constraint Name That PostgreSQL Truncates To 63 Bytes!!" FOREIGN KEY ("select") REFERENCES "café ☕"."table" ("select")
);
CREATE INDEX "idx.dot" ON "café ☕"."table" (lower("with space")) WHERE "a""b" <> 'it''s';
CREATE INDEX "Quoted Long Index Name That PostgreSQL Truncates To Sixty-Three Bytes" ON "café ☕"."table" ("with space");
