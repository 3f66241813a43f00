-- Functions whose new version PostgreSQL will not take by CREATE OR REPLACE (new
-- argument, renamed argument): DROP and CREATE. What calls them (a column default, a
-- CHECK, a partial index, a view, a policy, a generated column) goes before the DROP
-- and comes back after.
CREATE FUNCTION next_code() RETURNS text LANGUAGE sql AS $$ SELECT 'A' $$;
CREATE FUNCTION is_pos(x integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT x > 0 $$;
CREATE FUNCTION twice(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT x * 2 $$;
CREATE TABLE items (
    id integer PRIMARY KEY,
    code text DEFAULT next_code(),
    n integer CHECK (is_pos(n)),
    doubled integer GENERATED ALWAYS AS (twice(n)) STORED
);
CREATE INDEX items_pos ON items (id) WHERE is_pos(n);
CREATE VIEW item_codes AS SELECT id, next_code() AS next FROM items;
ALTER TABLE items ENABLE ROW LEVEL SECURITY;
CREATE POLICY items_positive ON items USING (is_pos(id));
