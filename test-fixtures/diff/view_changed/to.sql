CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL, price numeric(10,2));
CREATE VIEW cheap_items AS SELECT id, name, price FROM items WHERE price < 5;
CREATE VIEW names AS SELECT name, id FROM items;
COMMENT ON VIEW names IS 'new';
