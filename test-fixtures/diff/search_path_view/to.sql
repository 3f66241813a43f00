-- A view over a table created in the same migration, both under SET search_path: the
-- server cannot qualify the view's query (the table does not exist yet), so the query
-- runs as written, under the model's search_path (app first, then public).
CREATE SCHEMA app;

CREATE TABLE settings (key text PRIMARY KEY, value text);

SET search_path = app, public;

CREATE TABLE items (id int PRIMARY KEY, name text);

CREATE VIEW item_names AS SELECT name FROM items;

CREATE VIEW item_settings AS SELECT i.name, s.value FROM items i JOIN settings s ON s.key = i.name;
