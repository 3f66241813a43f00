-- DDL inside a DO block (as temporal's schema creates its extension): taken as part of
-- the model; conditions are not evaluated.
DO LANGUAGE plpgsql $$
    BEGIN
        IF (NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm')) THEN
            CREATE EXTENSION pg_trgm;
        END IF;
    END
$$;
DO $body$
BEGIN
    CREATE TABLE made_in_do (id integer PRIMARY KEY, name text);
END
$body$;
CREATE INDEX made_in_do_name_idx ON made_in_do USING gin (name gin_trgm_ops);
