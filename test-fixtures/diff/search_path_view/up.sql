CREATE TABLE app.items (
    id integer NOT NULL,
    name text,
    CONSTRAINT items_pkey PRIMARY KEY (id)
);
SET search_path = app, public;
CREATE VIEW app.item_names AS
SELECT name FROM items;
CREATE VIEW app.item_settings AS
SELECT i.name, s.value FROM items i JOIN settings s ON s.key = i.name;
RESET search_path;
