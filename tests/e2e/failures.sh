#!/bin/bash
# Failure paths of the runner against a real PostgreSQL: a statement failing in the
# middle of a revision leaves the database and the version table at the previous
# revision; REVIEW markers block upgrade; an edited applied file is refused; a missing
# parent, a duplicate id and a parent cycle are clear errors with distinct exit codes;
# two concurrent upgrades apply each revision once.
source "$(dirname "$0")/lib.sh"
db=$(newdb fail)
export DATABASE_URL="$db"
cd "$T" || exit 1
mkdir -p p/models p/migrations && cd p || exit 1
echo "CREATE TABLE a (id integer PRIMARY KEY);" >models/a.sql
"$AUTOGEN" -m "table a" >/dev/null || fail "first revision"
"$AUTOGEN" upgrade >/dev/null || fail "first upgrade"
id1=$(sed -n 's/^-- revision: //p' migrations/*table_a.sql)

# A revision whose second statement fails: nothing of it stays.
cat >migrations/bbbbbbbbbbbb_broken.sql <<SQL
-- revision: bbbbbbbbbbbb
-- parent: $id1
-- message: broken

-- autogen:upgrade
CREATE TABLE b (id integer);
ALTER TABLE nope ADD COLUMN x integer;

-- autogen:downgrade
DROP TABLE b;
SQL
out=$("$AUTOGEN" upgrade 2>&1); rc=$?
[ $rc = 3 ] || fail "failing revision: exit $rc, want 3 ($out)"
echo "$out" | grep_q 'bbbbbbbbbbbb_broken.sql:7:1: error: revision bbbbbbbbbbbb (upgrade): statement failed: relation "nope" does not exist' ||
    fail "error does not name file:line and the server message: $out"
[ "$(echo "$out" | grep -c 'statement failed')" = 1 ] || fail "a failing statement was retried: $out"
[ "$(psql_db "$db" -Atc "SELECT to_regclass('public.b') IS NULL")" = t ] || fail "table b survived the rollback"
[ "$("$AUTOGEN" current | cut -d' ' -f1)" = "$id1" ] || fail "version table moved"
rm migrations/bbbbbbbbbbbb_broken.sql

# REVIEW markers block upgrade until a person removes them.
cat >migrations/cccccccccccc_review.sql <<SQL
-- revision: cccccccccccc
-- parent: $id1
-- message: needs review

-- autogen:upgrade
-- autogen:review choose a backfill value
ALTER TABLE a ADD COLUMN n integer;

-- autogen:downgrade
ALTER TABLE a DROP COLUMN n;
SQL
out=$("$AUTOGEN" upgrade 2>&1); rc=$?
[ $rc = 2 ] || fail "review marker: exit $rc, want 2"
echo "$out" | grep_q 'cccccccccccc_review.sql:6:1: error: revision cccccccccccc has an autogen:review marker' || fail "review message: $out"
sed -i '/autogen:review/d' migrations/cccccccccccc_review.sql
"$AUTOGEN" upgrade >/dev/null || fail "upgrade after resolving the marker"

# An applied file edited afterwards: check says so, upgrade refuses, --force runs.
echo "-- an edit" >>migrations/cccccccccccc_review.sql
out=$("$AUTOGEN" check 2>&1); rc=$?
[ $rc = 1 ] && echo "$out" | grep_q "was edited after it was applied" || fail "check misses the edit ($rc): $out"
out=$("$AUTOGEN" upgrade 2>&1); rc=$?
[ $rc = 2 ] && echo "$out" | grep_q "edited after it was applied" || fail "upgrade accepts an edited file ($rc): $out"
"$AUTOGEN" downgrade -1 --force >/dev/null || fail "downgrade --force"
sed -i '$d' migrations/cccccccccccc_review.sql

# Chain errors: missing parent, duplicate id, cycle: exit 2 and the file named.
cp -r migrations "$T/good"
sed 's/^-- parent: .*/-- parent: ffffffffffff/' migrations/cccccccccccc_review.sql >migrations/cccccccccccc_review.sql.new
mv migrations/cccccccccccc_review.sql.new migrations/cccccccccccc_review.sql
out=$("$AUTOGEN" upgrade 2>&1); rc=$?
[ $rc = 2 ] && echo "$out" | grep_q "can't locate revision ffffffffffff, the parent of revision cccccccccccc" || fail "missing parent ($rc): $out"
rm -rf migrations && cp -r "$T/good" migrations
cp migrations/cccccccccccc_review.sql migrations/zzzz_copy.sql
out=$("$AUTOGEN" history 2>&1); rc=$?
[ $rc = 2 ] && echo "$out" | grep_q "revision cccccccccccc is defined twice" || fail "duplicate id ($rc): $out"
rm migrations/zzzz_copy.sql
sed -i "s/^-- parent: .*/-- parent: cccccccccccc/" migrations/*table_a.sql
out=$("$AUTOGEN" history 2>&1); rc=$?
[ $rc = 2 ] && echo "$out" | grep_q "cycle" || fail "cycle ($rc): $out"
rm -rf migrations && cp -r "$T/good" migrations
# A revision file that is not UTF-8, and a model file that is not: exit 2, place named.
printf -- '-- revision: abababababab\n-- parent: base\n-- message: caf\xe9\n\n-- autogen:upgrade\n\n-- autogen:downgrade\n' >migrations/abababababab_latin1.sql
out=$("$AUTOGEN" history 2>&1); rc=$?
[ $rc = 2 ] && echo "$out" | grep_q "abababababab_latin1.sql:3:16: error: invalid UTF-8 (byte 0xe9)" || fail "latin-1 revision ($rc): $out"
rm migrations/abababababab_latin1.sql
printf 'COMMENT ON TABLE a IS \x27caf\xe9\x27;\n' >models/latin1.sql
out=$("$AUTOGEN" check 2>&1); rc=$?
[ $rc = 2 ] && echo "$out" | grep_q "latin1.sql:1:27: error: invalid UTF-8" || fail "latin-1 model ($rc): $out"
rm models/latin1.sql

# Two concurrent runners: each revision applied once, both succeed.
"$AUTOGEN" downgrade base >/dev/null || fail "downgrade base"
"$AUTOGEN" upgrade >"$T/u1.log" 2>&1 & p1=$!
"$AUTOGEN" upgrade >"$T/u2.log" 2>&1 & p2=$!
wait $p1 || fail "runner 1: $(cat "$T/u1.log")"
wait $p2 || fail "runner 2: $(cat "$T/u2.log")"
n=$(psql_db "$db" -Atc "SELECT count(*) FROM autogen_version")
[ "$n" = 2 ] || fail "version table has $n rows after concurrent upgrades, want 2"
applied=$(cat "$T/u1.log" "$T/u2.log" | grep -c '^Applied')
[ "$applied" = 2 ] || fail "revisions applied $applied times in total, want 2"

# Unknown command and bad option: exit 2.
"$AUTOGEN" frobnicate >/dev/null 2>&1; [ $? = 2 ] || fail "unknown command exit"
"$AUTOGEN" upgrade --bogus >/dev/null 2>&1; [ $? = 2 ] || fail "unknown option exit"
# A database that does not answer: exit 3, and the password never printed.
out=$(DATABASE_URL="postgresql://u:s3cret@127.0.0.1:1/x" "$AUTOGEN" current 2>&1); rc=$?
[ $rc = 3 ] || fail "unreachable database: exit $rc"
echo "$out" | grep_q s3cret && fail "password printed: $out"
dropdb_dsn "$db"
echo "failures: ok"
