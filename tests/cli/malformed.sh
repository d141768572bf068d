#!/bin/sh
# Hostile input (issue 7): runs the CLI given as $1 on malformed network
# and matrix files (truncated, huge widths, huge numbers, 10^6-digit
# numbers, deep and huge JSON, binary garbage, NUL bytes, invalid UTF-8,
# blank files) and on bad option values of every subcommand, and checks for
# each run:
#   - exit status 1 or 2 (0 for the CRLF inputs, which must be accepted);
#   - exactly one line on stderr, starting "FILE:LINE:COL: " when the
#     problem is inside a file;
#   - nothing on stdout;
#   - with -o FILE: no file left behind (neither FILE nor a temporary);
#   - no sanitizer report (when the CLI is a sanitizer build).
# Big inputs are generated here, in a temporary directory.
set -u
cli=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# a signal ends the script (the EXIT trap then cleans up); a trap that only
# cleaned up would let the script go on without its folder
trap 'exit 130' INT TERM HUP
in=$tmp/in
odir=$tmp/o
mkdir -p "$in" "$odir"
pass=0
fail=0
sanitized=0
if grep -aqE '__asan_init|__ubsan_handle' "$cli"; then
    sanitized=1
fi
commands=$("$cli" --help | sed -n 's/^  \([a-z][a-z]*\) .*/\1/p')
have() { case " $(echo $commands) " in *" $1 "*) return 0 ;; esac; return 1; }

report() {
    printf 'FAIL %s: %s\n' "$1" "$2"
    if [ -s "$tmp/err" ]; then
        printf '  stderr: '
        head -c 400 "$tmp/err"
        echo
    fi
    fail=$((fail + 1))
}

# Checks the last run (status in $status, outputs in $tmp/out, $tmp/err).
# want: "err" (1 or 2), or an exact status; pos: the FILE whose
# "FILE:LINE:COL: " must start the message, or "-".
verify() {
    name=$1 want=$2 pos=$3
    if grep -qE 'runtime error|AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer' "$tmp/err"; then
        report "$name" "sanitizer report"
        return 1
    fi
    case $want in
    err) [ "$status" -eq 1 ] || [ "$status" -eq 2 ] ;;
    *) [ "$status" -eq "$want" ] ;;
    esac || {
        report "$name" "exit status $status, expected $want"
        return 1
    }
    [ "$status" -eq 0 ] && return 0
    if [ -s "$tmp/out" ]; then
        report "$name" "output on stdout: $(head -c 100 "$tmp/out")"
        return 1
    fi
    if [ "$(wc -l <"$tmp/err")" -ne 1 ] || [ "$(tail -c 1 "$tmp/err" | od -An -c | tr -d ' ')" != '\n' ]; then
        report "$name" "expected exactly one line on stderr"
        return 1
    fi
    if [ "$pos" != - ]; then
        line=$(cat "$tmp/err")
        case $line in
        "$pos":*)
            rest=${line#"$pos":}
            if ! printf '%s\n' "$rest" | grep -qE '^[0-9]+:[0-9]+: '; then
                report "$name" "no LINE:COL after the file name"
                return 1
            fi
            ;;
        *)
            report "$name" "message does not start with $pos:LINE:COL"
            return 1
            ;;
        esac
    fi
    return 0
}

# run NAME WANT POS ARGS...: one run, standard input from $stdin.
stdin=/dev/null
run() {
    name=$1 want=$2 pos=$3
    shift 3
    "$cli" "$@" <"$stdin" >"$tmp/out" 2>"$tmp/err"
    status=$?
    verify "$name" "$want" "$pos" && pass=$((pass + 1))
}

# run_o NAME WANT POS ARGS...: as run, then again with "-o FILE": a failed
# run must leave the output directory empty, a successful one exactly FILE.
run_o() {
    name=$1 want=$2 pos=$3
    shift 3
    run "$name" "$want" "$pos" "$@"
    "$cli" "$@" -o "$odir/result" <"$stdin" >"$tmp/out" 2>"$tmp/err"
    status=$?
    if verify "$name (-o)" "$want" "$pos"; then
        left=$(ls -A "$odir")
        if [ "$status" -ne 0 ] && [ -n "$left" ]; then
            report "$name (-o)" "files left behind: $left"
        elif [ "$status" -eq 0 ] && [ "$left" != result ]; then
            report "$name (-o)" "expected just the output file, found: $left"
        elif [ "$status" -eq 0 ] && [ -s "$tmp/out" ]; then
            report "$name (-o)" "output on stdout as well as in the file"
        else
            pass=$((pass + 1))
        fi
    fi
    rm -rf "$odir"
    mkdir -p "$odir"
}

