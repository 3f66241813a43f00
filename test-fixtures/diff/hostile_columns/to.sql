CREATE SCHEMA "select";
CREATE TABLE "select"."user" (
    "select" integer PRIMARY KEY,
    "Mixed" text DEFAULT 'it''s ''twice''',
    "a""b" text DEFAULT 'back\\slash\n',
    "with space" text DEFAULT '$x$ $$ not a body $$',
    "café ☕" text,
    "a.b" text DEFAULT E'tab\there\nline',
    "new ""col""" text DEFAULT '"quoted" and ''single''' NOT NULL,
    "user" integer DEFAULT 7,
    "Zürich $1" text DEFAULT 'Zürich',
    "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn_63" integer,
    "Quoted Long Name That PostgreSQL Truncates To Sixty Three Bytes!!" text DEFAULT ''
);
