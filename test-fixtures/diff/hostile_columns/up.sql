ALTER TABLE "select"."user" ALTER COLUMN "café ☕" DROP DEFAULT;
ALTER TABLE "select"."user" DROP COLUMN "drop me ""now""";
ALTER TABLE "select"."user" ADD COLUMN "Quoted Long Name That PostgreSQL Truncates To Sixty Three Bytes" text DEFAULT '';
ALTER TABLE "select"."user" ADD COLUMN "Zürich $1" text DEFAULT 'Zürich';
ALTER TABLE "select"."user" ADD COLUMN "new ""col""" text DEFAULT '"quoted" and ''single''' NOT NULL;
ALTER TABLE "select"."user" ADD COLUMN nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn_63 integer;
ALTER TABLE "select"."user" ADD COLUMN "user" integer DEFAULT 7;
ALTER TABLE "select"."user" ALTER COLUMN "Mixed" SET DEFAULT 'it''s ''twice''';
ALTER TABLE "select"."user" ALTER COLUMN "a""b" SET DEFAULT E'back\\\\slash\\n';
ALTER TABLE "select"."user" ALTER COLUMN "a.b" SET DEFAULT 'tab	here
line';
ALTER TABLE "select"."user" ALTER COLUMN "with space" SET DEFAULT '$x$ $$ not a body $$';
