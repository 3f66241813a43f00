-- A table created AS a query appears (offline: CREATE TABLE ... AS ... WITH NO DATA).
CREATE TABLE base (id integer, label text);
