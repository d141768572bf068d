#!/bin/sh
# CLI tests of `rankstrat analyze` geometry options that write files
# (--flow-svg, --flow-dot, -o) and so do not fit the golden-file runner:
# the diagrams are complete, files are written atomically, a missing
# Graphviz is a clear one-line error, and refusals leave nothing behind.
#   tests/cli/analyze_geometry.sh path/to/rankstrat
set -u
cli=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# a signal ends the script (the EXIT trap then cleans up); a trap that only
# cleaned up would let the script go on without its folder
trap 'exit 130' INT TERM HUP
fail=0
net=data/examples/planted2332.net

bad() { echo "FAIL analyze_geometry: $*"; fail=$((fail + 1)); }

# --flow-dot: one node per basis vector (sum d_k = 10), one arrow per
# W v = v' (3 + 1 + 1 + 1 = 6), one death mark per strand dying before L (2)
"$cli" analyze "$net" --flow-dot "$tmp/flow.dot" >"$tmp/out" 2>"$tmp/err" ||
    bad "--flow-dot failed: $(cat "$tmp/err")"
[ "$(grep -c 'tooltip="v_' "$tmp/flow.dot")" = 10 ] || bad "DOT node count"
[ "$(grep -c '^  v[0-9_]* -> v' "$tmp/flow.dot")" = 6 ] || bad "DOT arrows"
[ "$(grep -c 'arrowhead=tee' "$tmp/flow.dot")" = 2 ] || bad "DOT death marks"
grep -q '^digraph flow {' "$tmp/flow.dot" || bad "DOT header"
# the main output is unchanged by the diagram option
"$cli" analyze "$net" >"$tmp/plain" 2>&1 || bad "plain analyze failed"
cmp -s "$tmp/out" "$tmp/plain" || bad "--flow-dot changed stdout"

# --flow-svg with Graphviz (the setup script installs it)
if command -v dot >/dev/null 2>&1; then
    "$cli" analyze "$net" --flow --flow-svg "$tmp/flow.svg" >/dev/null \
        2>"$tmp/err" || bad "--flow-svg failed: $(cat "$tmp/err")"
    grep -q '<svg' "$tmp/flow.svg" || bad "--flow-svg wrote no SVG"
    grep -q 'layer 3' "$tmp/flow.svg" || bad "SVG lacks the layer headers"
    [ -z "$(find "$tmp" -name '*.tmp*')" ] || bad "temporary file left"
else
    echo "analyze_geometry: Graphviz 'dot' not installed; SVG test skipped"
fi

# without Graphviz on PATH: exit 1, one line naming Graphviz, no files
mkdir "$tmp/emptybin"
PATH="$tmp/emptybin" "$cli" analyze "$net" --flow-svg "$tmp/none.svg" \
    -o "$tmp/none.txt" >"$tmp/out" 2>"$tmp/err"
st=$?
[ "$st" = 1 ] || bad "missing dot: exit status $st, expected 1"
[ "$(wc -l <"$tmp/err")" = 1 ] || bad "missing dot: expected one line"
grep -q "Graphviz" "$tmp/err" || bad "missing dot: message lacks Graphviz"
[ ! -e "$tmp/none.svg" ] && [ ! -e "$tmp/none.txt" ] ||
    bad "missing dot: output file left behind"
[ -s "$tmp/out" ] && bad "missing dot: output on stdout"

# -o is atomic: a refused job (exit 2) leaves an existing file untouched
echo keep >"$tmp/keep.txt"
"$cli" analyze "$net" --tangent --max-entries 100 -o "$tmp/keep.txt" \
    >"$tmp/out" 2>"$tmp/err"
st=$?
[ "$st" = 2 ] || bad "--max-entries: exit status $st, expected 2"
grep -q -- "--structured" "$tmp/err" || bad "refusal does not name --structured"
[ "$(cat "$tmp/keep.txt")" = keep ] || bad "refused job overwrote -o FILE"
# and a successful one replaces it with the full output
"$cli" analyze "$net" --tangent --normal --check --format json \
    -o "$tmp/keep.txt" 2>"$tmp/err" || bad "-o failed: $(cat "$tmp/err")"
tail -c 3 "$tmp/keep.txt" | grep -q '}}' || bad "-o output incomplete"
grep -q '"passed": true' "$tmp/keep.txt" || bad "--check did not pass"
if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import json,sys; d=json.load(open(sys.argv[1]));
assert d["tangent"]["dim"] == len(d["tangent"]["basis"]) == 15
assert d["normal"]["dim"] == len(d["normal"]["basis"]) == 6
assert all(len(v) == d["weight_space_dim"] for v in d["tangent"]["basis"])
' "$tmp/keep.txt" || bad "JSON output does not parse as expected"
fi

[ "$fail" -eq 0 ] && echo "analyze_geometry: all passed"
[ "$fail" -eq 0 ]
