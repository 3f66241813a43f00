SET check_function_bodies = false;
CREATE OR REPLACE AGGREGATE cat_all(text) (SFUNC = textcat, STYPE = text, INITCOND = '');
CREATE OR REPLACE AGGREGATE gone(*) (SFUNC = int8inc, STYPE = bigint, INITCOND = '0');
DROP AGGREGATE public.total(integer);
CREATE OR REPLACE AGGREGATE total(integer) (SFUNC = int4pl, STYPE = integer);
