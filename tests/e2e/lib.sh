# tests/e2e/lib.sh: shared set-up of the end-to-end tests, sourced by each test script.
# Gives: $AUTOGEN (the binary), $DSN (a server: $AUTOGEN_TEST_DSN, else one started here
# and stopped on exit), newdb NAME (a fresh database, its connection string on stdout),
# psql_db DSN [args], fail MSG, and a per-test temporary folder $T.
set -uo pipefail
# grep's exit status without -q: grep -q stops reading at the first match, and with
# pipefail the writer's SIGPIPE then fails the pipeline now and then.
grep_q() { grep "$@" >/dev/null; }
SRC=${AUTOGEN_SOURCE_ROOT:?run through meson test}
BLD=${AUTOGEN_BUILD_ROOT:?run through meson test}
AUTOGEN="$BLD/cmd/autogen"
T=$(mktemp -d /tmp/autogen-test-XXXXXX)
chmod 755 "$T"
_own_server=""
cleanup() {
    if [ -n "$_own_server" ]; then "$SRC/tests/e2e/pg.sh" stop "$_own_server" >/dev/null 2>&1; fi
    rm -rf "$T"
}
trap cleanup EXIT
if [ -n "${AUTOGEN_TEST_DSN:-}" ]; then
    DSN=$AUTOGEN_TEST_DSN
else
    _own_server="$T/pg"
    DSN=$("$SRC/tests/e2e/pg.sh" start "$_own_server")
    rc=$?
    if [ $rc = 77 ]; then
        if [ "${AUTOGEN_REQUIRE_PG:-0}" = 1 ]; then echo "FAIL: PostgreSQL is required" >&2; exit 1; fi
        exit 77
    fi
    [ $rc = 0 ] || { echo "FAIL: cannot start PostgreSQL" >&2; exit 1; }
fi
export PGCONNECT_TIMEOUT=10
# Keep the test's own settings away from libpq defaults.
unset DATABASE_URL AUTOGEN_DATABASE_URL PGDATABASE PGHOST PGSERVICE AUTOGEN_DEV_URL

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

psql_db() {
    local dsn=$1
    shift
    psql "$dsn" -X -q -v ON_ERROR_STOP=1 "$@"
}

# newdb NAME: drop and create a database with a name unique to this test run.
newdb() {
    local name="t_$(basename "$T" | tr -c 'a-zA-Z0-9\n' '_')_$1"
    name=$(echo "$name" | tr 'A-Z' 'a-z' | cut -c1-60)
    psql_db "$DSN" -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" >/dev/null &&
        psql_db "$DSN" -c "CREATE DATABASE \"$name\" TEMPLATE template0" >/dev/null ||
        fail "cannot create database $name"
    echo "$DSN dbname=$name"
}

dropdb_dsn() {
    local name=${1##*dbname=}
    psql_db "$DSN" -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" >/dev/null 2>&1 || true
}

# schema_of DSN: an independent view of the catalog, from pg_dump, normalised so that
# column order inside a table and comment lines do not matter. Fails (and so fails the
# test) when pg_dump fails or prints nothing.
schema_of() {
    local out
    out=$(pg_dump --schema-only --no-owner --no-privileges --exclude-table='*.autogen_version' \
        -d "$1") || { echo "pg_dump failed for $1" >&2; return 1; }
    [ -n "$out" ] || { echo "pg_dump printed nothing" >&2; return 1; }
    printf '%s\n' "$out" | python3 -c '
import sys
out, body, in_table = [], [], False
for line in sys.stdin.read().splitlines():
    if not line or line.startswith("--") or line.startswith("SET ") or line.startswith("\\") \
            or line.startswith("SELECT pg_catalog.set_config"):
        continue
    line = line.rstrip(",")
    if line.startswith("CREATE TABLE") and line.endswith("("):
        out.append(line); in_table = True; body = []
    elif in_table and line.startswith(")"):
        out.extend(sorted(body)); out.append(line); in_table = False
    elif in_table:
        body.append(line)
    else:
        out.append(line)
print("\n".join(out))
'
}

# same_schema DSN_A DSN_B: the two databases' normalised pg_dump outputs are equal.
same_schema() {
    schema_of "$1" >"$T/schema_a.txt" || return 1
    schema_of "$2" >"$T/schema_b.txt" || return 1
    diff "$T/schema_a.txt" "$T/schema_b.txt"
}
