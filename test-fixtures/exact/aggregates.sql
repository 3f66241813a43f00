-- Aggregates: new and old style, (*), ordered-set, moving-aggregate options, comments, a view using one.
CREATE FUNCTION public._group_concat(text, text) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $_$
SELECT CASE
  WHEN $2 IS NULL THEN $1
  WHEN $1 IS NULL THEN $2
  ELSE $1 || ', ' || $2
END
$_$;
CREATE AGGREGATE public.group_concat(text) (
    SFUNC = public._group_concat,
    STYPE = text
);
create function dummy(int) returns int language sql as 'select 1';
CREATE AGGREGATE ua(*) (sfunc = dummy, stype = int);
create aggregate oa(float8 order by anyelement) (sfunc = ordered_set_transition, stype = internal, finalfunc = percentile_disc_final, finalfunc_extra);
create aggregate ga(text) (sfunc = textcat, stype = text, initcond = '', parallel = safe);
create aggregate old_ga (basetype = text, sfunc = textcat, stype = text, initcond = 'it''s');
create aggregate mv(int) (sfunc = int4pl, stype = int, msfunc = int4pl, minvfunc = int4mi, mstype = int, combinefunc = int4pl, sortop = >);
COMMENT ON AGGREGATE ua(*) IS 'star';
create view v as select group_concat(x) from (values ('a')) t(x);
