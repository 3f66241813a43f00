CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL, price numeric(10,2));
CREATE VIEW cheap_items AS SELECT id, name FROM items WHERE price < 10;
CREATE VIEW names AS SELECT id, name FROM items;
COMMENT ON VIEW names IS 'old';
