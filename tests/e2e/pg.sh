#!/bin/bash
# tests/e2e/pg.sh: start or stop a throwaway PostgreSQL for the test suite (Unix socket
# only, no TCP). As root the server runs as the postgres account: PostgreSQL refuses root.
#   pg.sh start DIR   -> prints a libpq connection string on stdout
#   pg.sh stop DIR
set -euo pipefail
cmd=${1:?start|stop}
dir=${2:?folder}
bindir=${AUTOGEN_PG_BINDIR:-}
if [ -z "$bindir" ]; then
    bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
fi
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
    echo "pg.sh: no PostgreSQL server binaries (install postgresql)" >&2
    exit 77
fi
as_server() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u "${AUTOGEN_SCRATCH_USER:-postgres}" -- "$@"
    else
        "$@"
    fi
}
case "$cmd" in
start)
    mkdir -p "$dir"
    if [ "$(id -u)" = 0 ]; then chown "${AUTOGEN_SCRATCH_USER:-postgres}" "$dir"; fi
    chmod 700 "$dir"
    as_server "$bindir/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C \
        --no-sync --no-instructions >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; exit 1; }
    as_server "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -s \
        -o "-k $dir -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
        start || { cat "$dir/server.log" >&2; exit 1; }
    echo "host=$dir port=5432 user=postgres dbname=postgres"
    ;;
stop)
    [ -d "$dir/data" ] && as_server "$bindir/pg_ctl" -D "$dir/data" -m immediate -s -w stop || true
    rm -rf "$dir"
    ;;
esac
