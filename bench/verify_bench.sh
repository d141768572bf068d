#!/bin/sh
# Benchmarks of `rankstrat verify` (issue 5); not part of the test suite.
# Usage: bench/verify_bench.sh [BUILD_DIR] [RUNS]   (defaults: build, 3)
# Needs the CLI built in BUILD_DIR (make O=BUILD_DIR).  Each job runs RUNS
# times; the table shows the best wall time, the goal and the ratio
# time / goal (below 1 meets the goal), and checks that every run passed.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
runs=${2:-3}
case $build in /*) ;; *) build=$top/$build ;; esac
cli=$build/rankstrat
[ -x "$cli" ] || {
    echo "verify_bench: build first: make O=$build" >&2
    exit 1
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

now() { date +%s.%N; }

echo "rankstrat verify benchmarks on $(nproc) core(s) ($(uname -m)), best of $runs"
printf '%-34s %7s %7s %9s %7s %9s\n' "fiber" "strata" "covers" "seconds" \
    "goal" "ratio"

# run NAME GOAL_SECONDS ARGS...
run() {
    name=$1
    goal=$2
    shift 2
    best=""
    k=0
    while [ "$k" -lt "$runs" ]; do
        start=$(now)
        "$cli" verify "$@" -o "$tmp/out" 2>"$tmp/err"
        st=$?
        secs=$(echo "$(now) - $start" | bc)
        if [ "$st" -ne 0 ]; then
            best="FAILED($st)"
            break
        fi
        if [ -z "$best" ] || [ "$(echo "$secs < $best" | bc)" = 1 ]; then
            best=$secs
        fi
        k=$((k + 1))
    done
    counts=$(sed -n 's/^ *\([0-9]*\) strat[a-z]*, \([0-9]*\) cover.*/\1 \2/p' "$tmp/out")
    strata=${counts% *}
    covers=${counts#* }
    ratio="-"
    case $best in
    FAILED*) ;;
    *)
        best=$(printf '%.3f' "$best")
        [ "$goal" != "-" ] && ratio=$(printf '%.4f' "$(echo "$best / $goal" | bc -l)")
        ;;
    esac
    printf '%-34s %7s %7s %9s %7s %9s\n' "$name" "${strata:-?}" \
        "${covers:-?}" "$best" "$goal" "$ratio"
}

run "(3,3,3,3) r=1" 10 --dims 3,3,3,3 --rank 1
run "(2,2,2,2,2) r=0" 60 --dims 2,2,2,2,2 --rank 0
printf 'matrix 3 3\n1 2 3\n4 5 6\n7 8 9\n' >"$tmp/w.mat"
run "(3,3,3,3) W rank 2 (--product)" - --dims 3,3,3,3 --product "$tmp/w.mat"
run "(4,4,4,4) r=1" - --dims 4,4,4,4 --rank 1
run "(3,3,3,3,3) r=0" - --dims 3,3,3,3,3 --rank 0
run "(2,2,2,2,2,2,2) r=0" - --dims 2,2,2,2,2,2,2 --rank 0
run "(3,3,3,3,3,3) r=0" - --dims 3,3,3,3,3,3 --rank 0
