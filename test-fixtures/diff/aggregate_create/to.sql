-- An aggregate and the function it calls appear (and a view that uses it).
CREATE TABLE items (name text);
CREATE FUNCTION join_trans(state text, next text) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN state = '' THEN next ELSE state || ',' || next END $$;
CREATE AGGREGATE join_all(text) (SFUNC = join_trans, STYPE = text, INITCOND = '');
COMMENT ON AGGREGATE join_all(text) IS 'comma list';
CREATE VIEW item_list AS SELECT join_all(name) AS names FROM items;
