-- Aggregates change: the initial condition (CREATE OR REPLACE), the state type (DROP +
-- CREATE), one disappears.
CREATE AGGREGATE cat_all(text) (SFUNC = textcat, STYPE = text, INITCOND = '>', PARALLEL = SAFE);
CREATE AGGREGATE total(integer) (SFUNC = int4_sum, STYPE = bigint);
