SET check_function_bodies = false;
CREATE OR REPLACE FUNCTION join_trans(state text, next text) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$ SELECT CASE WHEN state = '' THEN next ELSE state || ',' || next END $$;
CREATE OR REPLACE AGGREGATE join_all(text) (SFUNC = join_trans, STYPE = text, INITCOND = '');
CREATE VIEW public.item_list AS
SELECT join_all(name) AS names FROM items;
COMMENT ON AGGREGATE public.join_all(text) IS 'comma list';
