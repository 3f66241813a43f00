-- Keys made from existing unique indexes (ADD ... USING INDEX); the freed index name is reused.
CREATE TABLE t (a int, b int, c int);
CREATE UNIQUE INDEX t_a_uniq ON t (a);
CREATE UNIQUE INDEX t_bc ON t (b, c) INCLUDE (a);
ALTER TABLE t ADD CONSTRAINT t_pk PRIMARY KEY USING INDEX t_a_uniq;
ALTER TABLE t ADD UNIQUE USING INDEX t_bc DEFERRABLE;
CREATE UNIQUE INDEX t_a_uniq ON t (c);
