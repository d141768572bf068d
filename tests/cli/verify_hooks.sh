#!/bin/sh
# CLI checks of canonical, move and verify beyond the golden files (run by
# tests/cli/run.sh with the CLI path as argument):
#   - verify's hidden test hook --test-corrupt FAMILY (a deliberately wrong
#     formula or move) makes that family's count fall short, the exit
#     status 3, the report still written (text and JSON) and exactly one
#     line on stderr;
#   - canonical's output, analysed, has the requested barcode, and the
#     output of move reads back as a network (the '#' header included);
#   - a refused move or an invalid barcode leaves no -o file behind.
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
pass=0

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL verify_hooks: $1"; fail=$((fail + 1)); }

# family name in the report for each hook
for pair in "point:points analysed back" "dim:tangent rank = formula" \
    "tangent:tangent/normal checks" "merge:covers witnessed" \
    "hasse:covers = brute force" "transpose:transpose invariance" \
    "reduction:reduction invariance"; do
    hook=${pair%%:*}
    name=${pair#*:}
    for fiber in "--dims 2,2,2 --rank 0" "--dims 2,2,2,2 --rank 1"; do
        # shellcheck disable=SC2086
        "$cli" verify $fiber --test-corrupt "$hook" >"$tmp/out" 2>"$tmp/err"
        status=$?
        line=$(grep "^$name: " "$tmp/out")
        counts=${line#"$name: "}
        if [ "$status" -ne 3 ]; then
            bad "--test-corrupt $hook ($fiber): exit status $status, expected 3"
        elif [ "$(wc -l <"$tmp/err")" -ne 1 ]; then
            bad "--test-corrupt $hook ($fiber): expected one line on stderr"
        elif [ -z "$line" ] || [ "${counts%/*}" = "${counts#*/}" ]; then
            bad "--test-corrupt $hook ($fiber): '$name' did not fail: '$line'"
        elif ! grep -q "first failure of $name: " "$tmp/out"; then
            bad "--test-corrupt $hook ($fiber): no first failure reported"
        else
            ok
        fi
    done
    if command -v python3 >/dev/null 2>&1; then
        "$cli" verify --dims 2,2,2 --rank 0 --format json \
            --test-corrupt "$hook" >"$tmp/out" 2>/dev/null
        if python3 - "$tmp/out" "$name" <<'PY'; then ok; else bad "--test-corrupt $hook: JSON report"; fi
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["format"] == "rankstrat-verify" and doc["passed"] is False
fam = [c for c in doc["checks"] if c["name"] == sys.argv[2]][0]
assert fam["passed"] < fam["total"] and isinstance(fam["first_failure"], str)
PY
    fi
done

# without the hook the same runs pass
if "$cli" verify --dims 2,2,2,2 --rank 1 --test-corrupt none >"$tmp/out" &&
    grep -q "^all [0-9]* checks passed$" "$tmp/out"; then ok; else bad "--test-corrupt none"; fi

# canonical -> analyze gives the barcode back
if command -v python3 >/dev/null 2>&1; then
    for case in "2,3,2 0-0,0-2,1-1,1-2" "1,2,2,1 0-2,1-3" \
        "3,3,3,3 0-3,0-1,1-2,2-3,0-0,3-3" "2,2,2,2,2 0-0,0-1,1-3,2-4,4-4" \
        "3,1,3 0-0x2,0-2,2-2x2" "0,2,1 1-1,1-2"; do
        dims=${case% *}
        bars=${case#* }
        if "$cli" canonical --dims "$dims" --barcode "$bars" >"$tmp/c.net" &&
            "$cli" analyze "$tmp/c.net" --format json >"$tmp/a.json" &&
            python3 - "$tmp/a.json" "$bars" <<'PY'; then ok; else bad "canonical --dims $dims --barcode $bars: not analysed back"; fi
import json, sys
doc = json.load(open(sys.argv[1]))
bars = {}
for part in sys.argv[2].split(","):
    b, _, m = part.partition("x")
    i, j = map(int, b.split("-"))
    bars[(i, j)] = bars.get((i, j), 0) + int(m or 1)
got = {(i, j): m for i, j, m in doc["barcode"]}
assert got == bars, (got, bars)
PY
    done
fi

# move output reads back, and chains
"$cli" canonical --dims 2,2,2 --barcode 0-0x2,1-1x2,2-2x2 >"$tmp/s.net"
if "$cli" move "$tmp/s.net" --merge 0-0,1-1 --t 1/2 >"$tmp/m1.net" &&
    "$cli" move "$tmp/m1.net" --merge 1-1,2-2 --t 3 >"$tmp/m2.net" &&
    "$cli" analyze "$tmp/m2.net" | grep -q '^barcode     \[0,0\] + \[0,1\] + \[1,2\] + \[2,2\]$'; then
    ok
else
    bad "move --merge twice: wrong barcode or unreadable output"
fi

# refusals leave no output file
rm -f "$tmp/no.net"
"$cli" move "$tmp/s.net" --merge 0-0,1-2 -o "$tmp/no.net" 2>/dev/null
if [ $? -eq 1 ] && [ ! -e "$tmp/no.net" ]; then ok; else bad "refused move left a file"; fi
"$cli" canonical --dims 2,3,2 --barcode 0-2,1-1,0-0 -o "$tmp/no.net" 2>/dev/null
if [ $? -eq 1 ] && [ ! -e "$tmp/no.net" ]; then ok; else bad "invalid barcode left a file"; fi
if "$cli" verify --dims 2,2,2 --rank 0 -o "$tmp/v.txt" >"$tmp/out" 2>&1 &&
    [ ! -s "$tmp/out" ] && grep -q "^covers witnessed: 6/6$" "$tmp/v.txt"; then
    ok
else
    bad "verify -o FILE"
fi

echo "verify_hooks: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
