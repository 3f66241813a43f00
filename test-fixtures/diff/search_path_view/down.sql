DROP VIEW app.item_names;
DROP VIEW app.item_settings;
DROP TABLE app.items;
