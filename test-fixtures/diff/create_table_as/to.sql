-- A table created AS a query appears (offline: CREATE TABLE ... AS ... WITH NO DATA).
CREATE TABLE base (id integer, label text);
CREATE TABLE copy AS SELECT id, upper(label) AS label FROM base;
