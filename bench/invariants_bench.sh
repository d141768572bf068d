#!/bin/sh
# Benchmarks of the fiber invariants (issue 13); not part of the test suite.
# Usage: bench/invariants_bench.sh [BUILD_DIR]   (default: build)
#
#   1. `strata --points` against the same `strata` without the column, side
#      by side (alternating runs, best of BENCH_REPEAT = 3 each, so that a
#      loaded machine slows both alike) on (10^6), r = 3 (1,588,344
#      strata): goal ratio <= 1.5;
#   2. `invariants` on (30^5), r = 0 (1.5e9 strata, counted, not listed):
#      goal < 10 s;
#   3. `invariants` against `strata` on (3^5), r = 0 and (10^6), r = 3
#      (listing plus every cross-check, against listing alone): reported.
# Prints one line per case: name, seconds, baseline seconds, ratio, goal,
# verdict.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
case $build in /*) ;; *) build=$top/$build ;; esac
cli=$build/rankstrat
[ -x "$cli" ] || {
    echo "invariants_bench: build first: make O=$build" >&2
    exit 1
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
reps=${BENCH_REPEAT:-3}

# secs ARGS...: wall seconds of one run (output to a file), or FAILED
secs() {
    start=$(date +%s.%N)
    if "$cli" "$@" -o "$tmp/out" 2>/dev/null; then
        echo "$(date +%s.%N) - $start" | bc
    else
        echo FAILED
    fi
}

# min A B: the smaller (FAILED wins)
min() {
    case "$1$2" in *FAILED*) echo FAILED; return ;; esac
    [ -z "$1" ] && { echo "$2"; return; }
    echo "if ($1 < $2) $1 else $2" | bc
}

# side NAME GOAL_RATIO "BASE ARGS" "ARGS": best of $reps alternating runs
side() {
    name=$1
    goal=$2
    base=
    new=
    i=0
    while [ "$i" -lt "$reps" ]; do
        # shellcheck disable=SC2086
        base=$(min "$base" "$(secs $3)")
        # shellcheck disable=SC2086
        new=$(min "$new" "$(secs $4)")
        i=$((i + 1))
    done
    case "$base$new" in
    *FAILED*)
        printf '%-44s %9s %9s %7s %8s %s\n' "$name" "$new" "$base" - "$goal" FAILED
        return
        ;;
    esac
    ratio=$(echo "scale=2; $new / $base" | bc)
    verdict=-
    if [ "$goal" != - ]; then
        verdict=$(echo "if ($ratio <= $goal) 1 else 0" | bc)
        [ "$verdict" = 1 ] && verdict=met || verdict=missed
    fi
    printf '%-44s %9.2f %9.2f %7s %8s %s\n' "$name" "$new" "$base" "$ratio" \
        "$goal" "$verdict"
}

echo "rankstrat invariants benchmarks on $(nproc) core(s) ($(uname -m))," \
    "load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
printf '%-44s %9s %9s %7s %8s %s\n' case seconds baseline ratio goal verdict
side "strata --points (10^6) r=3 vs strata" 1.5 \
    "strata --dims 10,10,10,10,10,10 --rank 3" \
    "strata --dims 10,10,10,10,10,10 --rank 3 --points"
t=
i=0
while [ "$i" -lt "$reps" ]; do
    t=$(min "$t" "$(secs invariants --dims 30,30,30,30,30 --rank 0)")
    i=$((i + 1))
done
v=FAILED
[ "$t" != FAILED ] && v=$(echo "if ($t < 10) 1 else 0" | bc) &&
    { [ "$v" = 1 ] && v=met || v=missed; }
printf '%-44s %9.2f %9s %7s %8s %s\n' "invariants (30^5) r=0 (not listed)" "$t" \
    - - "< 10 s" "$v"
side "invariants (3^5) r=0 vs strata" - \
    "strata --dims 3,3,3,3,3 --rank 0" "invariants --dims 3,3,3,3,3 --rank 0"
side "invariants (10^6) r=3 vs strata" - \
    "strata --dims 10,10,10,10,10,10 --rank 3" \
    "invariants --dims 10,10,10,10,10,10 --rank 3"
