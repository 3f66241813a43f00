#!/bin/bash
# The Alembic workflow our users follow, done with autogen end to end against a real
# PostgreSQL: init, generate, review, upgrade head, current, history --verbose,
# downgrade -1, re-upgrade, upgrade head --sql, check; and at each step the database
# compared with one loaded straight from the models through pg_dump (independent view).
source "$(dirname "$0")/lib.sh"
db=$(newdb wf)
ref=$(newdb ref)
export DATABASE_URL="$db"
cd "$T" || exit 1
"$AUTOGEN" init proj >/dev/null || fail "init"
[ -f proj/autogen.conf ] && [ -d proj/models ] && [ -d proj/migrations ] || fail "init layout"
cd proj || exit 1
cp "$SRC"/examples/recruiting/models/*.sql models/

out=$("$AUTOGEN" -m "create jobs and candidates") || fail "first revision: $out"
rev1=$(ls migrations/*.sql)
grep -q '^-- autogen:upgrade$' "$rev1" || fail "no upgrade section in $rev1"
grep -q '^-- autogen:downgrade$' "$rev1" || fail "no downgrade section"
grep -q 'CREATE TABLE public.jobs' "$rev1" || fail "no CREATE TABLE jobs in $rev1"
"$AUTOGEN" check >/dev/null; [ $? = 1 ] || fail "check must report the pending revision"
"$AUTOGEN" upgrade head >/dev/null || fail "upgrade head"
"$AUTOGEN" check || fail "check after upgrade"
cur=$("$AUTOGEN" current) || fail "current"
id1=$(sed -n 's/^-- revision: //p' "$rev1")
[[ "$cur" == "$id1 (head)"* ]] || fail "current says '$cur', want $id1 (head)"

# Independent view: the migrated database equals one loaded from the models.
cat models/jobs.sql models/candidates.sql | psql_db "$ref" >/dev/null || fail "loading models into ref"
same_schema "$db" "$ref" || fail "migrated database differs from the models (pg_dump)"

# Change the model: a new column and an index; generate, review, upgrade.
sed -i "s/^    title varchar(200) NOT NULL,$/&\n    status text NOT NULL DEFAULT 'open',/" models/jobs.sql
echo "CREATE INDEX jobs_status_idx ON jobs (status) WHERE status <> 'closed';" >>models/jobs.sql
psql_db "$db" -c "INSERT INTO jobs (title) VALUES ('engineer')" || fail "insert row"
"$AUTOGEN" -m "add status column" >/dev/null || fail "second revision"
rev2=$(ls migrations/*add_status_column.sql) || fail "no file for the second revision"
grep -q "parent: $id1" "$rev2" || fail "second revision's parent is not $id1"
"$AUTOGEN" check >/dev/null; [ $? = 1 ] || fail "check must report the pending second revision"
"$AUTOGEN" upgrade >/dev/null || fail "upgrade to the second revision"
"$AUTOGEN" check || fail "check after the second upgrade"
[ "$(psql_db "$db" -Atc "SELECT status FROM jobs")" = open ] || fail "row lost or default not applied"

hist=$("$AUTOGEN" history --verbose) || fail "history"
echo "$hist" | grep_q "add status column" || fail "history lacks the second revision: $hist"
echo "$hist" | grep_q "applied:" || fail "history --verbose shows no applied dates"

"$AUTOGEN" downgrade -1 >/dev/null || fail "downgrade -1"
cur=$("$AUTOGEN" current)
[[ "$cur" == "$id1"* ]] || fail "after downgrade, current is '$cur'"
same_schema "$db" "$ref" || fail "downgrade did not return to the first revision"
[ "$(psql_db "$db" -Atc "SELECT title FROM jobs")" = engineer ] || fail "row lost in downgrade"
"$AUTOGEN" check >/dev/null; [ $? = 1 ] || fail "check must report drift after downgrade"

"$AUTOGEN" upgrade >/dev/null || fail "re-upgrade"
"$AUTOGEN" check || fail "check after re-upgrade"

# Offline mode: the script for an empty database, run with psql, gives the same schema.
off=$(newdb offline)
"$AUTOGEN" upgrade head --sql >"$T/offline.sql" || fail "upgrade --sql"
psql_db "$off" -f "$T/offline.sql" >/dev/null || fail "offline script does not run"
same_schema "$db" "$off" || fail "offline script gives another schema"
DATABASE_URL="$off" "$AUTOGEN" check || fail "check on the offline-built database"

# No changes: nothing written, exit 0.
n=$(ls migrations | wc -l)
"$AUTOGEN" -m "nothing" >/dev/null || fail "generate with no changes"
[ "$(ls migrations | wc -l)" = "$n" ] || fail "a revision was written although nothing changed"

# check without any database: replays the migrations in a scratch server.
unset DATABASE_URL
"$AUTOGEN" check || fail "scratch check of a consistent project"
echo "CREATE TABLE extra (id integer);" >models/extra.sql
"$AUTOGEN" check >/dev/null; [ $? = 1 ] || fail "scratch check must catch a model change"
rm models/extra.sql
dropdb_dsn "$db"; dropdb_dsn "$ref"; dropdb_dsn "$off"
echo "workflow: ok"
