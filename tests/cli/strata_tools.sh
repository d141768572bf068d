#!/bin/sh
# Checks of the strata, hasse and count outputs with external tools (run by
# tests/cli/run.sh with the CLI path as argument):
#   - JSON parses (python3 -m json.tool) and is consistent (count, ids,
#     covers, the size of every rank list);
#   - CSV parses as RFC 4180 (python3 csv) with a header and CRLF line ends;
#   - DOT parses with Graphviz `dot`, --format svg is written and --format
#     png renders (if Graphviz is installed; without it --format png must
#     fail cleanly);
#   - the LaTeX table and the TikZ picture compile with pdflatex (if
#     installed);
#   - -o FILE writes the file and nothing else, and leaves no file behind
#     on failure.
# A missing tool skips its checks, saying so.
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
bad() { echo "FAIL strata_tools: $1"; fail=$((fail + 1)); }
have() { command -v "$1" >/dev/null 2>&1; }

# ---- JSON ---------------------------------------------------------------
if have python3; then
    for args in "strata --dims 2,2,2 --rank 0 --format json" \
        "strata --dims 1,2,2,1 --rank 0 --format json --hasse" \
        "strata --dims 3,3,3,3,3 --rank 0 --format json --hasse" \
        "strata --dims 2,3,3,2 --rank 1 --format json --order enum" \
        "hasse --dims 2,2,2,2 --rank 1 --format json"; do
        # shellcheck disable=SC2086
        "$cli" $args >"$tmp/s.json" || bad "$args: exit status $?"
        if python3 -m json.tool "$tmp/s.json" >/dev/null 2>&1 &&
            python3 - "$tmp/s.json" <<'EOF'; then ok; else bad "$args: JSON invalid or inconsistent"; fi
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["format"] == "rankstrat-strata" and doc["version"] == 1
d, strata = doc["dims"], doc["strata"]
L = len(d) - 1
assert doc["count"] == len(strata)
assert doc["weight_space_dim"] == sum(d[k] * d[k - 1] for k in range(1, L + 1))
assert doc["fiber_dim"] == max(s["dim"] for s in strata)
for k, s in enumerate(strata):
    assert s["id"] == k
    assert len(s["ranks"]) == L * (L + 1) // 2
    assert s["dim"] + s["codim"] == doc["weight_space_dim"]
    width = [0] * (L + 1)
    for i, j, m in s["barcode"]:
        assert m > 0
        for t in range(i, j + 1):
            width[t] += m
    assert width == d
n = len(strata)
for lo, up in doc.get("covers", []):
    assert 0 <= lo < n and 0 <= up < n
    assert strata[lo]["dim"] < strata[up]["dim"]
EOF
    done
    "$cli" count --dims 3,3,3,3,3 --rank 0 --format json >"$tmp/c.json"
    if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["count"] == 535' "$tmp/c.json"; then ok; else bad "count --format json"; fi
else
    echo "strata_tools: python3 not installed: JSON and CSV checks skipped"
fi

# ---- CSV ----------------------------------------------------------------
if have python3; then
    "$cli" strata --dims 1,2,2,1 --rank 0 --format csv --hasse >"$tmp/s.csv"
    if python3 - "$tmp/s.csv" <<'EOF'; then ok; else bad "CSV does not parse as RFC 4180"; fi
import csv, sys
raw = open(sys.argv[1], "rb").read()
assert raw.endswith(b"\r\n") and raw.count(b"\n") == raw.count(b"\r\n")
rows = list(csv.reader(open(sys.argv[1], newline="")))
head = rows[0]
assert head[:4] == ["id", "dim", "codim", "components"]
assert head[-2:] == ["barcode", "covered_by"]
assert len(rows) == 17 and all(len(r) == len(head) for r in rows)
assert rows[1][head.index("barcode")] == "0-2,1-3"
EOF
fi

