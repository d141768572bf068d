#!/bin/sh
# Benchmarks of `rankstrat analyze` inside a stratum (issue 4): structured
# tangent and normal bases, the flow basis, and the independent --check, on
# planted networks (the canonical point of a random barcode moved by random
# unimodular integer matrices at every layer, bench/gen_planted.c).
#
#   bench/geometry_bench.sh [BUILD_DIR]      (default: build)
#
# Needs BUILD_DIR/rankstrat and BUILD_DIR/librankstrat.a (make O=BUILD_DIR).
# Prints one row per case: the wall time (best of 3 runs) and the target.
set -eu

build=${1:-build}
cli=$build/rankstrat
lib=$build/librankstrat.a
[ -x "$cli" ] && [ -f "$lib" ] || {
    echo "geometry_bench.sh: build $cli and $lib first (make O=$build)" >&2
    exit 1
}
# compiler and FLINT flags from config.mk (Makefile syntax: VAR = value)
conf() { sed -n "s/^$1 = //p" config.mk 2>/dev/null; }
cc=$(conf CC)
flint_cflags=$(conf FLINT_CFLAGS)
flint_libs=$(conf FLINT_LIBS)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# shellcheck disable=SC2086
${cc:-cc} -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -Iinclude $flint_cflags \
    bench/gen_planted.c "$lib" ${flint_libs:--lflint} -lmpfr -lgmp -lm \
    -lpthread -o "$tmp/gen_planted"

# best wall time of three runs of the command, in seconds
best_of_3() {
    best=
    for i in 1 2 3; do
        t0=$(date +%s.%N)
        "$@" > "$tmp/out" 2> "$tmp/err" || {
            echo "FAILED: $*" >&2
            cat "$tmp/err" >&2
            exit 1
        }
        t1=$(date +%s.%N)
        t=$(echo "$t1 - $t0" | bc)
        if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then
            best=$t
        fi
    done
    printf '%.3f' "$best"
}

row() { # name target-seconds net-args -- analyze-args
    name=$1 target=$2
    shift 2
    gen=
    while [ "$1" != "--" ]; do gen="$gen $1"; shift; done
    shift
    # shellcheck disable=SC2086
    "$tmp/gen_planted" $gen > "$tmp/net" 2> "$tmp/barcode"
    t=$(best_of_3 "$cli" analyze "$tmp/net" "$@")
    size=$(wc -c < "$tmp/out")
    verdict=ok
    if [ "$target" != - ] && [ "$(echo "$t > $target" | bc)" = 1 ]; then
        verdict=SLOW
    fi
    printf '%-44s %8s %8s %12s  %s\n' "$name" "$t" "$target" "$size" \
        "$verdict"
}

echo "rankstrat geometry benchmarks on $(uname -m), $(nproc) cores" \
     "(online), $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null |
       sed 's/.*: //')"
printf '%-44s %8s %8s %12s  %s\n' case "time(s)" "target" "out(bytes)" ""
row "tangent+normal --structured 32^5 r=8 json" 2 \
    --dims 32,32,32,32,32 --rank 8 --seed 1 -- \
    --tangent --normal --structured --format json
row "tangent+normal --structured 32^5 r=8 text" - \
    --dims 32,32,32,32,32 --rank 8 --seed 2 -- \
    --tangent --normal --structured
row "tangent+normal --structured 32^5 bits=8" - \
    --dims 32,32,32,32,32 --rank 8 --seed 3 --bits 8 -- \
    --tangent --normal --structured --format json
row "flow 32^5 r=8 json" - \
    --dims 32,32,32,32,32 --rank 8 --seed 1 -- --flow --format json
row "subspaces 16^4 r=4 json" - \
    --dims 16,16,16,16 --rank 4 --seed 1 -- --subspaces --format json
row "check (8,8,8,8) r=2" 5 \
    --dims 8,8,8,8 --rank 2 --seed 1 -- --check
row "check (8,8,8,8) r=0" 5 \
    --dims 8,8,8,8 --rank 0 --seed 4 -- --check
row "check + dense bases (8,8,8,8) r=2 json" - \
    --dims 8,8,8,8 --rank 2 --seed 5 -- --check --tangent --normal \
    --format json
row "check (12,12,12,12) r=3" - \
    --dims 12,12,12,12 --rank 3 --seed 1 -- --check
