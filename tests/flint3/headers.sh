#!/bin/sh
# The fast FLINT 3 guard: compiles every C file of src/, tests/ and bench/
# with -fsyntax-only -Wall -Wextra -Werror against the configured headers of
# each given FLINT release, included as system headers (-isystem) the way
# installed headers are.  The headers are prepared once per machine from
# the source tarballs (bootstrap and configure, no build; see flint3.sh),
# and rankstrat's own configure feature tests are run against them
# (--disable-flint-link), so the build sees what a real one would.
#   tests/flint3/headers.sh FLINT_TARBALL...
set -eu
[ $# -ge 1 ] || {
    echo "usage: $0 FLINT_TARBALL..." >&2
    exit 2
}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
missing=0
for t in "$@"; do
    [ -f "$t" ] || {
        echo "check-flint3-headers: FLINT source tarball '$t' is missing:" \
            "the guard needs the vendored releases in ../shared/vendor/" \
            "beside the repository (or FLINT_SRC=...)" >&2
        missing=1
    }
done
[ "$missing" = 0 ] || exit 1
[ -f configure ] && [ ! configure.ac -nt configure ] || autoconf

CC=${CC:-gcc}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
files=$(find src tests bench -name '*.c' | sort)
status=0
for t in "$@"; do
    start=$(date +%s)
    hdr=$(tests/flint3/flint3.sh headers "$t" | tail -n 1)
    version=$(basename "$(dirname "$hdr")")
    mkdir -p "$tmp/$version"
    (cd "$tmp/$version" && "$top/configure" --quiet --disable-flint-link \
        CC="$CC" FLINT_CFLAGS="-isystem $hdr" FLINT_LIBS=-lflint) \
        >"$tmp/$version.log" 2>&1 || {
        cat "$tmp/$version.log" "$tmp/$version/config.log" >&2
        echo "check-flint3-headers: configure failed against $version" >&2
        exit 1
    }
    compat=$(sed -n 's/^FLINT_COMPAT_CFLAGS = //p' "$tmp/$version/config.mk")
    # two at a time; each failing file leaves its messages in $tmp/err
    mkdir -p "$tmp/err"
    printf '%s\n' $files | xargs -P 2 -n 8 sh -c '
        for f; do
            out=$(echo "$f" | tr / _)
            '"$CC"' -fsyntax-only -std=c11 -Wall -Wextra -Werror \
              -D_POSIX_C_SOURCE=200809L -Iinclude -Isrc -Itests/common \
              -isystem "'"$hdr"'" '"$compat"' "$f" \
              >"'"$tmp"'/err/$out" 2>&1 || echo "$f" >>"'"$tmp"'/err/$out.failed"
        done' sh
    nfail=$(find "$tmp/err" -name '*.failed' | wc -l)
    nfiles=$(printf '%s\n' $files | wc -l)
    if [ "$nfail" -gt 0 ]; then
        for f in "$tmp"/err/*.failed; do
            cat "${f%.failed}"
        done
        echo "check-flint3-headers: $nfail of $nfiles files fail against" \
            "$version" >&2
        status=1
    else
        echo "check-flint3-headers: $nfiles files clean against $version" \
            "($compat; $(($(date +%s) - start)) s)"
    fi
    rm -rf "$tmp/err"
done
exit $status
