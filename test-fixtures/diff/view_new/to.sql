CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL, price numeric(10,2));
CREATE VIEW cheap_items AS SELECT id, name FROM items WHERE price < 10;
CREATE VIEW item_names (item_id, label) WITH (security_barrier) AS
  SELECT id, upper(name) FROM items;
CREATE VIEW priced AS SELECT * FROM items WHERE price IS NOT NULL WITH LOCAL CHECK OPTION;
COMMENT ON VIEW cheap_items IS 'items under ten';
COMMENT ON COLUMN item_names.label IS 'upper-case name';
