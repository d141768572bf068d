#!/bin/sh
# Benchmarks of the strata commands (issue 3); not part of the test suite.
# Usage: bench/strata_bench.sh [BUILD_DIR]   (default: build)
# Needs the CLI and static library built in BUILD_DIR (make O=BUILD_DIR) and
# GNU time (/usr/bin/time, Debian package `time`) for peak memory.
# STRATA_BENCH_BASELINE=/path/to/another/rankstrat adds a "(baseline)" row
# after each count row, run with that executable (e.g. an older build), for
# before/after comparisons; --max-work is raised there so that it runs.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
case $build in /*) ;; *) build=$top/$build ;; esac
cli=$build/rankstrat
lib=$build/librankstrat.a
[ -x "$cli" ] && [ -f "$lib" ] || {
    echo "strata_bench: build first: make O=$build" >&2
    exit 1
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
have_time=0
[ -x /usr/bin/time ] && have_time=1

echo "rankstrat strata benchmarks on $(nproc) core(s) ($(uname -m))"
printf '%-48s %10s %10s %8s\n' "job" "seconds" "peak MB" "goal"

# run NAME GOAL ARGS...: wall time and peak memory of one CLI run
# (EXPECT_STATUS: the exit status that counts as success, default 0)
run() {
    name=$1
    goal=$2
    shift 2
    if [ "$have_time" = 1 ]; then
        /usr/bin/time -v -o "$tmp/t" "$cli" "$@" -o "$tmp/out" 2>/dev/null
        st=$?
        secs=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$tmp/t" |
            awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
        mb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tmp/t" |
            awk '{ printf "%.1f", $1 / 1024 }')
    else
        start=$(date +%s.%N)
        "$cli" "$@" -o "$tmp/out" 2>/dev/null
        st=$?
        secs=$(echo "$(date +%s.%N) - $start" | bc)
        mb="?"
    fi
    [ "$st" -eq "${EXPECT_STATUS:-0}" ] || secs="FAILED($st)"
    printf '%-48s %10s %10s %8s\n' "$name" "$secs" "$mb" "$goal"
}

# widths W repeated N times, comma-separated
rep() {
    awk -v n="$1" -v w="$2" \
        'BEGIN { for (i = 0; i < n; i++) printf "%s%s", i ? "," : "", w }'
}

# count_row NAME GOAL N W R: count of (W)^N with rank R, and the baseline
count_row() {
    run "$1" "$2" count --dims "$(rep "$3" "$4")" --rank "$5"
    if [ -n "${STRATA_BENCH_BASELINE:-}" ]; then
        keep=$cli
        cli=$STRATA_BENCH_BASELINE
        run "$(printf '%.37s' "$1") (baseline)" "" count \
            --dims "$(rep "$3" "$4")" --rank "$5" --max-work 100000000000
        cli=$keep
    fi
}

run "strata (10^6) r=3 json (1,588,344 strata)" "< 10 s" \
    strata --dims 10,10,10,10,10,10 --rank 3 --format json
run "hasse (6^7) r=2 dot (226,014 strata)" "< 30 s" \
    hasse --dims 6,6,6,6,6,6,6 --rank 2
run "hasse (5^5) r=2 local" "" hasse --dims 5,5,5,5,5 --rank 2
run "hasse (5^5) r=2 naive" "" hasse --dims 5,5,5,5,5 --rank 2 \
    --hasse-method naive
run "hasse (3^5) r=0 local" "" hasse --dims 3,3,3,3,3 --rank 0
run "hasse (3^5) r=0 naive" "" hasse --dims 3,3,3,3,3 --rank 0 \
    --hasse-method naive
run "hasse (4^6) r=1 local (3526 strata)" "" hasse --dims 4,4,4,4,4,4 \
    --rank 1
run "hasse (4^6) r=1 naive (3526 strata)" "" hasse --dims 4,4,4,4,4,4 --rank 1 \
    --hasse-method naive
count_row "count (100^11) r=10" "< 1 s" 11 100 10
count_row "count (60^11) r=0" "" 11 60 0
count_row "count (30^16) r=0" "" 16 30 0
count_row "count (3^201) r=0 (157 digits)" "" 201 3 0
count_row "count (100^13) r=0" "" 13 100 0
count_row "count (20^301) r=0 (964 digits)" "" 301 20 0
EXPECT_STATUS=2 run "count (10^6)^4 r=0 refused (exit 2)" "< 1 s" \
    count --dims 1000000,1000000,1000000,1000000 --rank 0

echo
echo "covers only (library calls, repeated; local rule vs naive):"
if cc -O2 -std=c11 -D_POSIX_C_SOURCE=200809L -I"$top/include" \
    "$top/bench/strata_hasse_ratio.c" "$lib" -lflint -lmpfr -lgmp -lm \
    -o "$tmp/ratio" 2>"$tmp/cc.err"; then
    "$tmp/ratio" 5,5,5,5,5 2
    "$tmp/ratio" 3,3,3,3,3 0
    "$tmp/ratio" 4,4,4,4,4,4 1
else
    echo "cannot compile bench/strata_hasse_ratio.c:"
    cat "$tmp/cc.err"
fi
