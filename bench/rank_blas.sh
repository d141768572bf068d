#!/bin/sh
# Issue 16: certified rank against LinBox's and FLINT's modular ranks, on
# the same matrices and the same number of threads, in one run; and
# `rankstrat analyze` on a float-like bottleneck network.
#
#   bench/rank_blas.sh [BUILD_DIR]
#
# Cases: n x n matrices of planted rank n/2 (products of random n x n/2
# and n/2 x n factors) with factor entries in [-100, 100] for
# n in RANK_BLAS_SIZES (default "400 800 1600 3200"), and with 64-bit
# factor entries for n in RANK_BLAS_BITS_SIZES (default 800); each on
# RANK_BLAS_THREADS threads (default "1 2": rankstrat's threads, FLINT's
# and OPENBLAS_NUM_THREADS for both rankstrat and LinBox).  rankstrat, nmod
# and LinBox are the best of RANK_BLAS_REPEAT runs (default 3; sizes
# >= 3200 and 64-bit entries: one run).  LinBox (bench/linbox_rank.cpp) is built when
# liblinbox-dev is installed (it needs libntl-dev for its headers), else
# its column says so.  The network: widths 1024,1024,32,1024,1024
# (FLOAT_NET_WIDTHS), weights p/2^52 for random |p| < 2^52; best of 3 runs
# of the whole command, output to /dev/null.
# Prints one line per case:
#   rank-blas n=N entries threads=T rank planted ok rs method nmod linbox
#   analyze-float widths seconds
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
case $build in /*) ;; *) build=$top/$build ;; esac
tmp=$(mktemp -d /tmp/rank_blas.XXXXXX)
trap 'rm -rf "$tmp"' EXIT INT TERM
sizes=${RANK_BLAS_SIZES:-400 800 1600 3200}
bsizes=${RANK_BLAS_BITS_SIZES:-800}
threads=${RANK_BLAS_THREADS:-1 2}
repeat=${RANK_BLAS_REPEAT:-3}

make -s -C "$top/bench" O="$build" "$build/bench/rank_blas" >&2 || exit 1

linbox=$build/bench/linbox_rank
if pkg-config --exists linbox 2>/dev/null; then
    # Debian's linbox.pc names -liml even without libiml-dev; drop what
    # is not installed.
    libs=
    for l in $(pkg-config --libs linbox); do
        case $l in
        -l*)
            ${CXX:-g++} -shared -o "$tmp/probe.so" "$l" >/dev/null 2>&1 ||
                continue
            ;;
        esac
        libs="$libs $l"
    done
    # shellcheck disable=SC2046,SC2086
    ${CXX:-g++} -O2 -DNDEBUG $(pkg-config --cflags linbox) -o "$linbox" \
        "$top/bench/linbox_rank.cpp" $libs >"$tmp/linbox.log" 2>&1 || {
        echo "# LinBox driver failed to build:" >&2
        cat "$tmp/linbox.log" >&2
        linbox=
    }
else
    echo "# LinBox: skipped (install liblinbox-dev libntl-dev)" >&2
    linbox=
fi

echo "# n entries threads rank planted ok rankstrat method nmod linbox" \
    "(seconds, best of $repeat)"
one() { # n entries-option threads
    n=$1
    opt=$2
    t=$3
    rep=$repeat
    # the long cases once: a run of n = 3200 or of 64-bit entries takes
    # minutes
    [ "$n" -ge 3200 ] && rep=1
    [ "$opt" != "--range 100" ] && rep=1
    fmpzmax=0
    [ "$n" -le 400 ] && [ "$t" = 1 ] && fmpzmax=400
    line=$(OPENBLAS_NUM_THREADS=$t "$build/bench/rank_blas" --threads "$t" \
        --repeat "$rep" $opt --fmpz-max "$fmpzmax" --write "$tmp/m.txt" "$n") ||
        line="$n ? $t - - FAILED - - - -"
    lb="-"
    if [ -n "$linbox" ]; then
        lb=$(OPENBLAS_NUM_THREADS=$t "$linbox" "$tmp/m.txt" "$rep" |
            awk -v h=$((n / 2)) '{ print $4 ($2 == h ? "" : "(rank " $2 "!)") }')
    fi
    echo "rank-blas $line $lb"
    rm -f "$tmp/m.txt"
}
for t in $threads; do
    for n in $sizes; do one "$n" "--range 100" "$t"; done
    for n in $bsizes; do one "$n" "--bits 64" "$t"; done
done

widths=${FLOAT_NET_WIDTHS:-1024,1024,32,1024,1024}
py=
for c in python3 /usr/bin/python3; do
    command -v "$c" >/dev/null 2>&1 && py=$c && break
done
if [ -n "$py" ]; then
    "$py" "$top/bench/gen_floatnet.py" "$widths" 1 >"$tmp/float.net"
    best=
    for k in 1 2 3; do
        s=$(date +%s.%N)
        "$build/rankstrat" analyze --max-entries 100000000 \
            --max-work 1000000000000000 "$tmp/float.net" \
            >"$tmp/float.out" 2>&1 || { best=FAILED; break; }
        e=$(date +%s.%N)
        d=$(printf "%.3f" "$(echo "$e - $s" | bc)")
        if [ -z "$best" ] || [ "$(echo "$d < $best" | bc)" = 1 ]; then
            best=$d
        fi
    done
    echo "analyze-float $widths $best $(grep -m1 '^barcode' "$tmp/float.out" |
        sed 's/^barcode *//; s/ //g')"
else
    echo "analyze-float $widths - (python3 missing)"
fi