# ---- DOT and SVG --------------------------------------------------------
if have dot; then
    "$cli" hasse --dims 1,2,2,1 --rank 0 >"$tmp/h.dot"
    if dot -Tsvg "$tmp/h.dot" -o "$tmp/h.svg" 2>"$tmp/dot.err"; then ok; else bad "dot rejects the DOT output: $(cat "$tmp/dot.err")"; fi
    "$cli" hasse --dims 2,2,2 --rank 0 --format svg >"$tmp/s.svg"
    if head -c 5 "$tmp/s.svg" | grep -q '<?xml' && grep -q '</svg>' "$tmp/s.svg"; then ok; else bad "hasse --format svg"; fi
    "$cli" hasse --dims 2,2,2 --rank 0 --format svg -o "$tmp/o.svg" >"$tmp/stdout"
    if [ -s "$tmp/o.svg" ] && [ ! -s "$tmp/stdout" ] && cmp -s "$tmp/o.svg" "$tmp/s.svg"; then ok; else bad "hasse --format svg -o FILE"; fi
else
    echo "strata_tools: Graphviz dot not installed: DOT parsing and SVG rendering skipped"
fi
if have neato; then
    "$cli" hasse --dims 2,2,2 --rank 0 --format png -o "$tmp/h.png"
    if [ "$(head -c 4 "$tmp/h.png" | tail -c 3)" = PNG ]; then ok; else bad "hasse --format png"; fi
fi
# without Graphviz on PATH, png fails cleanly: status 1, one line, no
# output; svg does not need it
PATH=/nonexistent "$cli" hasse --dims 2,2,2 --rank 0 --format png -o "$tmp/none.png" >"$tmp/stdout" 2>"$tmp/stderr"
st=$?
if [ "$st" -eq 1 ] && [ ! -e "$tmp/none.png" ] && [ ! -s "$tmp/stdout" ] &&
    grep -q "Graphviz 'neato' was not found" "$tmp/stderr"; then ok; else bad "png without Graphviz: status $st"; fi
if PATH=/nonexistent "$cli" hasse --dims 2,2,2 --rank 0 --format svg >"$tmp/s2.svg" &&
    grep -q '</svg>' "$tmp/s2.svg"; then ok; else bad "svg without Graphviz"; fi

# ---- LaTeX --------------------------------------------------------------
if have pdflatex; then
    "$cli" strata --dims 1,2,2,1 --rank 0 --format latex >"$tmp/table.tex"
    cat >"$tmp/doc.tex" <<'EOF'
\documentclass{article}
\usepackage{booktabs,longtable,array}
\begin{document}
\input{table.tex}
\end{document}
EOF
    if (cd "$tmp" && pdflatex -interaction=nonstopmode -halt-on-error doc.tex >latex.log 2>&1); then ok; else bad "the LaTeX table does not compile (see pdflatex log)"; fi
    "$cli" hasse --dims 1,2,2,1 --rank 0 --format tikz >"$tmp/hasse.tex"
    printf '%s\n' '\documentclass{article}' '\usepackage{tikz}' >"$tmp/pic.tex"
    printf '%s\n' '\begin{document}' '\input{hasse.tex}' '\end{document}' >>"$tmp/pic.tex"
    if (cd "$tmp" && pdflatex -interaction=nonstopmode -halt-on-error pic.tex >tikz.log 2>&1); then ok; else bad "the TikZ picture does not compile: $(grep -m1 '^!' "$tmp/tikz.log")"; fi
else
    echo "strata_tools: pdflatex not installed: LaTeX and TikZ compilation skipped"
fi

# ---- -o FILE --------------------------------------------------------------
"$cli" strata --dims 2,2,2 --rank 0 --format json >"$tmp/a.json"
"$cli" strata --dims 2,2,2 --rank 0 --format json -o "$tmp/b.json" >"$tmp/stdout"
if cmp -s "$tmp/a.json" "$tmp/b.json" && [ ! -s "$tmp/stdout" ]; then ok; else bad "-o FILE"; fi
echo keep >"$tmp/keep"
"$cli" strata --dims 3,3,3,3 --rank 0 --max-strata 10 -o "$tmp/keep" 2>/dev/null
st=$?
if [ "$st" -eq 2 ] && [ "$(cat "$tmp/keep")" = keep ] &&
    [ "$(find "$tmp" -name '.keep*' | wc -l)" -eq 0 ]; then ok; else bad "a refused job must leave -o FILE alone (status $st)"; fi
"$cli" count --dims 3,3,3,3 --rank 0 -o "$tmp/n" >"$tmp/stdout"
if [ "$(cat "$tmp/n")" = 77 ] && [ ! -s "$tmp/stdout" ]; then ok; else bad "count -o FILE"; fi

echo "strata_tools: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
