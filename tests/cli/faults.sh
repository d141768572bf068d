#!/bin/sh
# Allocation-failure injection, as SQLite does it (run by tests/cli/run.sh
# with the CLI path as argument).  Only a build compiled with
# -DRS_FAULT_INJECTION honours RS_FAIL_ALLOC=N (make check-asan builds so;
# a normal build never does, and then this script only says so).
#
# Every command below is run with RS_FAIL_ALLOC = 1, 2, 3, ... until it
# succeeds (N beyond its last allocation), and for every N that fails:
#   - exit status 2 (23 would mean LeakSanitizer found memory already lost
#     when the allocation failed), exactly one line on stderr, the
#     out-of-memory message, nothing on stdout;
#   - no file in the output directory: with RANKSTRAT_NO_O_TMPFILE=1 the
#     named temporaries of -o and --flow-dot must be removed by the
#     handler, and no target may appear.
# The run that succeeds must give the normal output.  By default every N
# up to 200 is tried, then every 8th growth step (N += N/8 + 1); with
# RS_FAULTS_FULL=1 (make check-faults) every N, which fails every
# allocation the commands reach, each once.  RS_FAULTS_ONLY="NAME ..."
# runs only the named sweeps.  Prints the number of failure points
# covered.
set -u
cli=$1
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# a signal ends the script (the EXIT trap then cleans up); a trap that only
# cleaned up would let the script go on without its folder
trap 'exit 130' INT TERM HUP
fail=0
points=0
full=${RS_FAULTS_FULL:-0}

if RS_FAIL_ALLOC=1 "$cli" count --dims 2,2 --rank 0 >/dev/null 2>&1; then
    echo "faults: allocation-failure injection not compiled in (skipped;" \
        "make check-asan runs it)"
    exit 0
fi

bad() { echo "FAIL faults: $1"; fail=$((fail + 1)); }

# sweep NAME ARGS...: ARGS may use @OUT@ for the output directory
sweep() {
    name=$1
    shift
    # RS_FAULTS_ONLY="NAME ...": only these sweeps (to split a full run)
    case " ${RS_FAULTS_ONLY:-$name} " in
    *" $name "*) ;;
    *) return ;;
    esac
    out=$tmp/out
    rm -rf "$out"
    mkdir "$out"
    # shellcheck disable=SC2046
    set -- $(printf '%s\n' "$@" | sed "s|@OUT@|$out|g")
    "$cli" "$@" >"$tmp/want" 2>"$tmp/want.err" || {
        bad "$name: fails without injection: $(cat "$tmp/want.err")"
        return
    }
    ls -A "$out" | sort >"$tmp/want.files"
    for f in $(cat "$tmp/want.files"); do cp "$out/$f" "$tmp/want.$f"; done
    n=1
    while :; do
        rm -rf "$out"
        mkdir "$out"
        RANKSTRAT_NO_O_TMPFILE=1 RS_FAIL_ALLOC=$n "$cli" "$@" \
            >"$tmp/got" 2>"$tmp/err"
        st=$?
        if [ $st -eq 0 ]; then
            if ! cmp -s "$tmp/got" "$tmp/want"; then
                bad "$name: N=$n: the successful run's output differs"
            fi
            ls -A "$out" | sort >"$tmp/got.files"
            if ! cmp -s "$tmp/got.files" "$tmp/want.files"; then
                bad "$name: N=$n: files $(tr '\n' ' ' <"$tmp/got.files")"
            fi
            for f in $(cat "$tmp/want.files"); do
                cmp -s "$out/$f" "$tmp/want.$f" ||
                    bad "$name: N=$n: $f differs from a normal run's"
            done
            break
        fi
        points=$((points + 1))
        if [ $st -eq 23 ]; then
            bad "$name: N=$n: LeakSanitizer found lost memory: $(head -c 300 "$tmp/err")"
        elif [ $st -ne 2 ]; then
            bad "$name: N=$n: exit status $st, expected 2 ($(head -c 300 "$tmp/err"))"
        elif [ -s "$tmp/got" ]; then
            bad "$name: N=$n: wrote to stdout"
        elif [ "$(wc -l <"$tmp/err")" -ne 1 ] ||
            ! grep -q '^rankstrat: out of memory (needed' "$tmp/err"; then
            bad "$name: N=$n: expected the one-line message, got $(head -c 300 "$tmp/err")"
        elif [ -n "$(ls -A "$out")" ]; then
            bad "$name: N=$n: partial output: $(ls -A "$out" | tr '\n' ' ')"
        fi
        [ $fail -gt 20 ] && return
        if [ "$full" = 1 ] || [ $n -lt 200 ]; then
            n=$((n + 1))
        else
            n=$((n + n / 8 + 1))
        fi
    done
    echo "faults: $name: $n allocations"
}

demo=data/examples/demo.net
printf 'matrix 2 2\n1 2\n-1/2 -1\n' >"$tmp/w.mat"
sweep analyze analyze $demo
sweep analyze-json analyze data/examples/demo.json --format json
sweep analyze-geometry analyze $demo --flow --subspaces --tangent --normal \
    --check --flow-dot @OUT@/f.dot -o @OUT@/a.txt
sweep strata strata --dims 2,2,2 --rank 0 --hasse --format json -o @OUT@/s.json
sweep strata-enum strata --dims 2,3,2 --rank 1 --order enum --format csv
sweep count count --dims 3,3,3,3 --rank 1
sweep hasse hasse --dims 2,2,2 --rank 0 --format dot
sweep canonical canonical --dims 2,3,3,2 --barcode 0-2,0-3,1-1,2-3 \
    --product "$tmp/w.mat" -o @OUT@/c.net
sweep move move tests/golden/move/rank1.net --hidden 1 \
    --matrix tests/golden/move/g3.mat
sweep move-merge move tests/golden/move/rank1.net --merge 0-0,1-1 --t 1/3
sweep verify verify --dims 2,2,2 --rank 0

echo "faults: $points failure points covered, $fail failed"
[ "$fail" -eq 0 ]
