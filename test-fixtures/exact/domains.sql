-- Domains: base types with typmods, collations, defaults, NOT NULL, named and implicit
-- CHECK constraints, NOT VALID ones added as pg_dump writes them, comments, quoted
-- and non-ASCII names, a domain over a domain, and columns using them.
CREATE SCHEMA app;

CREATE DOMAIN public.year AS integer
    CONSTRAINT year_check CHECK (((VALUE >= 1901) AND (VALUE <= 2155)));

CREATE DOMAIN public."bıgınt" AS bigint;

CREATE DOMAIN public."AccountNumber" AS character varying(15);

CREATE DOMAIN public."Flag" AS boolean NOT NULL;

CREATE DOMAIN app.code AS text COLLATE "C" DEFAULT 'none' NOT NULL
    CHECK (VALUE <> '') CHECK (length(VALUE) < 20);

CREATE DOMAIN app.positive AS numeric(10,2) CHECK (VALUE > 0);
CREATE DOMAIN app.small_positive AS app.positive CHECK (VALUE < 100);

CREATE DOMAIN app.devil_int AS int DEFAULT 666;
CREATE DOMAIN app.nothing AS int DEFAULT NULL;

CREATE DOMAIN app.tags AS text[];

CREATE DOMAIN app.email AS text;
ALTER DOMAIN app.email ADD CONSTRAINT email_at CHECK (VALUE ~ '@') NOT VALID;

CREATE DOMAIN one_nine AS integer CHECK (value >= 1 and value <= 9);

COMMENT ON DOMAIN public.year IS 'a year between 1901 and 2155';
COMMENT ON CONSTRAINT year_check ON DOMAIN public.year IS 'the range';
COMMENT ON TYPE app.code IS 'short codes';

CREATE TABLE app.film (
    id integer PRIMARY KEY,
    release_year public.year,
    account public."AccountNumber",
    flag public."Flag" DEFAULT true,
    code app.code,
    price app.small_positive,
    n one_nine,
    big "bıgınt",
    tags app.tags
);

-- Expressions PostgreSQL re-spells: IN lists, implicit casts on VALUE, interval literals.
CREATE DOMAIN app.status AS text CHECK (VALUE IN ('new', 'done'));
CREATE DOMAIN app.short_name AS varchar(40) CHECK (char_length(VALUE) <= 10);
CREATE DOMAIN app.ttl AS interval DEFAULT '1 day' CHECK (VALUE > '0 seconds');
CREATE DOMAIN app.created AS timestamp with time zone DEFAULT now() NOT NULL;
