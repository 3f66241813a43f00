ALTER TABLE "Mixed Case"."a.b" ALTER COLUMN mood DROP DEFAULT;
ALTER TYPE "Mixed Case"."Mood ""q""" RENAME TO "Mood ""q""__old";
CREATE TYPE "Mixed Case"."Mood ""q""" AS ENUM ('it''s', E'back\\slash', 'Plain');
ALTER TABLE "Mixed Case"."a.b" ALTER COLUMN mood TYPE "Mixed Case"."Mood ""q""" USING mood::text::"Mixed Case"."Mood ""q""";
ALTER TABLE "Mixed Case"."a.b" ALTER COLUMN mood SET DEFAULT 'it''s';
DROP TYPE "Mixed Case"."Mood ""q""__old";
