-- An index created on a partitioned table takes over a partition's matching index made
-- before it (p_a_custom becomes p_id's partition): not an index of its own any more.
CREATE TABLE p (id integer, k text) PARTITION BY LIST (k);
CREATE TABLE p_a PARTITION OF p FOR VALUES IN ('a');
CREATE INDEX p_a_custom ON p_a (id);
CREATE INDEX p_id ON p (id);
