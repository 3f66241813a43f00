CREATE FUNCTION fmt(v integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT v::text $$;
CREATE FUNCTION fmt(v numeric, digits integer DEFAULT 2) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$ SELECT round(v, digits)::text $$;
CREATE FUNCTION fmt(v date) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT to_char(v, 'YYYY-MM-DD') $$;

-- a table whose default and CHECK call the new overloads: functions come first
CREATE TABLE labels (
    id integer PRIMARY KEY,
    amount numeric,
    shown text DEFAULT fmt(0::numeric),
    CONSTRAINT amount_fmt CHECK (fmt(amount) <> '')
);
