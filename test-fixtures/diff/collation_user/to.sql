-- A collation the model creates (not managed: both sides have it) is found through the
-- search path, not in pg_catalog, when a column, an index or a domain names it.
CREATE COLLATION mycoll FROM "C";
CREATE DOMAIN word AS text COLLATE mycoll;
CREATE TABLE words (id integer PRIMARY KEY, w text COLLATE mycoll, v word);
CREATE INDEX words_w ON words (w COLLATE mycoll DESC);
