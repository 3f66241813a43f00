-- A trigger function, its table and the trigger, all unqualified under a search_path
-- naming a schema that needs quotes.
CREATE SCHEMA "Ops";

SET search_path = "Ops";

CREATE TABLE t (id int PRIMARY KEY, n int);

CREATE FUNCTION set_n() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.n := 1;
    RETURN NEW;
END
$$;

CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION set_n();
