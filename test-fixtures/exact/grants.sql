-- Privileges, managed with --grants (grants.options): PUBLIC only, so that the case
-- needs no cluster-wide role.
CREATE SCHEMA shop;
CREATE TABLE shop.items (id integer PRIMARY KEY, name text NOT NULL);
CREATE SEQUENCE shop.ticket;
CREATE VIEW shop.item_names AS SELECT name FROM shop.items;
CREATE FUNCTION shop.price(id integer) RETURNS numeric LANGUAGE sql AS 'SELECT 1.0';
CREATE FUNCTION shop.open() RETURNS integer LANGUAGE sql AS 'SELECT 1';
CREATE PROCEDURE shop.restock() LANGUAGE sql AS 'SELECT 1';

GRANT USAGE ON SCHEMA shop TO PUBLIC;
GRANT SELECT ON shop.items TO PUBLIC;
GRANT SELECT, UPDATE ON shop.item_names TO PUBLIC;
REVOKE UPDATE ON shop.item_names FROM PUBLIC;
GRANT USAGE ON SEQUENCE shop.ticket TO PUBLIC;
REVOKE EXECUTE ON FUNCTION shop.price(integer) FROM PUBLIC;
REVOKE ALL ON PROCEDURE shop.restock FROM PUBLIC;
GRANT EXECUTE ON FUNCTION shop.open() TO PUBLIC;
