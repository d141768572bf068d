#!/bin/sh
# Benchmark 2 of issue 6: the rank list of whole networks (L = 6) by
# `rankstrat analyze`, side by side in one run with
#   - FLINT alone, product by product (fmpq_mat_mul, fmpz_mat_rank:
#     bench/ranklist_flint.c),
#   - SymPy, product by product (DomainMatrix over QQ; small widths only,
#     with a time limit),
#   - numpy, product by product in float64 (numpy.linalg.matrix_rank),
#     with whether its answer is right.
# Networks: planted rank drops (bench/gen_planted.c: the canonical point
# of a random barcode of rank d/4 moved by random unimodular matrices, so
# the true rank list is known), a generic network of small random integers,
# and an ill-conditioned one (a Hilbert layer; singular values over 30
# orders of magnitude) whose exact rank list is computed independently.
#
#   bench/analyze_bench.sh [BUILD_DIR]     (default: build)
#
# Environment: FMPZ_LIMIT (seconds, default 600) and SYMPY_LIMIT (default
# 60) bound the baselines; SYMPY_MAX_WIDTH (default 64) is the widest
# network given to SymPy; ANALYZE_BENCH_SIZES (default "16 32 64 128 256")
# the widths of the planted networks; BENCH_TSV, a file to which one
# tab-separated line per case is appended (for bench/run).  Not part of the
# test suite.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-build}
case $build in /*) ;; *) build=$top/$build ;; esac
cli=$build/rankstrat
[ -x "$cli" ] && [ -f "$build/librankstrat.a" ] || {
    echo "analyze_bench: build first: make O=$build" >&2
    exit 1
}
make -s -C "$top/bench" O="$build" >/dev/null || {
    echo "analyze_bench: cannot build the programs of bench/" >&2
    exit 1
}
gen=$build/bench/gen_planted
flint=$build/bench/ranklist_flint
helper=$top/bench/analyze_bench.py
fmpz_limit=${FMPZ_LIMIT:-600}
sympy_limit=${SYMPY_LIMIT:-60}
sympy_max=${SYMPY_MAX_WIDTH:-64}
sizes=${ANALYZE_BENCH_SIZES:-16 32 64 128 256}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# A Python 3 that has the module $1 (the Debian packages install into
# /usr/bin/python3, which may not be the first python3 on PATH).
find_python() {
    for py in python3 /usr/bin/python3; do
        if command -v "$py" >/dev/null 2>&1 &&
            "$py" -c "import $1" >/dev/null 2>&1; then
            echo "$py"
            return
        fi
    done
}
py_any=$(find_python fractions)
py_sympy=$(find_python sympy)
py_numpy=$(find_python numpy)
[ -n "$py_any" ] || {
    echo "analyze_bench: needs python3" >&2
    exit 1
}

ratio() { # baseline rankstrat
    echo "$1 $2" | awk '{ if ($2 > 0) printf "%.1fx", $1 / $2; else print "-" }'
}

secs() { # a time in seconds, 3 significant digits
    echo "$1" | awk '{ if ($1 < 0.01) printf "%.4f", $1; else if ($1 < 100)
                       printf "%.3f", $1; else printf "%.1f", $1 }'
}

# Runs `$@` with a time limit; output in $tmp/run.out; sets run_status to
# ok, timeout or failed.
run_limited() {
    limit=$1
    shift
    timeout "$limit" "$@" >"$tmp/run.out" 2>"$tmp/run.err"
    case $? in
    0) run_status=ok ;;
    124) run_status=timeout ;;
    *) run_status=failed ;;
    esac
}

echo "rankstrat analyze benchmark (issue 6, benchmark 2) on $(uname -m)," \
    "$(nproc) core(s): $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null |
        sed 's/.*: //')"
echo "times in seconds, parsing excluded except for analyze; ratio =" \
    "baseline time / rankstrat rank-list time"
printf '%-28s %8s %8s %17s %17s %17s %8s\n' case analyze "rs ranks" \
    "fmpz_mat_rank" "sympy" "numpy" "rs right"

row() { # name network-file
    name=$1 net=$2
    truth=$("$py_any" "$helper" truth "$net")
    # rankstrat analyze, the whole command (JSON output: its rank list)
    t0=$(date +%s.%N)
    if "$cli" analyze "$net" --format json >"$tmp/an.json" 2>"$tmp/an.err"; then
        t1=$(date +%s.%N)
        t_an=$(echo "$t1 $t0" | awk '{ printf "%.3f", $1 - $2 }')
        rs=$("$py_any" "$helper" json-ranks "$tmp/an.json")
        [ "$rs" = "$truth" ] && rs_ok=yes || rs_ok=WRONG
    else
        t_an=FAILED rs_ok=FAILED
    fi
    # the rank list alone, in process
    run_limited "$fmpz_limit" "$flint" --method rankstrat "$net"
    t_rs=$(awk '{ print $2 }' "$tmp/run.out")
    t_rs_show=$(secs "$t_rs")
    [ "$(cut -d' ' -f3- "$tmp/run.out")" = "$truth" ] || rs_ok=WRONG
    # FLINT product by product
    run_limited "$fmpz_limit" "$flint" --method fmpz "$net"
    if [ "$run_status" = ok ]; then
        t=$(awk '{ print $2 }' "$tmp/run.out")
        c_fmpz="$(secs "$t") ($(ratio "$t" "$t_rs"))"
        [ "$(cut -d' ' -f3- "$tmp/run.out")" = "$truth" ] ||
            c_fmpz="$c_fmpz WRONG"
    else
        c_fmpz="$run_status >${fmpz_limit}"
        [ "$run_status" = timeout ] || c_fmpz=$run_status
    fi
    # SymPy
    width=$(sed -n 's/^dims //p' "$net" | tr ' ' '\n' | sort -n | tail -1)
    if [ -z "$py_sympy" ]; then
        c_sympy="skipped: install python3-sympy"
    elif [ "$width" -gt "$sympy_max" ]; then
        c_sympy="skipped (width)"
    else
        run_limited "$sympy_limit" "$py_sympy" "$helper" sympy "$net"
        if [ "$run_status" = ok ]; then
            t=$(awk '{ print $2 }' "$tmp/run.out")
            c_sympy="$(secs "$t") ($(ratio "$t" "$t_rs"))"
            [ "$(cut -d' ' -f3- "$tmp/run.out")" = "$truth" ] ||
                c_sympy="$c_sympy WRONG"
        else
            c_sympy="$run_status >${sympy_limit}"
            [ "$run_status" = timeout ] || c_sympy=$run_status
        fi
    fi
    # numpy
    if [ -z "$py_numpy" ]; then
        c_numpy="skipped: install python3-numpy"
    else
        run_limited "$fmpz_limit" "$py_numpy" "$helper" numpy "$net"
        if [ "$run_status" = ok ] && grep -q '^numpy [0-9]' "$tmp/run.out"; then
            t=$(awk '{ print $2 }' "$tmp/run.out")
            got=$(cut -d' ' -f3- "$tmp/run.out")
            if [ "$got" = "$truth" ]; then
                c_numpy="$(secs "$t") right"
            else
                c_numpy="$(secs "$t") WRONG"
                wrong_numpy="$wrong_numpy
  $name: exact   $truth
  $(printf '%*s' ${#name} '')  numpy   $got"
            fi
        else
            c_numpy="error"
        fi
    fi
    printf '%-28s %8s %8s %17s %17s %17s %8s\n' "$name" "$t_an" "$t_rs_show" \
        "$c_fmpz" "$c_sympy" "$c_numpy" "$rs_ok"
    if [ -n "${BENCH_TSV:-}" ]; then
        # for bench/run: benchmark, case, seconds, compared with, goal,
        # verdict (tab-separated)
        printf 'analyze\t%s\t%s\t%s\t%s\t%s\n' "$name" "$t_an" \
            "rank list ${t_rs_show}s; fmpz_mat_rank $c_fmpz; sympy $c_sympy; numpy $c_numpy" \
            "exact; faster than fmpz_mat_rank" \
            "$(echo "$rs_ok" | sed 's/^yes$/right/')" >>"$BENCH_TSV"
    fi
}

wrong_numpy=
for w in $sizes; do
    dims=$w,$w,$w,$w,$w,$w,$w
    "$gen" --dims "$dims" --rank $((w / 4)) --seed 1 >"$tmp/net.txt" \
        2>/dev/null
    row "planted L=6 d=$w r=$((w / 4))" "$tmp/net.txt"
done
"$py_any" "$helper" generic "$tmp/generic.txt" 64,64,32,64,64,48,64
row "generic (64,..,32,..,48,64)" "$tmp/generic.txt"
"$py_any" "$helper" illcond "$tmp/ill.txt"
row "ill-conditioned L=6 d=16" "$tmp/ill.txt"
if [ -n "$wrong_numpy" ]; then
    echo "rank lists (r_10 r_20 r_21 r_30 ...) where numpy is wrong; exact =" \
        "the known answer, which rankstrat gave:$wrong_numpy"
fi
