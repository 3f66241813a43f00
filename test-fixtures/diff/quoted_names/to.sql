CREATE SCHEMA "My App";
CREATE TYPE "My App"."Role" AS ENUM ('Admin', 'it''s');
CREATE TABLE "My App"."Users" (
    "Id" integer PRIMARY KEY,
    "select" character varying(10),
    "Role" "My App"."Role"
);
CREATE INDEX "Users by Role" ON "My App"."Users" ("Role");
