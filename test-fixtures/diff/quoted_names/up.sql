CREATE TYPE "My App"."Role" AS ENUM ('Admin', 'it''s');
ALTER TABLE "My App"."Users" ADD COLUMN "Role" "My App"."Role";
ALTER TABLE "My App"."Users" ALTER COLUMN "select" TYPE character varying(10);
CREATE INDEX "Users by Role" ON "My App"."Users" ("Role");
