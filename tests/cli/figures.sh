#!/bin/sh
# Checks of the Hasse figures and strata tables as users see them (run by
# tests/cli/run.sh with the CLI path as argument; the tools come from
# ./setup --deps: Graphviz, python3, pdflatex with TikZ, chromium):
#   - geometry (tests/cli/figures_check.py) of the DOT as Graphviz draws it
#     (`neato -n2 -Tplain`) and of rankstrat's SVG: ids as in the table,
#     rows strictly by dimension, no edge through a foreign node;
#   - every TikZ picture (--width 12cm) and every LaTeX table compiles in a
#     plain article with pdflatex, without an Overfull box;
#   - the HTML explorer in headless chromium (tests/cli/html_selftest.sh).
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
bad() { echo "FAIL figures: $1"; fail=$((fail + 1)); }

fibers="2,2,2:0 2,2,2,2:0 1,2,2,1:0 3,3,3:1 2,3,2,3:1 2,3,2:1 3,3,3:0"

# ---- geometry -------------------------------------------------------------
for fr in $fibers; do
    d=${fr%:*}
    r=${fr#*:}
    f="--dims $d --rank $r"
    # shellcheck disable=SC2086
    "$cli" strata $f --hasse --format json >"$tmp/s.json" || bad "$f: strata"
    for variant in "dim:" "codim:--levels codim" "dim:--label glyph,id,barcode" \
        "dim:--label id,barcode,ranks,dim,codim,components"; do
        lev=${variant%%:*}
        opts=${variant#*:}
        # shellcheck disable=SC2086
        if "$cli" hasse $f $opts --format dot >"$tmp/h.dot" &&
            neato -n2 -Tplain "$tmp/h.dot" >"$tmp/h.plain" &&
            python3 tests/cli/figures_check.py "$tmp/s.json" plain \
                "$tmp/h.plain" "$lev" >/dev/null; then ok; else
            bad "$f $opts: DOT as drawn by neato -n2"
        fi
        # shellcheck disable=SC2086
        if "$cli" hasse $f $opts --format svg >"$tmp/h.svg" &&
            python3 tests/cli/figures_check.py "$tmp/s.json" svg \
                "$tmp/h.svg" "$lev" >/dev/null; then ok; else
            bad "$f $opts: SVG"
        fi
    done
done

# ---- pdflatex -------------------------------------------------------------
# Compiles $1 (a fragment) in a default article; fails on an error or an
# Overfull box.
latex_ok() {
    {
        printf '\\documentclass{article}\n%s\n\\begin{document}\n' "$2"
        printf '\\noindent\\input{frag.tex}\n\\end{document}\n'
    } >"$tmp/doc.tex"
    cp "$1" "$tmp/frag.tex"
    (cd "$tmp" && pdflatex -interaction=nonstopmode -halt-on-error doc.tex \
        >/dev/null 2>&1) || return 1
    ! grep -q 'Overfull' "$tmp/doc.log"
}

for fr in $fibers; do
    d=${fr%:*}
    r=${fr#*:}
    f="--dims $d --rank $r"
    for opts in "" "--label glyph,id,dim" "--levels codim --label id,ranks"; do
        # shellcheck disable=SC2086
        "$cli" hasse $f $opts --format tikz --width 12cm >"$tmp/p.tex"
        if latex_ok "$tmp/p.tex" '\usepackage{tikz}'; then ok; else
            bad "$f $opts: TikZ does not compile cleanly"
            grep -A2 'Overfull\|^!' "$tmp/doc.log" | head -5
        fi
    done
done

# Every LaTeX table of at most 60 strata with L <= 3 and widths in
# {1,2,3}, and of some longer networks, default, with --points and with a
# column choice, in one document (twice: longtable settles its widths on
# the second run): no error, no Overfull box.  (A sweep of the 1,984
# fibers of up to 60 strata with L <= 5 passed the same way.)
{
    printf '\\documentclass{article}\n\\usepackage{booktabs,longtable,array}\n'
    printf '\\begin{document}\n'
} >"$tmp/tables.tex"
ntab=0
for d in $(python3 -c '
import itertools
for L in range(2, 4):
    for d in itertools.product((1, 2, 3), repeat=L + 1):
        print(",".join(map(str, d)))') 2,2,2,2 1,2,2,1 2,3,2,3 3,3,1,3,3 \
    1,3,3,1,3,3 2,1,2,1,2,1; do
    m=$(echo "$d" | tr , '\n' | sort -n | head -1)
    r=0
    while [ "$r" -le "$m" ]; do
        c=$("$cli" count --dims "$d" --rank "$r")
        if [ "$c" -le 60 ]; then
            for opts in "" "--points" "--columns id,barcode,covers,points"; do
                ntab=$((ntab + 1))
                # shellcheck disable=SC2086
                "$cli" strata --dims "$d" --rank "$r" --format latex $opts \
                    >"$tmp/tab$ntab.tex" || bad "strata --dims $d --rank $r $opts"
                echo "\\input{tab$ntab.tex}" >>"$tmp/tables.tex"
            done
        fi
        r=$((r + 1))
    done
done
printf '\\end{document}\n' >>"$tmp/tables.tex"
if (cd "$tmp" && pdflatex -interaction=nonstopmode -halt-on-error tables.tex \
    >/dev/null 2>&1 && pdflatex -interaction=nonstopmode -halt-on-error \
    tables.tex >/dev/null 2>&1) && ! grep -q Overfull "$tmp/tables.log"; then
    ok
else
    bad "$ntab LaTeX tables: $(grep -m1 -A1 'Overfull\|^!' "$tmp/tables.log")"
fi

# ---- HTML in a real browser ----------------------------------------------
# The page's own #selftest (every stratum present with its barcode, a real
# click event on a node, the detail panel, closure and star highlights
# against rank dominance, search by id and by barcode) writes its verdict
# into the DOM, which chromium dumps.
browser() {
    chromium --headless --no-sandbox --disable-gpu --disable-quic \
        --no-first-run --disable-background-networking \
        --disable-component-update --disable-sync \
        --user-data-dir="$tmp/chrome" "$@" 2>/dev/null
}
for fr in 2,2,2,2:0 2,3,2,3:1 3,3,3,3,3,3:0; do
    d=${fr%:*}
    r=${fr#*:}
    "$cli" hasse --dims "$d" --rank "$r" --format html -o "$tmp/h.html"
    n=$("$cli" count --dims "$d" --rank "$r")
    # (the SVG namespace name is not fetched)
    if sed 's|http://www.w3.org/2000/svg||g' "$tmp/h.html" |
        grep -Eq '<(link|img|iframe|object|embed)|src=|url\(|https?:|import'; then
        bad "--dims $d --rank $r: the HTML refers to an external resource"
    else ok; fi
    browser --dump-dom "file://$tmp/h.html#selftest" >"$tmp/dom.html"
    if grep -q "SELFTEST PASS strata=$n " "$tmp/dom.html"; then ok; else
        bad "--dims $d --rank $r: HTML self-test in chromium: $(grep -A3 'rs-selftest"' "$tmp/dom.html" | head -4)"
    fi
done

echo "figures: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
