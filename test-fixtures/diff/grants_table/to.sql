CREATE TABLE items (id integer PRIMARY KEY, name text);
CREATE SEQUENCE counter;
CREATE VIEW item_names AS SELECT name FROM items;
CREATE TABLE tags (id integer PRIMARY KEY);
GRANT ALL ON items TO autogen_test_writer;
REVOKE TRUNCATE, REFERENCES, TRIGGER ON items FROM autogen_test_writer;
GRANT SELECT ON items TO autogen_test_reader;
GRANT SELECT ON item_names TO PUBLIC;
GRANT SELECT ON tags TO autogen_test_reader;
