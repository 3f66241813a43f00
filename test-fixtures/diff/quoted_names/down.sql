ALTER TABLE "My App"."Users" DROP COLUMN "Role";
ALTER TABLE "My App"."Users" ALTER COLUMN "select" TYPE text;
DROP TYPE "My App"."Role";
