CREATE SCHEMA "select";
CREATE TABLE "select"."user" (
    "select" integer PRIMARY KEY,
    "Mixed" text DEFAULT 'it''s',
    "a""b" text DEFAULT 'back\slash',
    "with space" text,
    "café ☕" text DEFAULT '$$',
    "drop me ""now""" integer DEFAULT 0,
    "a.b" text DEFAULT 'line one
line two'
);
