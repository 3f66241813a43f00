SET check_function_bodies = false;
SET search_path = "Ops";
CREATE OR REPLACE FUNCTION set_n() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.n := 1;
    RETURN NEW;
END
$$;
RESET search_path;
CREATE TABLE "Ops".t (
    id integer NOT NULL,
    n integer,
    CONSTRAINT t_pkey PRIMARY KEY (id)
);
SET search_path = "Ops";
CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION set_n();
RESET search_path;
