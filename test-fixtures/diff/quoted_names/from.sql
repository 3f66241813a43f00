CREATE SCHEMA "My App";
CREATE TABLE "My App"."Users" (
    "Id" integer PRIMARY KEY,
    "select" text
);
