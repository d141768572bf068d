#!/bin/sh
# Checks of the invariants outputs with external tools (run by
# tests/cli/run.sh with the CLI path as argument):
#   - the LaTeX sweep of widths 1..4 and layers 1..4 (a longtable), the
#     single-fiber table and the strata table with the points column
#     compile with pdflatex without overfull boxes (if pdflatex is
#     installed);
#   - JSON parses and is consistent: the strata's "points" sum to the
#     fiber's, the Euler characteristic is the value at q = 1, the
#     top-dimensional strata number "top_components", "strata_by_dim"
#     counts the strata, lambda = codim/2;
#   - the CSV sweep parses as RFC 4180 with CRLF line ends, one row per
#     shape and rank, reversed shapes once;
#   - -o FILE writes the file and nothing on stdout.
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
bad() { echo "FAIL invariants_tools: $1"; fail=$((fail + 1)); }
have() { command -v "$1" >/dev/null 2>&1; }

# ---- LaTeX ----------------------------------------------------------------
latex_doc() { # $1: table file, $2: document file
    {
        printf '%s\n' '\documentclass{article}' '\usepackage{booktabs}' \
            '\usepackage{longtable}' '\usepackage{array}' \
            '\begin{document}'
        cat "$1"
        printf '%s\n' '\end{document}'
    } >"$2"
}
if have pdflatex; then
    for args in "invariants --sweep --widths 1..4 --layers 1..4 --format latex" \
        "invariants --sweep --widths 1..2 --layers 1..2 --all-ranks --format latex" \
        "invariants --dims 2,2,2,2,2 --rank 0 --format latex" \
        "invariants --dims 3,3,3,3 --rank 1 --format latex" \
        "strata --dims 2,2,2,2 --rank 1 --points --format latex" \
        "strata --dims 3,3,3 --rank 0 --points --format latex"; do
        # shellcheck disable=SC2086
        set -- $args
        # shellcheck disable=SC2086
        "$cli" $args >"$tmp/t.tex" || bad "$args: exit status $?"
        latex_doc "$tmp/t.tex" "$tmp/doc.tex"
        # twice: a longtable settles its column widths on the second run
        if (cd "$tmp" && pdflatex -interaction=nonstopmode -halt-on-error doc.tex >latex.log 2>&1 &&
            pdflatex -interaction=nonstopmode -halt-on-error doc.tex >latex.log 2>&1); then
            # the strata tables are as wide as their barcodes (their
            # layout is the figures module's); the invariants must fit
            if [ "$1" = invariants ] && grep -q 'Overfull' "$tmp/doc.log"; then
                bad "$args: overfull box: $(grep -m1 'Overfull' "$tmp/doc.log")"
            else
                ok
            fi
        else
            bad "$args: does not compile: $(grep -m1 '^!' "$tmp/doc.log")"
        fi
    done
    # the long sweep really is a longtable
    "$cli" invariants --sweep --widths 1..4 --layers 1..4 --format latex >"$tmp/s.tex"
    if grep -q '^\\begin{longtable}' "$tmp/s.tex"; then ok; else bad "the long sweep is not a longtable"; fi
else
    echo "invariants_tools: pdflatex not installed: LaTeX compilation skipped"
fi

# ---- JSON -------------------------------------------------------------------
if have python3; then
    for args in "2,2,2 0" "1,2,2,1 0" "2,3,3,2 1" "3,3,3,3,3 0" "2,2,2,2 2"; do
        set -- $args
        "$cli" strata --dims "$1" --rank "$2" --format json >"$tmp/s.json" &&
            "$cli" invariants --dims "$1" --rank "$2" --format json >"$tmp/i.json" ||
            bad "$args: exit status $?"
        if python3 - "$tmp/s.json" "$tmp/i.json" <<'PYEOF'; then ok; else bad "strata --dims $1 --rank $2: JSON invariants inconsistent"; fi
import json, sys
from fractions import Fraction
s = json.load(open(sys.argv[1]))
i = json.load(open(sys.argv[2]))
assert i["format"] == "rankstrat-invariants" and i["version"] == 1
inv = s["invariants"]
for k in ("lambda", "theta", "codim", "top_components", "points", "euler",
          "strata_by_dim", "fiber_dim", "count"):
    assert inv[k] == i[k], k
total = [0] * (max(len(x["points"]) for x in s["strata"]))
for x in s["strata"]:
    p = x["points"]
    assert len(p) == x["dim"] + 1 and p[-1] == 1
    for k, c in enumerate(p):
        total[k] += c
assert total == inv["points"]
assert sum(inv["points"]) == inv["euler"]
fd = max(x["dim"] for x in s["strata"])
assert fd == inv["fiber_dim"] == s["fiber_dim"]
assert sum(1 for x in s["strata"] if x["dim"] == fd) == inv["top_components"]
by = {}
for x in s["strata"]:
    by[x["dim"]] = by.get(x["dim"], 0) + 1
assert sorted(by.items(), reverse=True) == [tuple(t) for t in inv["strata_by_dim"]]
assert Fraction(inv["lambda"]) == Fraction(inv["codim"], 2)
assert inv["lambda"] == inv["lambda_aoyagi"]
assert all(v == "agree" for v in inv["checks"].values())
PYEOF
    done
    "$cli" invariants --sweep --widths 1..3 --layers 1..3 --all-ranks --format csv >"$tmp/s.csv" || bad "csv sweep: exit status $?"
    if python3 - "$tmp/s.csv" <<'PYEOF'; then ok; else bad "the CSV sweep is not RFC 4180 or not one row per shape"; fi
import csv, io, sys
from fractions import Fraction
data = open(sys.argv[1], "rb").read().decode()
assert data.endswith("\r\n") and "\n" not in data.replace("\r\n", "")
rows = list(csv.reader(io.StringIO(data, newline="")))
head, rows = rows[0], rows[1:]
assert head == ["d", "r", "N", "fiber_dim", "C", "lambda", "theta",
                "top_components", "strata"]
seen = set()
for r in rows:
    d = tuple(int(x) for x in r[0].split(","))
    key = (d, int(r[1]))
    assert key not in seen and (tuple(reversed(d)), int(r[1])) not in seen
    seen.add(key)
    assert int(r[2]) == sum(a * b for a, b in zip(d, d[1:]))
    assert int(r[2]) - int(r[3]) == int(r[4])
    assert Fraction(r[5]) == Fraction(int(r[4]), 2)
# every shape with widths 1..3, L = 1..3, up to reversal, every rank
want = 0
import itertools
for L in range(1, 4):
    for d in itertools.product(range(1, 4), repeat=L + 1):
        if d <= tuple(reversed(d)):
            want += min(d) + 1
assert len(rows) == want, (len(rows), want)
PYEOF
fi

# ---- -o ---------------------------------------------------------------------
rm -f "$tmp/o.txt"
if "$cli" invariants --dims 2,2,2 --rank 0 -o "$tmp/o.txt" >"$tmp/stdout" &&
    [ ! -s "$tmp/stdout" ] && [ -s "$tmp/o.txt" ] &&
    "$cli" invariants --dims 2,2,2 --rank 0 | cmp -s - "$tmp/o.txt"; then ok; else bad "-o FILE"; fi
if "$cli" invariants --sweep --widths 1..20 --layers 1..8 -o "$tmp/bad.txt" 2>/dev/null ||
    [ -e "$tmp/bad.txt" ]; then bad "a refused sweep left a file or succeeded"; else ok; fi

echo "invariants_tools: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
