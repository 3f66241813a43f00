SET check_function_bodies = false;
CREATE OR REPLACE AGGREGATE cat_all(text) (SFUNC = textcat, STYPE = text, INITCOND = '>', PARALLEL = SAFE);
DROP AGGREGATE public.gone(*);
DROP AGGREGATE public.total(integer);
CREATE OR REPLACE AGGREGATE total(integer) (SFUNC = int4_sum, STYPE = bigint);
