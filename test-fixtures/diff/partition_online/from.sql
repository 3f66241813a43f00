-- --online on a partitioned table: PostgreSQL builds no index there CONCURRENTLY and
-- takes no NOT VALID foreign key there; the plain forms are used for it.
CREATE TABLE accounts (id integer PRIMARY KEY);
CREATE TABLE events (id integer NOT NULL, account_id integer, kind text NOT NULL)
    PARTITION BY LIST (kind);
CREATE TABLE events_a PARTITION OF events FOR VALUES IN ('a');
CREATE TABLE plain (id integer, account_id integer);
