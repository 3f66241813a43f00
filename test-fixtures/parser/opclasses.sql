-- Operator classes: named defaults are stored as none; others kept.
CREATE TYPE e AS ENUM ('a');
CREATE TABLE t (a int, b text, c varchar(10), d jsonb, f int[], g e, h tstzrange, i numeric(5,1), j timestamptz);
CREATE INDEX ON t (a int4_ops, b text_ops, c text_ops, c varchar_pattern_ops, i numeric_ops, j timestamptz_ops, g enum_ops);
CREATE INDEX ON t USING gin (d jsonb_ops, f array_ops);
CREATE INDEX ON t USING gin (d jsonb_path_ops);
CREATE INDEX ON t USING gist (h range_ops);
CREATE INDEX ON t USING hash (b text_ops);
CREATE INDEX ON t (b text_pattern_ops, a pg_catalog.int4_ops);
CREATE INDEX ON t USING brin (a int4_minmax_ops, j);