# ---- inputs ---------------------------------------------------------------

w() { printf '%b' "$2" >"$in/$1"; }
# seven million digits would be too slow under valgrind; a million is the
# issue's size
digits() { head -c "$1" /dev/zero | tr '\0' "$2"; }

w empty.net ''
w blank.net '\n\n   \n\t\n'
w blank-crlf.net '\r\n\r\n  \r\n'
w comments.net '# only\n# comments\n'
w no-dims.net 'W1\n1\n'
w dims-twice.net 'dims 1 1\ndims 1 1\nW1\n1\n'
w one-width.net 'dims 3\n'
w negative.net 'dims 2 -3\nW1\n'
w fraction-width.net 'dims 2 3/2\n'
w decimal-width.net 'dims 2.0 3\n'
w word-width.net 'dims two 3\n'
w huge-width.net 'dims 1000000000 1000000000\n'
w huge-width-digits.net "dims 1 $(digits 400 9)\n"
w big-product.net 'dims 10000 10000\nW1\n'
w zero-products.net 'dims 1000000 0 1000000\nW1\nW2\n'
w block-missing.net 'dims 1 1 1\nW1\n1\n'
w block-repeated.net 'dims 1 1 1\nW1\n1\nW1\n1\nW2\n1\n'
w block-order.net 'dims 1 1 1\nW2\n1\nW1\n1\n'
w block-beyond.net 'dims 1 1\nW1\n1\nW2\n1\n'
w row-short.net 'dims 3 2\nW1\n1 2 3\n4 5\n'
w row-long.net 'dims 3 2\nW1\n1 2 3\n4 5 6 7\n'
w rows-few.net 'dims 2 3\nW1\n1 2\n3 4\n'
w rows-many.net 'dims 2 1\nW1\n1 2\n3 4\nW2\n'
w zero-den.net 'dims 1 1\nW1\n1/0\n'
w half-fraction.net 'dims 1 1\nW1\n1/\n'
w double-minus.net 'dims 1 1\nW1\n--3\n'
w exponent-huge.net 'dims 1 1\nW1\n1e999999999\n'
w exponent-empty.net 'dims 1 1\nW1\n1e\n'
w exponent-fraction.net 'dims 1 1\nW1\n1/2e3\n'
w hex.net 'dims 1 1\nW1\n0x10\n'
w inf.net 'dims 1 1\nW1\ninf\n'
w nan.net 'dims 1 1\nW1\n-NaN\n'
w two-dots.net 'dims 1 1\nW1\n1.2.3\n'
w trailing.net 'dims 1 1\nW1\n1\nthe end\n'
w trailing-token.net 'dims 1 1 junk\nW1\n1\n'
w nul.net 'dims 1 1\nW1\n1\0 2\n'
w utf8-bad.net 'dims 1 1\nW1\n1 \0377\n'
w utf8-overlong.net 'dims 1 1\nW1\n\0300\0257\n'
w utf8-surrogate.net 'dims 1 1\n# \0355\0240\0200\nW1\n1\n'
w utf8-truncated.net 'dims 1 1\nW1\n1 \0342\0202\n'
w lone-cr.net 'dims 1 1\rW1\n1\n'
w control.net 'dims 1 1\nW1\n\00331\n'
w utf16.net '\0377\0376d\0i\0m\0s\0'
w unterminated.json '{"dims": [1, 1], "weights": [[[1]'
w json-exponent-huge.json '{"dims": [1, 1], "weights": [[[1e-99999999999999999999]]]}'
w json-exponent-string.json '{"dims": [1, 1], "weights": [[["1e+"]]]}'
w json-inf.json '{"dims": [1, 1], "weights": [[["inf"]]]}'
w json-zero-den.json '{"dims": [1, 1], "weights": [[["1/0"]]]}'
w json-dup.json '{"dims": [1, 1], "dims": [1, 1], "weights": [[[1]]]}'
w json-no-weights.json '{"dims": [1, 1]}'
w json-extra-key-bad.json '{"dims": [1, 1], "weights": [[[1]]], "bias": [1,}'
w json-bad-row.json '{"dims": [2, 1], "weights": [[[1]]]}'
w json-trailing.json '{"dims": [1, 1], "weights": [[[1]]]} {}'
w json-trailing-comma.json '{"dims": [1, 1], "weights": [[[1]]],}'
w json-control.json '{"dims": [1, 1], "weights": [[["1\t"]]]}'
w json-surrogate.json '{"dims": [1, 1], "weights": [[["\\udc00"]]]}'
w json-bad-utf8.json '{"dims": [1, 1], "weights": [[["\0377"]]]}'
w json-nul.json '{"dims": [1, 1], "weights": [[[\0]]]}'
w json-huge-width.json '{"dims": [1, 100000000000000000000], "weights": []}'
w json-negative.json '{"dims": [1, -1], "weights": [[]]}'
w json-not-object.json '[[1, 1], [[[1]]]]'
w mat-short.mat 'matrix 2 2\n1 2\n'
w mat-header.mat 'matrix 2\n1 2\n'
w mat-huge.mat 'matrix 1000000000 1\n'

