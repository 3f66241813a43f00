#!/bin/bash
# fuzz/run.sh TARGET SECONDS: a libFuzzer campaign on one target (fuzz_model or
# fuzz_revision) for SECONDS seconds, leak detection on.
#
# Configures and builds $AUTOGEN_FUZZ_BUILD (default build-fuzz: clang, ASan + UBSan and
# coverage on every library), seeds the corpus from test-fixtures/**/*.sql, examples/,
# ../shared/realworld/*.sql and (for revisions) the revision files written below, then
# fuzzes. A crash is stored in fuzz/crashes/TARGET/ and the campaign goes on for the time
# left (known leaks inside libraries: fuzz/lsan.supp). The last line is a summary: runs,
# findings, seconds. Copy every crash, once fixed,
# to test-fixtures/fuzz/TARGET/ so tests/unit/test_fuzz_regress.c replays it.
set -u
target=${1:?usage: fuzz/run.sh fuzz_model|fuzz_revision SECONDS}
seconds=${2:?usage: fuzz/run.sh TARGET SECONDS}
case $target in
fuzz_model | fuzz_revision) ;;
*) echo "run.sh: unknown target $target (fuzz_model, fuzz_revision)" >&2; exit 2 ;;
esac
src=$(cd "$(dirname "$0")/.." && pwd)
build=${AUTOGEN_FUZZ_BUILD:-$src/build-fuzz}
work=${AUTOGEN_FUZZ_WORK:-/tmp/autogen-fuzz}/$target
crashes=$src/fuzz/crashes/$target
mkdir -p "$work/corpus" "$work/seeds" "$crashes"

# Two runs in parallel share one build dir: only one configures and builds at a time.
(
    flock 9
    if [ ! -f "$build/build.ninja" ]; then
        CC=clang meson setup "$build" "$src" -Dfuzz=true -Dbuildtype=debugoptimized \
            -Db_sanitize=address,undefined -Db_lundef=false \
            "-Dc_args=-fsanitize=fuzzer-no-link -fno-sanitize-recover=undefined -fno-omit-frame-pointer" \
            >"$work/setup.log" 2>&1 || { cat "$work/setup.log" >&2; exit 1; }
    fi
    ninja -C "$build" "fuzz/$target" >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
) 9>"$work/../build.lock" || exit 1
exe=$build/fuzz/$target

# Seeds: every model we have; revision files rendered around the same SQL.
seed_models() {
    find "$src/test-fixtures" "$src/examples" -name '*.sql'
    ls "$src"/../shared/realworld/*.sql 2>/dev/null
}
n=0
if [ "$target" = fuzz_model ]; then
    while read -r f; do
        n=$((n + 1))
        cp "$f" "$work/seeds/m$n.sql"
    done < <(seed_models)
else
    parent=base
    while read -r f; do
        n=$((n + 1))
        [ $((n % 7)) = 0 ] && [ -s "$f" ] || continue
        id=$(printf '%012x' $((0xa0000000 + n)))
        {
            echo "-- autogen revision file: review it like code; edit only the SQL."
            echo "-- revision: $id"
            echo "-- parent: $parent"
            echo "-- message: seed $n"
            echo "-- created: 2026-01-01T00:00:00Z"
            echo "--"
            echo "-- summary:"
            echo "--   + table public.t$n"
            echo "--   hazard: none -- autogen:review"
            [ $((n % 3)) = 0 ] && printf -- '--\n-- autogen:no-transaction\n'
            printf '\n-- autogen:upgrade\n'
            head -c 2000 "$f"
            printf '\n\n-- autogen:downgrade\nDROP TABLE public."t%s";\n' "$n"
        } >"$work/seeds/r$n.sql"
        parent=$id
    done < <(seed_models)
    printf -- '-- revision: 0123456789ab\n-- parent: aaaaaaaaaaaa, bbbbbbbbbbbb\n-- message: merge\n\n-- autogen:upgrade\n\n-- autogen:downgrade\n' \
        >"$work/seeds/merge.sql"
fi

# Slow unwinding on malloc: libpg_query has no frame pointers, and the suppression
# needs the whole stack.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:fast_unwind_on_malloc=0}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$src/fuzz/lsan.supp:print_suppressions=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
start=$(date +%s)
runs=0
found=0
round=0
while :; do
    left=$((seconds - ($(date +%s) - start)))
    [ $left -gt 0 ] || break
    round=$((round + 1))
    log=$work/round$round.log
    "$exe" "$work/corpus" "$work/seeds" -max_total_time=$left -detect_leaks=1 \
        -timeout=20 -rss_limit_mb=2560 -max_len=${AUTOGEN_FUZZ_MAX_LEN:-65536} \
        -print_final_stats=1 -artifact_prefix="$crashes/" >"$log" 2>&1
    rc=$?
    r=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    runs=$((runs + ${r:-0}))
    if [ $rc != 0 ]; then
        found=$((found + 1))
        echo "run.sh: $target: finding in round $round (exit $rc), see $log:" >&2
        grep -m3 -E 'ERROR: |runtime error|Test unit written' "$log" >&2
        cp "$log" "$crashes/round$round.log"
        # Seeds are read only on the first round; the corpus keeps the progress.
        [ $round -ge 50 ] && break
    fi
    rm -rf "$work/seeds" && mkdir -p "$work/seeds"
done
echo "run.sh: $target: $runs runs, $found findings, $(($(date +%s) - start)) seconds, corpus $(ls "$work/corpus" | wc -l) files, crashes in $crashes"
[ $found = 0 ]
