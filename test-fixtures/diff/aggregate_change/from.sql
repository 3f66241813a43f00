-- Aggregates change: the initial condition (CREATE OR REPLACE), the state type (DROP +
-- CREATE), one disappears.
CREATE AGGREGATE cat_all(text) (SFUNC = textcat, STYPE = text, INITCOND = '');
CREATE AGGREGATE total(integer) (SFUNC = int4pl, STYPE = integer);
CREATE AGGREGATE gone(*) (SFUNC = int8inc, STYPE = bigint, INITCOND = '0');
