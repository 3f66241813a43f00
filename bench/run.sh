#!/bin/bash
# bench/run.sh [N ...]: the performance benchmark (not part of the test suite).
# For each N (default 1000 5000 10000): generate a schema of N tables and a changed
# version (bench/gen.py), load the first into a scratch PostgreSQL, then time RUNS runs
# (default 5) of `autogen check` and `autogen diff` against the changed models and of
# `pg_dump --schema-only` of the same database, and print medians, peak memory and the
# ratio to pg_dump. Build first: meson setup build && ninja -C build.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
autogen=${AUTOGEN:-$root/build/cmd/autogen}
runs=${RUNS:-5}
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 5000 10000)
work=$(mktemp -d /tmp/autogen-bench-XXXXXX)
chmod 755 "$work"
trap '"$root/tests/e2e/pg.sh" stop "$work/pg" >/dev/null 2>&1; rm -rf "$work"' EXIT
dsn=$("$root/tests/e2e/pg.sh" start "$work/pg")

# measure CMD...: prints "seconds kilobytes" of one run (exit status 0 or 1 accepted)
measure() {
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || [ $? = 1 ] ||
        { cat "$work/err" >&2; exit 1; }
    tail -1 "$work/time"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

printf "| tables | pg_dump -s (s) | check (s) | diff (s) | check / pg_dump | diff / pg_dump | check peak MB | diff peak MB |\n"
printf "|---:|---:|---:|---:|---:|---:|---:|---:|\n"
for n in "${sizes[@]}"; do
    mkdir -p "$work/$n"
    python3 "$root/bench/gen.py" "$n" "$work/$n"
    db="bench_$n"
    psql "$dsn" -X -q -c "CREATE DATABASE $db" >/dev/null
    psql "$dsn dbname=$db" -X -q -v ON_ERROR_STOP=1 -f "$work/$n/from.sql" >/dev/null
    for tool in dump check diff; do : >"$work/$tool.t"; : >"$work/$tool.m"; done
    for _ in $(seq "$runs"); do
        read -r s m < <(measure pg_dump --schema-only -d "$dsn dbname=$db")
        echo "$s" >>"$work/dump.t"; echo "$m" >>"$work/dump.m"
        read -r s m < <(measure "$autogen" check --database "$dsn dbname=$db" --models "$work/$n/to.sql" --migrations "$work/none")
        echo "$s" >>"$work/check.t"; echo "$m" >>"$work/check.m"
        read -r s m < <(measure "$autogen" diff --database "$dsn dbname=$db" --models "$work/$n/to.sql")
        echo "$s" >>"$work/diff.t"; echo "$m" >>"$work/diff.m"
    done
    d=$(median <"$work/dump.t"); c=$(median <"$work/check.t"); f=$(median <"$work/diff.t")
    cm=$(sort -n "$work/check.m" | tail -1); fm=$(sort -n "$work/diff.m" | tail -1)
    awk -v n="$n" -v d="$d" -v c="$c" -v f="$f" -v cm="$cm" -v fm="$fm" 'BEGIN {
        printf "| %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f | %.0f |\n", n, d, c, f, c/d, f/d, cm/1024, fm/1024 }'
done
