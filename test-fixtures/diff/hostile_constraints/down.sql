ALTER TABLE "café ☕"."table" DROP CONSTRAINT "check ""this""";
DROP INDEX "café ☕"."Quoted Long Index Name That PostgreSQL Truncates To Sixty-Three";
DROP INDEX "café ☕"."idx.dot";
DROP TABLE "café ☕"."ref ""fk""";
ALTER TABLE "café ☕"."table" DROP CONSTRAINT "unique";
ALTER TABLE "café ☕"."table" ADD CONSTRAINT "old check" CHECK ("a""b" <> 'x''y') NOT VALID;
ALTER TABLE "café ☕"."table" VALIDATE CONSTRAINT "old check";
CREATE INDEX "Idx Upper" ON "café ☕"."table" ("a""b");
