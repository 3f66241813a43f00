#!/bin/bash
# A password never reaches any output. The password goes in four ways (in the --database
# URL, in DATABASE_URL, in autogen.conf's database_url, in PGPASSWORD) and, for each,
# every command that connects runs (check, diff, diff --format json, -m, upgrade --sql,
# upgrade, current, history --verbose, dump, downgrade --sql): its stdout and stderr and
# every file it writes (revisions, dumps) must not hold the password. The failure paths
# too: an unreachable host:port, a malformed URL and a key=value string, each holding a
# password. The role is real (ALTER ROLE ... PASSWORD) and the tables it creates belong
# to it, which proves the credentials given were the ones used. (The test server's
# pg_hba may be trust: the password is then accepted unchecked, which is enough for a
# test of absence.)
source "$(dirname "$0")/lib.sh"
PW='Zq7-s3cret-Pw-41x'
PW2='p@ss:w/rd%20 sp'             # needs percent-encoding in a URL
PW2_URL='p%40ss%3Aw%2Frd%2520%20sp'
ROLE=$(basename "$T" | tr 'A-Z' 'a-z' | tr -c 'a-z0-9\n' '_')_secret # one per run

# host and port of the test server, from its key=value DSN (a socket folder or a host).
kv() { printf '%s\n' "$DSN" | tr ' ' '\n' | sed -n "s/^$1=//p" | head -1; }
HOST=$(kv host)
PORT=$(kv port)
HOST_Q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "${HOST:-localhost}")
PORT=${PORT:-5432}

psql_db "$DSN" -c "CREATE ROLE $ROLE LOGIN SUPERUSER PASSWORD '$PW'" >/dev/null ||
    fail "cannot create role $ROLE"
DBS=()
cleanup_role() {
    for d in "${DBS[@]}"; do dropdb_dsn "$d"; done
    psql_db "$DSN" -c "DROP ROLE IF EXISTS $ROLE" >/dev/null 2>&1
    cleanup
}
trap cleanup_role EXIT

# dbname_of DSN: the database newdb created.
dbname_of() { printf '%s\n' "${1##*dbname=}"; }
url_for() { echo "postgresql://$ROLE:$PW@/$1?host=$HOST_Q&port=$PORT"; }

# no_secret WHAT FILE...: none of the files holds either password (raw or URL-encoded).
no_secret() {
    local what=$1
    shift
    for s in "$PW" "$PW2" "$PW2_URL" "${PW2%%:*}:"; do
        if grep -rqF -- "$s" "$@"; then
            grep -rnF -- "$s" "$@" >&2
            fail "$what: the password appears in the output"
        fi
    done
}

