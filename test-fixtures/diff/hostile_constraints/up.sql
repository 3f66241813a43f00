ALTER TABLE "café ☕"."table" DROP CONSTRAINT "old check";
DROP INDEX "café ☕"."Idx Upper";
CREATE TABLE "café ☕"."ref ""fk""" (
    id integer NOT NULL,
    "select" integer,
    CONSTRAINT "ref ""fk""_pkey" PRIMARY KEY (id)
);
ALTER TABLE "café ☕"."table" ADD CONSTRAINT "unique" UNIQUE ("a""b", "with space");
ALTER TABLE "café ☕"."table" ADD CONSTRAINT "check ""this""" CHECK ("with space" !~ E'\\d+$' AND "a""b" <> 'it''s $$') NOT VALID;
ALTER TABLE "café ☕"."ref ""fk""" ADD CONSTRAINT "Quoted Long Constraint Name That PostgreSQL Truncates To 63 Byt" FOREIGN KEY ("select") REFERENCES "café ☕"."table" ("select");
ALTER TABLE "café ☕"."table" VALIDATE CONSTRAINT "check ""this""";
CREATE INDEX "Quoted Long Index Name That PostgreSQL Truncates To Sixty-Three" ON "café ☕"."table" ("with space");
CREATE INDEX "idx.dot" ON "café ☕"."table" ((lower("with space"))) WHERE "a""b" <> 'it''s';
