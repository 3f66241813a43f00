ALTER TABLE "select"."user" ALTER COLUMN "with space" DROP DEFAULT;
ALTER TABLE "select"."user" DROP COLUMN "Quoted Long Name That PostgreSQL Truncates To Sixty Three Bytes";
ALTER TABLE "select"."user" DROP COLUMN "Zürich $1";
ALTER TABLE "select"."user" DROP COLUMN "new ""col""";
ALTER TABLE "select"."user" DROP COLUMN nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn_63;
ALTER TABLE "select"."user" DROP COLUMN "user";
ALTER TABLE "select"."user" ADD COLUMN "drop me ""now""" integer DEFAULT 0;
ALTER TABLE "select"."user" ALTER COLUMN "Mixed" SET DEFAULT 'it''s';
ALTER TABLE "select"."user" ALTER COLUMN "a""b" SET DEFAULT E'back\\slash';
ALTER TABLE "select"."user" ALTER COLUMN "a.b" SET DEFAULT 'line one
line two';
ALTER TABLE "select"."user" ALTER COLUMN "café ☕" SET DEFAULT '$$';
