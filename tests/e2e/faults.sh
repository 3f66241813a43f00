#!/bin/bash
# Faults while applying, against a real PostgreSQL: the backend terminated in the middle
# of a revision, SIGINT during upgrade, and a lock held by another transaction (lock
# timeout, bounded retries). Each time the database and the version table stay at the
# last complete revision, the message says what happened, and a re-run completes.
source "$(dirname "$0")/lib.sh"
db=$(newdb faults)
export DATABASE_URL="$db"
cd "$T" || exit 1
mkdir -p p/models p/migrations && cd p || exit 1
echo "CREATE TABLE a (id integer PRIMARY KEY);" >models/a.sql
"$AUTOGEN" -m "table a" >/dev/null && "$AUTOGEN" upgrade >/dev/null || fail "set-up"
id1=$(sed -n 's/^-- revision: //p' migrations/*table_a.sql)
slow_revision() { # slow_revision SECONDS: a revision that creates b, sleeps, creates c
    cat >migrations/dddddddddddd_slow.sql <<SQL
-- revision: dddddddddddd
-- parent: $id1
-- message: slow

-- autogen:upgrade
CREATE TABLE b (id integer);
SELECT pg_sleep($1);
CREATE TABLE c (id integer);

-- autogen:downgrade
DROP TABLE c;
DROP TABLE b;
SQL
}
at_first_revision() {
    [ "$("$AUTOGEN" current | cut -d' ' -f1)" = "$id1" ] || fail "$1: version table moved"
    [ "$(psql_db "$db" -Atc "SELECT to_regclass('public.b') IS NULL")" = t ] || fail "$1: table b survived"
}
wait_backend() { # wait until the backend running pg_sleep is gone
    for _ in $(seq 50); do
        n=$(psql_db "$db" -Atc "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep%' AND pid <> pg_backend_pid()")
        [ "$n" = 0 ] && return 0
        sleep 0.2
    done
    fail "backend still running"
}

# 1. The connection dropped in the middle of a revision.
slow_revision 30
"$AUTOGEN" upgrade >"$T/u.log" 2>&1 & pid=$!
for _ in $(seq 50); do
    n=$(psql_db "$db" -Atc "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep%'")
    [ "$n" = 1 ] && break
    sleep 0.1
done
psql_db "$db" -Atc "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep%' AND pid <> pg_backend_pid()" >/dev/null
wait $pid; rc=$?
[ $rc = 3 ] || fail "terminated backend: exit $rc, want 3 ($(cat "$T/u.log"))"
grep -q "revision dddddddddddd (upgrade): statement failed" "$T/u.log" || fail "message does not name the revision: $(cat "$T/u.log")"
at_first_revision "terminated backend"

# 2. SIGINT during upgrade: the statement is cancelled, the revision rolled back.
"$AUTOGEN" upgrade >"$T/u.log" 2>&1 & pid=$!
for _ in $(seq 50); do
    n=$(psql_db "$db" -Atc "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep%'")
    [ "$n" = 1 ] && break
    sleep 0.1
done
kill -INT $pid
wait $pid; rc=$?
[ $rc != 0 ] || fail "SIGINT: exit 0"
grep -q "interrupted" "$T/u.log" || fail "SIGINT message: $(cat "$T/u.log")"
wait_backend
at_first_revision "SIGINT"

# 3. A lock held elsewhere: lock_timeout, bounded retries, clean failure, then success.
slow_revision 0
sed -i 's/^CREATE TABLE b (id integer);$/ALTER TABLE a ADD COLUMN x integer;\nCREATE TABLE b (id integer);/' migrations/dddddddddddd_slow.sql
sed -i 's/^DROP TABLE b;$/DROP TABLE b;\nALTER TABLE a DROP COLUMN x;/' migrations/dddddddddddd_slow.sql
psql_db "$db" -c "BEGIN; LOCK TABLE a IN ACCESS SHARE MODE; SELECT pg_sleep(6); COMMIT;" >/dev/null & holder=$!
sleep 0.5
start=$(date +%s)
out=$("$AUTOGEN" upgrade --lock-timeout 300 2>&1); rc=$?
end=$(date +%s)
[ $rc = 3 ] || fail "lock held: exit $rc, want 3 ($out)"
echo "$out" | grep_q "lock timeout, retrying (3 of 3)" || fail "no bounded retries: $out"
echo "$out" | grep_q "canceling statement due to lock timeout" || fail "lock timeout not named: $out"
[ $((end - start)) -lt 6 ] || fail "retries took $((end - start)) s"
at_first_revision "lock timeout"
wait $holder
"$AUTOGEN" upgrade >/dev/null || fail "re-run after the lock was released"
[ "$("$AUTOGEN" current | cut -d' ' -f1)" = dddddddddddd ] || fail "re-run did not complete"

# 4. A revision outside a transaction (CONCURRENTLY) failing part-way: the INVALID index a
#    failed concurrent build leaves is named with the statement that removes it.
psql_db "$db" -c "INSERT INTO a (id, x) VALUES (1, 7), (2, 7)" >/dev/null
cat >migrations/eeeeeeeeeeee_concurrently.sql <<SQL
-- revision: eeeeeeeeeeee
-- parent: dddddddddddd
-- message: unique x
-- autogen:no-transaction

-- autogen:upgrade
CREATE UNIQUE INDEX CONCURRENTLY a_x_key ON public.a (x);

-- autogen:downgrade
DROP INDEX CONCURRENTLY public.a_x_key;
SQL
out=$("$AUTOGEN" upgrade 2>&1); rc=$?
[ $rc = 3 ] || fail "failed concurrent build: exit $rc ($out)"
echo "$out" | grep_q 'index public.a_x_key is INVALID (a failed concurrent build): drop it before running the revision again: DROP INDEX CONCURRENTLY public.a_x_key;' ||
    fail "INVALID index not named: $out"
[ "$("$AUTOGEN" current | cut -d' ' -f1)" = dddddddddddd ] || fail "version table moved after a failed non-transactional revision"
psql_db "$db" -c "DROP INDEX CONCURRENTLY public.a_x_key" -c "DELETE FROM a WHERE id = 2" >/dev/null
"$AUTOGEN" upgrade >/dev/null || fail "re-run after cleaning up"
[ "$("$AUTOGEN" current | cut -d' ' -f1)" = eeeeeeeeeeee ] || fail "re-run did not complete"

# 5. A version table naming a revision no file defines: exit 2, nothing applied.
psql_db "$db" -c "INSERT INTO autogen_version (revision, checksum) VALUES ('ffffffffffff', 'x')" >/dev/null
out=$("$AUTOGEN" upgrade 2>&1); rc=$?
[ $rc = 2 ] && echo "$out" | grep_q "the version table names revision ffffffffffff, but no file" ||
    fail "unknown revision in the version table ($rc): $out"
dropdb_dsn "$db"
echo "faults: ok"
