-- A collation the model creates (not managed: both sides have it) is found through the
-- search path, not in pg_catalog, when a column, an index or a domain names it.
CREATE COLLATION mycoll FROM "C";
CREATE TABLE words (id integer PRIMARY KEY, w text);
