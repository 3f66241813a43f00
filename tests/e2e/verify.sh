#!/bin/bash
# autogen verify against real PostgreSQL: passes a correct revision, catches a broken
# hand-edited downgrade and a broken upgrade, refuses to write a revision that does not
# verify (-m --verify), and verifies a chain of 50 revisions (--all) in seconds.
source "$(dirname "$0")/lib.sh"
export AUTOGEN_DEV_URL="$DSN"
cd "$T" || exit 1
mkdir -p p/models p/migrations && cd p || exit 1
echo "CREATE TABLE a (id integer PRIMARY KEY, name text);" >models/a.sql
"$AUTOGEN" -m "table a" --verify >/dev/null || fail "first revision with --verify"
sed -i 's/name text/name text, note text DEFAULT '"'"'x'"'"'/' models/a.sql
"$AUTOGEN" -m "add note" --verify >/dev/null || fail "second revision with --verify"
out=$("$AUTOGEN" verify) || fail "verify of a correct head: $out"
echo "$out" | grep_q "^ok   downgrade" || fail "verify output: $out"
"$AUTOGEN" verify --all --format json >"$T/v.json" || fail "verify --all"
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["ok"] and len(d["steps"]) == 6, d' "$T/v.json" ||
    fail "verify --all json: $(cat "$T/v.json")"

# A broken hand-edited downgrade: it forgets to drop the column.
rev=$(ls migrations/*add_note.sql)
cp "$rev" "$T/rev.bak"
sed -i '/^-- autogen:downgrade$/,$ s/^ALTER TABLE public.a DROP COLUMN note;$/SELECT 1;/' "$rev"
grep -q '^SELECT 1;$' "$rev" || fail "could not break the downgrade: $(cat "$rev")"
out=$("$AUTOGEN" verify); rc=$?
[ $rc = 1 ] || fail "verify of a broken downgrade: exit $rc, want 1 ($out)"
echo "$out" | grep_q "^FAIL downgrade" && echo "$out" | grep_q "note" ||
    fail "verify does not name the column the downgrade left behind: $out"
cp "$T/rev.bak" "$rev"

# A broken upgrade: a statement fails.
sed -i 's/^ALTER TABLE public.a ADD COLUMN note/ALTER TABLE public.nope ADD COLUMN note/' "$rev"
out=$("$AUTOGEN" verify 2>&1); rc=$?
[ $rc != 0 ] || fail "verify of a broken upgrade passed: $out"
echo "$out" | grep_q 'relation "public.nope" does not exist' || fail "verify hides the server error: $out"
cp "$T/rev.bak" "$rev"

# -m --verify writes nothing when the upgrade does not reach the models: a model that the
# diff cannot express is hard to make, so break the generated SQL through a model whose
# default does not fit its type: PostgreSQL rejects it and nothing may be written.
n=$(ls migrations | wc -l)
echo "CREATE TABLE b (id integer DEFAULT 'abc');" >models/b.sql
"$AUTOGEN" -m "bad default" --verify >/dev/null 2>&1 && fail "-m --verify wrote a revision that cannot apply"
[ "$(ls migrations | wc -l)" = "$n" ] || fail "a revision was written although it does not verify"
rm models/b.sql

# A chain of 50 revisions, verified in seconds.
rm -rf migrations && mkdir migrations
parent=base
for i in $(seq 1 50); do
    id=$(printf 'c%011d' "$i")
    if [ "$i" = 1 ]; then
        up="CREATE TABLE public.c (id integer PRIMARY KEY);"; down="DROP TABLE public.c;"
    else
        up="ALTER TABLE public.c ADD COLUMN c$i integer DEFAULT $i;"; down="ALTER TABLE public.c DROP COLUMN c$i;"
    fi
    printf -- '-- revision: %s\n-- parent: %s\n-- message: step %d\n\n-- autogen:upgrade\n%s\n\n-- autogen:downgrade\n%s\n' \
        "$id" "$parent" "$i" "$up" "$down" >"migrations/${id}_step.sql"
    parent=$id
done
start=$(date +%s.%N)
"$AUTOGEN" verify --all --models /nonexistent -q >"$T/all.txt" || fail "verify --all of 50 revisions: $(cat "$T/all.txt")"
end=$(date +%s.%N)
echo "verify --all, 50 revisions: $(echo "$end - $start" | bc 2>/dev/null || python3 -c "print($end - $start)") s"
echo "verify: ok"
