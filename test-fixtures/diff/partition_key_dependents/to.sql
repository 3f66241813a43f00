-- A table that becomes partitioned is dropped and created again: the foreign keys that
-- reference it and the views that read it go before and come back after.
CREATE TABLE measures (id integer, taken date, PRIMARY KEY (id, taken)) PARTITION BY RANGE (taken);
CREATE TABLE measures_2024 PARTITION OF measures FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE notes (measure_id integer, measure_taken date, body text,
    FOREIGN KEY (measure_id, measure_taken) REFERENCES measures (id, taken));
CREATE VIEW recent AS SELECT id, taken FROM measures WHERE taken > date '2024-01-01';
