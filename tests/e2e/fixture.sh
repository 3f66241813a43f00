#!/bin/bash
# One case of test-fixtures/diff/<case>/: load from.sql, apply the generated
# upgrade (one transaction, ON_ERROR_STOP), check the result equals to.sql (autogen's own
# catalogs, and pg_dump of a database loaded from to.sql); apply the downgrade and check
# the result equals from.sql. Rows in seed.sql (optional) must survive both.
source "$(dirname "$0")/lib.sh"
case_dir=${1:?case folder}
name=$(basename "$case_dir")
# options (optional): flags for every autogen diff of the case; roles.sql (optional):
# cluster-wide roles the case needs, run first on the server (guarded, idempotent).
opts=$(cat "$case_dir/options" 2>/dev/null)
[ -f "$case_dir/roles.sql" ] && { psql_db "$DSN" -f "$case_dir/roles.sql" >/dev/null || fail "$name: roles.sql"; }
db=$(newdb "c")
ref_to=$(newdb "to")
ref_from=$(newdb "from")
psql_db "$db" -f "$case_dir/from.sql" >/dev/null || fail "$name: from.sql does not load"
psql_db "$ref_from" -f "$case_dir/from.sql" >/dev/null
psql_db "$ref_to" -f "$case_dir/to.sql" >/dev/null || fail "$name: to.sql does not load"
[ -f "$case_dir/seed.sql" ] && { psql_db "$db" -f "$case_dir/seed.sql" >/dev/null || fail "$name: seed"; }

"$AUTOGEN" diff $opts --database "$db" --models "$case_dir/to.sql" >"$T/up.sql"
rc=$?; [ $rc = 1 ] || fail "$name: diff exit $rc, want 1 (changes)"
"$AUTOGEN" diff $opts --down --database "$db" --models "$case_dir/to.sql" >"$T/down.sql" ||
    [ $? = 1 ] || fail "$name: diff --down failed"
# The golden up.sql/down.sql are model-to-model output, checked by test_emit; here the
# "from" side is the live database, so only behaviour is compared, not bytes.
if [ -f "$case_dir/must-not.txt" ]; then
    while IFS= read -r pat; do
        [ -z "$pat" ] && continue
        grep -qF -- "$pat" "$T/up.sql" "$T/down.sql" && fail "$name: output contains forbidden '$pat'"
    done <"$case_dir/must-not.txt"
fi
# One transaction, unless a statement cannot run in one (--online: CONCURRENTLY).
one_txn() { grep -q CONCURRENTLY "$1" || echo -1; }
psql_db "$db" $(one_txn "$T/up.sql") -f "$T/up.sql" >/dev/null || fail "$name: upgrade does not apply"
"$AUTOGEN" diff $opts --database "$db" --models "$case_dir/to.sql" >"$T/left.sql"
[ $? = 0 ] || { cat "$T/left.sql" >&2; fail "$name: after the upgrade, autogen still sees changes"; }
same_schema "$db" "$ref_to" || fail "$name: upgraded database differs from to.sql (pg_dump)"
[ -f "$case_dir/seed.sql" ] && [ -f "$case_dir/check-up.sql" ] && {
    [ "$(psql_db "$db" -Atf "$case_dir/check-up.sql")" = t ] || fail "$name: data check after upgrade"; }
psql_db "$db" $(one_txn "$T/down.sql") -f "$T/down.sql" >/dev/null ||
    fail "$name: downgrade does not apply"
"$AUTOGEN" diff $opts --database "$db" --models "$case_dir/from.sql" >"$T/left.sql"
[ $? = 0 ] || { cat "$T/left.sql" >&2; fail "$name: after the downgrade, autogen still sees changes"; }
same_schema "$db" "$ref_from" || fail "$name: downgraded database differs from from.sql (pg_dump)"
[ -f "$case_dir/seed.sql" ] && [ -f "$case_dir/check-down.sql" ] && {
    [ "$(psql_db "$db" -Atf "$case_dir/check-down.sql")" = t ] || fail "$name: data check after downgrade"; }
dropdb_dsn "$db"; dropdb_dsn "$ref_to"; dropdb_dsn "$ref_from"
echo "$name: ok"