# truncations of the bundled example, at several places
size=$(wc -c <data/examples/demo.net)
for cut in 60 700 $((size - 20)) $((size - 8)) $((size - 3)); do
    head -c "$cut" data/examples/demo.net >"$in/demo-cut$cut.net"
done
jsize=$(wc -c <data/examples/demo.json)
for cut in 1 20 $((jsize / 2)) $((jsize - 2)); do
    head -c "$cut" data/examples/demo.json >"$in/demo-cut$cut.json"
done
# binary garbage: compressed data, and the CLI binary itself
gzip -9n <data/examples/demo.net >"$in/garbage.gz"
# 10^6-digit numbers, a 10^6-character line, huge JSON and deep nesting
{ printf 'dims 1 1\nW1\n'; digits 1000000 7; printf '/0\n'; } >"$in/million-zero-den.net"
{ printf 'dims 1 1\nW1\n'; digits 1000000 3; printf 'x\n'; } >"$in/million-garbage.net"
{ printf 'dims 1 2\nW1\n-'; digits 1000000 9; printf '/'; digits 1000000 1; printf '\n'; } >"$in/million-rows-few.net"
{ printf 'dims 1 1\nW1\n'; digits 1000000 ' '; printf '1 2\n'; } >"$in/million-blanks.net"
{ printf '{"dims": [1, 1], "weights": [[['; digits 1000000 5; printf 'e1001]]]}'; } >"$in/million.json"
{ printf '{"dims": [1, 1], "weights": '; digits 100000 '['; digits 100000 ']'; printf '}'; } >"$in/deep.json"
digits 100000 '[' >"$in/deep-bare.json"
awk 'BEGIN { printf "{\"dims\": [1000, 1000], \"weights\": [[";
             for (i = 0; i < 999; i++) {
                 printf "%s[", i ? "," : "";
                 for (j = 0; j < 1000; j++) printf "%s%d", j ? "," : "", (i * j) % 7;
                 printf "]";
             }
             printf "]]}\n" }' >"$in/huge-rows-few.json"
awk 'BEGIN { printf "dims 1000 1000\nW1\n";
             for (i = 0; i < 1000; i++) {
                 for (j = 0; j < (i == 999 ? 999 : 1000); j++)
                     printf "%s%d", j ? " " : "", (i + j) % 5 - 2;
                 printf "\n";
             } }' >"$in/huge-row-short.net"
awk 'BEGIN { printf "dims"; for (i = 0; i < 5000; i++) printf " 1"; printf "\n" }' >"$in/many-layers.net"
awk 'BEGIN { printf "dims"; for (i = 0; i <= 4096; i++) printf " 1"; printf "\n";
             for (k = 1; k <= 4096; k++) printf "W%d\n1\n", k }' >"$in/deepest.net"
awk 'BEGIN { printf "dims"; for (i = 0; i < 1000; i++) printf (i % 2 ? " 0" : " 1000000"); printf "\n" }' >"$in/million-rows.net"

# CRLF line ends must be accepted and give the same answer
sed 's/$/\r/' data/examples/demo.net >"$in/crlf.net"
sed 's/$/\r/' data/examples/demo.json >"$in/crlf.json"
printf 'matrix 2 2\r\n1 0\r\n0 0\r\n' >"$in/crlf.mat"

