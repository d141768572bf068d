#!/bin/sh
# make check-deb: builds the Debian packages (dpkg-buildpackage -us -uc -b)
# from a copy of the source tree, runs lintian on them (any error fails),
# then installs them where rankstrat was never built and tries them:
# `rankstrat analyze` on the bundled example, run from an empty folder,
# must print exactly the golden output, and a small client must compile
# and link with `pkg-config --cflags --libs rankstrat` alone and run
# against the installed shared library; finally the packages are removed
# again and must leave no file behind.
#
# The installation happens in a private mount namespace (unshare) with
# /usr, /etc and /var overlaid by a scratch layer: dpkg really installs and
# removes the packages, but the machine (and everyone else on it) never
# sees them.  This needs root; it is what CI runs as.
#   tests/deb/check.sh [OUTDIR]   (OUTDIR keeps the .debs and logs)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
for tool in dpkg-buildpackage lintian unshare git; do
    command -v "$tool" >/dev/null || {
        echo "check-deb: '$tool' is missing (Debian packages dpkg-dev," \
            "debhelper, lintian, util-linux, git)" >&2
        exit 1
    }
done
[ "$(id -u)" -eq 0 ] || {
    echo "check-deb: must run as root (dpkg -i in a private namespace)" >&2
    exit 1
}
work=$(mktemp -d /tmp/rankstrat-deb.XXXXXX)
trap 'rm -rf "$work"' EXIT INT TERM
out=${1:-$work}
mkdir -p "$out"

# ---- build from a copy of the tracked (and new, unignored) files ----
version=$(dpkg-parsechangelog -l debian/changelog -S Version)
src=$work/rankstrat-$version
mkdir -p "$src"
git ls-files -co --exclude-standard -z | xargs -0 cp --parents -t "$src"
start=$(date +%s)
(cd "$src" && dpkg-buildpackage -us -uc -b) >"$out/build.log" 2>&1 || {
    tail -40 "$out/build.log"
    echo "check-deb: dpkg-buildpackage failed (log: $out/build.log)" >&2
    exit 1
}
arch=$(dpkg --print-architecture)
debs="rankstrat_${version}_$arch.deb librankstrat0_${version}_$arch.deb
librankstrat-dev_${version}_$arch.deb"
for d in $debs; do
    [ -f "$work/$d" ] || {
        echo "check-deb: $d was not built" >&2
        exit 1
    }
    [ "$out" = "$work" ] || cp "$work/$d" "$out/"
done
echo "check-deb: packages built in $(($(date +%s) - start)) s"

# ---- lintian: its whole output is shown; errors fail ----
lintian --info "$work/rankstrat_${version}_$arch.changes" \
    >"$out/lintian.txt" 2>&1 || true
echo "check-deb: lintian output:"
sed 's/^/    /' "$out/lintian.txt"
if grep -q '^E: ' "$out/lintian.txt"; then
    echo "check-deb: lintian reports errors" >&2
    exit 1
fi

# ---- install, use and remove in a private namespace ----
clean=$work/clean
mkdir -p "$clean/data/examples"
cp data/examples/demo.net "$clean/data/examples/"
cp tests/golden/analyze/demo_text.out "$clean/expected"
cat >"$clean/client.c" <<'C'
#include <stdio.h>
#include <rankstrat.h>
int main(void)
{
    slong d[] = {2, 2, 2};
    /* the fiber of W = W_2 W_1 (2 x 2 x 2, rank 0): dimension 5 */
    slong dim = rs_fiber_dim(d, 2, 0);
    printf("fiber dimension %ld\n", (long)dim);
    return dim == 5 ? 0 : 1;
}
C
cat >"$work/inside.sh" <<'SH'
set -eu
work=$1
shift
# a scratch layer over the system: dpkg's changes vanish with the namespace
mount -t tmpfs tmpfs "$work/ov"
for d in usr etc var; do
    mkdir -p "$work/ov/$d.up" "$work/ov/$d.work"
    mount -t overlay overlay -o "lowerdir=/$d,upperdir=$work/ov/$d.up,workdir=$work/ov/$d.work" "/$d"
done
cd "$work"
if dpkg-query -W rankstrat librankstrat0 librankstrat-dev >/dev/null 2>&1; then
    echo "check-deb: rankstrat packages are already installed here" >&2
    exit 1
fi
dpkg -i "$@" >"$work/dpkg-install.log" 2>&1 || {
    cat "$work/dpkg-install.log"
    exit 1
}
echo "check-deb: installed:" $(dpkg-query -W -f='${Package}=${Version}\n' \
    rankstrat librankstrat0 librankstrat-dev)
# no build tree in sight: an empty folder, a minimal environment
cd "$work/clean"
env -i PATH=/usr/bin:/bin HOME="$work/clean" sh -eu -c '
    [ "$(command -v rankstrat)" = /usr/bin/rankstrat ]
    rankstrat analyze data/examples/demo.net >analyze.out
    cmp analyze.out expected
    echo "check-deb: rankstrat analyze (installed) prints the golden output"
    cc -std=c11 -Wall -Wextra -Werror $(pkg-config --cflags rankstrat) \
        -o client client.c $(pkg-config --libs rankstrat)
    echo "check-deb: pkg-config --libs rankstrat: $(pkg-config --libs rankstrat)"
    ./client
    so=$(ldd ./client | awk "/librankstrat/ { print \$3 }")
    case $(readlink -f "$so") in
    /usr/lib/*/librankstrat.so.*) ;;
    *) echo "check-deb: the client uses \"$so\"" >&2; exit 1 ;;
    esac
    echo "check-deb: the client links and runs with $so"
    man -w rankstrat >/dev/null 2>&1 &&
        echo "check-deb: man rankstrat: $(man -w rankstrat)" ||
        echo "check-deb: no manual page installed (none in the tree yet)"
'
dpkg -r librankstrat-dev rankstrat librankstrat0 >"$work/dpkg-remove.log" 2>&1 || {
    cat "$work/dpkg-remove.log"
    exit 1
}
left=$(ls /usr/bin/rankstrat /usr/include/rankstrat.h /usr/lib/*/librankstrat* \
    /usr/lib/*/pkgconfig/rankstrat.pc 2>/dev/null || true)
[ -z "$left" ] || {
    echo "check-deb: dpkg -r left files behind: $left" >&2
    exit 1
}
echo "check-deb: removed again, nothing left behind"
SH
mkdir -p "$work/ov"
set --
for d in $debs; do set -- "$@" "$work/$d"; done
unshare --mount --propagation private sh "$work/inside.sh" "$work" "$@"
echo "check-deb: OK (rankstrat $version)"