# run_all MODE ARGS...: a fresh project and database; every command with ARGS (how the
# database is given), all output to $T/MODE.log; then the files are searched.
run_all() {
    local mode=$1
    shift
    local db name dir log
    db=$(newdb "$mode")
    DBS+=("$db")
    name=$(dbname_of "$db")
    dir=$T/$mode
    log=$T/$mode.log
    mkdir -p "$dir/models" "$dir/migrations"
    echo "CREATE TABLE secret_t (id integer PRIMARY KEY, note text);" >"$dir/models/a.sql"
    printf 'models = models\nmigrations = migrations\n' >"$dir/autogen.conf"
    case $mode in
    conf) echo "database_url = $(url_for "$name")" >>"$dir/autogen.conf" ;;
    esac
    (
        cd "$dir" || exit 1
        case $mode in
        flag) set -- --database "$(url_for "$name")" ;;
        env) export DATABASE_URL=$(url_for "$name") ;;
        conf) ;;
        pgpassword)
            export PGPASSWORD=$PW
            set -- --database "postgresql://$ROLE@/$name?host=$HOST_Q&port=$PORT"
            ;;
        esac
        nconn=$#
        # The log names the command, never the connection arguments.
        run() {
            echo "== autogen ${*:nconn+1}" >>"$log"
            "$AUTOGEN" "$@" >>"$log" 2>&1
            echo "== exit $?" >>"$log"
        }
        run "$@" check
        run "$@" diff
        run "$@" diff --format json
        run "$@" check --format json
        run "$@" -m "first revision"
        run "$@" upgrade --sql
        run "$@" upgrade
        run "$@" current
        run "$@" history --verbose
        run "$@" dump --out dump.sql
        run "$@" dump
        echo "CREATE TABLE secret_u (id integer);" >models/b.sql
        run "$@" diff
        run "$@" -m "second"
        run "$@" upgrade
        run "$@" downgrade -1 --sql
        run "$@" check
    )
    grep -q '^== autogen upgrade$' "$log" || fail "$mode: commands did not run"
    # The credentials given were used: the role owns what the upgrade created.
    [ "$(psql_db "$db" -Atc "SELECT tableowner FROM pg_tables WHERE tablename = 'secret_u'")" = "$ROLE" ] ||
        { cat "$log" >&2; fail "$mode: the upgrade did not run as $ROLE"; }
    ls "$dir"/migrations/*.sql >/dev/null 2>&1 || fail "$mode: no revision written"
    no_secret "$mode" "$log" "$dir/migrations" "$dir/dump.sql"
    dropdb_dsn "$db"
    echo "$mode: ok"
}

run_all flag
run_all env
run_all conf
run_all pgpassword

# Failure paths: the connection fails, and the message must still not show the password.
fdir=$T/fail
mkdir -p "$fdir/models" "$fdir/migrations"
echo "CREATE TABLE secret_t (id integer PRIMARY KEY);" >"$fdir/models/a.sql"
flog=$T/fail.log
# fail_run WHAT COMMAND ARGS...: the log names WHAT and COMMAND, never the arguments.
fail_run() {
    local what=$1 cmd=$2
    shift 2
    echo "== $what: autogen $cmd" >>"$flog"
    (cd "$fdir" && "$AUTOGEN" "$@") >>"$flog" 2>&1
    local rc=$?
    echo "== exit $rc" >>"$flog"
    # upgrade --sql needs no database when none is reachable (offline mode)
    [ $rc != 0 ] || [ "$cmd" = "upgrade --sql" ] ||
        fail "$what: autogen $cmd succeeded against an unreachable database"
}
export PGCONNECT_TIMEOUT=3
for url in "postgresql://$ROLE:$PW@127.0.0.1:1/app" \
    "postgresql://$ROLE:$PW2_URL@127.0.0.1:1/app" \
    "postgresql://$ROLE:$PW@127.0.0.1:notaport/app" \
    "postgresql://$ROLE:$PW@127.0.0.1:1/app?application_name=a b" \
    "postgresql://$ROLE:$PW@127.0.0.1:1/app?nosuchoption=1" \
    "postgresql://$ROLE:$PW@[::1/app" \
    "postgresql://$ROLE:$PW@bad host name:1/app" \
    "host=127.0.0.1 port=1 user=$ROLE password=$PW dbname=app" \
    "host=127.0.0.1 port=1 user=$ROLE password='$PW2' dbname=app" \
    "host=127.0.0.1 port=1 password=$PW nosuchkey=1"; do
    for cmd in check diff "-m x" "upgrade --sql" upgrade current dump; do
        # shellcheck disable=SC2086
        fail_run "flag" "$cmd" --database "$url" $cmd
    done
    # shellcheck disable=SC2086
    DATABASE_URL=$url fail_run "env" check check
    printf 'database_url = %s\n' "$url" >"$fdir/autogen.conf"
    fail_run "conf" diff diff
    rm -f "$fdir/autogen.conf"
done
PGPASSWORD=$PW fail_run "pgpassword" upgrade --database "postgresql://$ROLE@127.0.0.1:1/app" upgrade
grep -q 'error' "$flog" || { cat "$flog" >&2; fail "the failures printed no error"; }
no_secret "failures" "$flog" "$fdir/migrations"
echo "failures: ok"
