#!/bin/bash
# The exactness contract on one model file: load it into a database; autogen must see
# no difference between parse(model) and introspect(database) (diff exits 0), and
# autogen dump of that database, loaded into an empty one, gives the same schema.
source "$(dirname "$0")/lib.sh"
model=${1:?model file}
name=$(basename "$model" .sql)
# <model>.options (optional): flags for every autogen command of the case.
opts=$(cat "${model%.sql}.options" 2>/dev/null)
db=$(newdb "x")
psql_db "$db" -f "$model" >"$T/load.log" 2>&1 || { tail -5 "$T/load.log"; fail "$name: model does not load into PostgreSQL"; }
"$AUTOGEN" diff $opts --database "$db" --models "$model" >"$T/diff.sql" 2>"$T/diff.err"
rc=$?
[ $rc = 0 ] || { head -40 "$T/diff.sql" "$T/diff.err" >&2; fail "$name: parse(model) != introspect(database) (diff exit $rc)"; }
"$AUTOGEN" dump $opts --database "$db" --out "$T/dump.sql" || fail "$name: dump"
db2=$(newdb "y")
psql_db "$db2" -f "$T/dump.sql" >"$T/load2.log" 2>&1 || { tail -5 "$T/load2.log"; fail "$name: dump does not load"; }
"$AUTOGEN" diff $opts --database "$db2" --models "$model" >"$T/diff2.sql" 2>&1
[ $? = 0 ] || { head -40 "$T/diff2.sql" >&2; fail "$name: dump round trip differs"; }
dropdb_dsn "$db"; dropdb_dsn "$db2"
echo "$name: ok"