# ---- analyze on malformed files ---------------------------------------------

for f in "$in"/*.net "$in"/*.json; do
    b=$(basename "$f")
    case $b in crlf.*) continue ;; esac
    pos=$f
    case $b in
    # well-formed files refused for their size after reading: no position
    zero-products.net | deepest.net) pos=- ;;
    esac
    run_o "analyze $b" err "$pos" analyze "$f"
done
run_o "analyze garbage.gz" 1 "$in/garbage.gz" analyze "$in/garbage.gz"
run_o "analyze the binary itself" err "$cli" analyze "$cli"
run_o "analyze a matrix file" 1 "$in/mat-short.mat" analyze "$in/mat-short.mat"
stdin=$in/two-dots.net
run_o "analyze - (stdin)" 1 "<stdin>" analyze -
stdin=$in/garbage.gz
run_o "analyze - (binary stdin)" 1 "<stdin>" analyze -
stdin=/dev/null
run_o "analyze - (empty stdin)" 1 "<stdin>" analyze -
run_o "analyze a directory" 1 - analyze "$in"
run_o "analyze a missing file" 1 - analyze "$in/no-such-file.net"

# ---- CRLF is accepted, with the same answer ---------------------------------

"$cli" analyze --format json data/examples/demo.net >"$tmp/lf.out" 2>/dev/null
for f in "$in/crlf.net" "$in/crlf.json"; do
    run_o "analyze $(basename "$f")" 0 - analyze --format json "$f"
    "$cli" analyze --format json "$f" >"$tmp/crlf.out" 2>/dev/null
    if cmp -s "$tmp/lf.out" "$tmp/crlf.out"; then
        pass=$((pass + 1))
    else
        report "analyze $(basename "$f")" "answer differs from the LF file"
    fi
done

# ---- analyze: bad options -----------------------------------------------------

demo=data/examples/demo.net
run_o "analyze no file" 1 - analyze
run_o "analyze two files" 1 - analyze "$demo" "$demo"
run_o "analyze unknown option" 1 - analyze --frobnicate "$demo"
run_o "analyze --format xml" 1 - analyze --format xml "$demo"
run_o "analyze --format twice" 1 - analyze --format json --format=text "$demo"
run "analyze --format without value" 1 - analyze "$demo" --format
run_o "analyze --tangent=yes" 1 - analyze --tangent=yes "$demo"
run_o "analyze --max-entries -1" 1 - analyze --max-entries -1 "$demo"
run_o "analyze --max-entries x" 1 - analyze --max-entries 12x "$demo"
run_o "analyze --max-entries huge" 1 - analyze --max-entries 99999999999999999999999 "$demo"
run_o "analyze --max-entries 0" 2 - analyze --max-entries 0 "$demo"
run_o "analyze --tangent too big" 2 - analyze --tangent --max-entries 5 "$demo"
run "analyze --flow-svg -" 1 - analyze --flow-svg - "$demo"
run "analyze --flow-dot twice" 1 - analyze --flow-dot "$odir/x" --flow-svg "$odir/x" "$demo"
run "analyze -o directory" 1 - analyze -o "$odir" "$demo"
run "analyze -o missing directory" 1 - analyze -o "$odir/none/x" "$demo"
[ -z "$(ls -A "$odir")" ] || report "analyze -o" "files left in $odir"
# a device is written in place, not replaced
"$cli" analyze "$demo" -o /dev/null >"$tmp/out" 2>"$tmp/err"
status=$?
if verify "analyze -o /dev/null" 0 - && [ -c /dev/null ] && [ ! -s "$tmp/out" ]; then
    pass=$((pass + 1))
else
    report "analyze -o /dev/null" "/dev/null is no longer a device or output went to stdout"
fi

# ---- the fiber commands: bad option values ------------------------------------

fiber_cases() {
    c=$1
    run_o "$c no --dims" 1 - "$c" --rank 1
    run_o "$c no --rank" 1 - "$c" --dims 2,3,2
    run_o "$c --rank and --product" 1 - "$c" --dims 2,3,2 --rank 1 --product "$in/crlf.mat"
    run_o "$c --dims empty" 1 - "$c" --dims '' --rank 1
    run_o "$c --dims 2,,3" 1 - "$c" --dims 2,,3 --rank 1
    run_o "$c --dims 2" 1 - "$c" --dims 2 --rank 1
    run_o "$c --dims x" 1 - "$c" --dims 2,x,2 --rank 1
    run_o "$c --dims -1" 1 - "$c" --dims 2,-1,2 --rank 1
    run_o "$c --dims huge" err - "$c" --dims 99999999999999999999,2 --rank 1
    run_o "$c --dims over the total" err - "$c" --dims 1000000000,1000000000 --rank 1
    run_o "$c --dims binary" 1 - "$c" --dims "$(printf '2,\377,2')" --rank 1
    run_o "$c --rank -1" 1 - "$c" --dims 2,3,2 --rank -1
    run_o "$c --rank x" 1 - "$c" --dims 2,3,2 --rank one
    run_o "$c --rank too big" 1 - "$c" --dims 2,3,2 --rank 3
    run_o "$c --rank huge" 1 - "$c" --dims 2,3,2 --rank 99999999999999999999
    run_o "$c --format nope" 1 - "$c" --dims 2,3,2 --rank 1 --format nope
    run_o "$c unknown option" 1 - "$c" --dims 2,3,2 --rank 1 --frobnicate
    run_o "$c stray argument" 1 - "$c" --dims 2,3,2 --rank 1 extra
    run_o "$c --product missing" 1 - "$c" --dims 2,3,2 --product "$in/no-such.mat"
    run_o "$c --product short" 1 "$in/mat-short.mat" "$c" --dims 2,3,2 --product "$in/mat-short.mat"
    run_o "$c --product header" 1 "$in/mat-header.mat" "$c" --dims 2,3,2 --product "$in/mat-header.mat"
    run_o "$c --product huge" 2 "$in/mat-huge.mat" "$c" --dims 2,3,2 --product "$in/mat-huge.mat"
    run_o "$c --product garbage" 1 "$in/garbage.gz" "$c" --dims 2,3,2 --product "$in/garbage.gz"
    run_o "$c --product a network" 1 "$demo" "$c" --dims 2,3,2 --product "$demo"
    run_o "$c --product wrong shape" 1 - "$c" --dims 2,3,3 --product "$in/crlf.mat"
    run_o "$c --product crlf" 0 - "$c" --dims 2,3,2 --product "$in/crlf.mat"
}
for c in strata count hasse verify; do
    have "$c" && fiber_cases "$c"
done
if have strata; then
    run_o "strata --max-strata 1" 2 - strata --dims 2,3,2 --rank 1 --max-strata 1
    run_o "strata --max-strata x" 1 - strata --dims 2,3,2 --rank 1 --max-strata x
    run_o "strata --order nope" 1 - strata --dims 2,3,2 --rank 1 --order nope
    run_o "strata --hasse-method nope" 1 - strata --dims 2,3,2 --rank 1 --hasse --hasse-method nope
    run_o "strata --hasse=1" 1 - strata --dims 2,3,2 --rank 1 --hasse=1
fi
if have hasse; then
    run_o "hasse --max-strata 1" 2 - hasse --dims 2,3,2 --rank 1 --max-strata 1
    run_o "hasse --format nope" 1 - hasse --dims 2,3,2 --rank 1 --format nope
fi
if have count; then
    run_o "count --max-work 0" 1 - count --dims 2,3,2 --rank 1 --max-work 0
    run_o "count --max-work x" 1 - count --dims 2,3,2 --rank 1 --max-work x
fi
if have canonical; then
    for b in '' '0-9' '1-0' '0-1x0' 'a' '0-2,1-1,0-0,' '0-2x99999999999999999999' \
        "$(printf '0-2,\377')"; do
        run_o "canonical --barcode '$b'" err - canonical --dims 2,3,2 --barcode "$b"
    done
    run_o "canonical no --barcode" 1 - canonical --dims 2,3,2
    run_o "canonical --dims bad" 1 - canonical --dims 2,,2 --barcode 0-2
    run_o "canonical widths mismatch" 1 - canonical --dims 2,3,2 --barcode 0-2
    run_o "canonical --product garbage" 1 "$in/garbage.gz" canonical --dims 2,3,2 --barcode 0-2,0-0,1-1x2,2-2 --product "$in/garbage.gz"
    run_o "canonical --product huge" 2 "$in/mat-huge.mat" canonical --dims 2,3,2 --barcode 0-2,0-0,1-1x2,2-2 --product "$in/mat-huge.mat"
    run_o "canonical --product rank" 1 - canonical --dims 2,3,2 --barcode 0-2x2,1-1 --product "$in/crlf.mat"
    run_o "canonical --product crlf" 0 - canonical --dims 2,3,2 --barcode 0-2,0-0,1-1x2,2-2 --product "$in/crlf.mat"
fi
if have move; then
    printf 'matrix 3 3\r\n1 0 0\r\n0 1 0\r\n1 0 1\r\n' >"$in/g3-crlf.mat"
    for f in two-dots.net row-short.net json-dup.json million-garbage.net garbage.gz; do
        run_o "move on $f" 1 "$in/$f" move "$in/$f" --hidden 1 --matrix "$in/g3-crlf.mat"
    done
    run_o "move no move" 1 - move "$demo"
    run_o "move two moves" 1 - move "$demo" --hidden 1 --matrix "$in/g3-crlf.mat" --end 0 --matrix "$in/crlf.mat"
    run_o "move --hidden 0" 1 - move "$demo" --hidden 0 --matrix "$in/g3-crlf.mat"
    run_o "move --hidden 9" 1 - move "$demo" --hidden 9 --matrix "$in/g3-crlf.mat"
    run_o "move --hidden x" 1 - move "$demo" --hidden x --matrix "$in/g3-crlf.mat"
    run_o "move --hidden huge" 1 - move "$demo" --hidden 99999999999999999999 --matrix "$in/g3-crlf.mat"
    run_o "move --matrix garbage" 1 "$in/garbage.gz" move "$demo" --hidden 1 --matrix "$in/garbage.gz"
    run_o "move --matrix short" 1 "$in/mat-short.mat" move "$demo" --hidden 1 --matrix "$in/mat-short.mat"
    run_o "move --matrix huge" 2 "$in/mat-huge.mat" move "$demo" --hidden 1 --matrix "$in/mat-huge.mat"
    run_o "move --matrix shape" 1 - move "$demo" --hidden 1 --matrix "$in/crlf.mat"
    run_o "move --matrix singular" 1 - move "$demo" --end 0 --matrix "$in/crlf.mat"
    run_o "move --delta bad" 1 "$in/mat-header.mat" move "$demo" --one-matrix 1 --delta "$in/mat-header.mat"
    for m in '' 'x' '0-9,1-1' '0-2' '0-2,1-1,2-3' "$(printf '0-2,\377')"; do
        run_o "move --merge '$m'" 1 - move "$demo" --merge "$m"
    done
    for t in '1/0' '1e' '0x10' '--3' '' '1e5000'; do
        run_o "move --t '$t'" 1 - move "$demo" --merge 0-2,2-3 --t "$t"
    done
    run_o "move crlf" 0 - move "$in/crlf.net" --hidden 1 --matrix "$in/g3-crlf.mat"
fi
run "unknown command" 1 - frobnicate

# ---- out of memory: a clean message, exit status 2, no core dump -------------

if [ "$sanitized" = 0 ]; then
    awk 'BEGIN { n = 3000; printf "dims %d 1 %d\nW1\n", n, n;
                 for (i = 0; i < n; i++) printf "%s1", i ? " " : ""; printf "\nW2\n";
                 for (i = 1; i <= n; i++) printf "%d\n", i }' >"$in/oom.net"
    (
        cd "$tmp" || exit 1
        ulimit -c unlimited 2>/dev/null
        ulimit -v 300000
        # --max-memory past ulimit -v: the cost model would refuse first
        "$cli" analyze --max-entries 100000000 --max-memory 1T "$in/oom.net" -o "$odir/result" >"$tmp/out" 2>"$tmp/err"
    )
    status=$?
    if verify "out of memory" 2 - &&
        grep -q '^rankstrat: out of memory (needed [0-9]* bytes); try a smaller problem or raise the memory limit$' "$tmp/err" &&
        [ -z "$(ls -A "$odir")" ] && ! ls "$tmp"/core* >/dev/null 2>&1; then
        pass=$((pass + 1))
    else
        report "out of memory" "expected status 2, the out-of-memory line, no file and no core"
    fi
fi

echo "malformed-input tests: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
