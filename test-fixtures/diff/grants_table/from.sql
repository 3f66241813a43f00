CREATE TABLE items (id integer PRIMARY KEY, name text);
CREATE SEQUENCE counter;
CREATE VIEW item_names AS SELECT name FROM items;
GRANT SELECT, INSERT ON items TO autogen_test_writer;
GRANT SELECT ON items TO autogen_test_reader WITH GRANT OPTION;
GRANT USAGE ON SEQUENCE counter TO autogen_test_writer;
