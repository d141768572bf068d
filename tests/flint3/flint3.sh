#!/bin/sh
# Builds and tests rankstrat against a FLINT 3 release from its source
# tarball (the vendored ones are in ../shared/vendor/).
#
#   tests/flint3/flint3.sh headers TARBALL   prepare the configured headers
#   tests/flint3/flint3.sh build TARBALL     ... and build and install FLINT
#   tests/flint3/flint3.sh check TARBALL     ... and build rankstrat against
#                                            it in build-flint-VERSION and
#                                            run the whole suite
#
# FLINT is unpacked, configured and built once per machine into a cache
# outside every work tree, RS_FLINT_CACHE (default
# ${XDG_CACHE_HOME:-$HOME/.cache}/rankstrat), one folder per release:
#   flint-VERSION/src       the unpacked, bootstrapped, configured source
#   flint-VERSION/headers   include folder holding flint/*.h as installed
#   flint-VERSION/prefix    the installed library (lib/libflint.so, ...)
# Stamp files record each finished stage (with the tarball's checksum), so
# an interrupted stage is redone and a finished one is never repeated; a
# lock keeps two runs from preparing the same release at once.
# The build is made short: -O1 without -g, shared library only.
set -eu

usage() {
    echo "usage: $0 headers|build|check FLINT_TARBALL" >&2
    exit 2
}
[ $# -eq 2 ] || usage
stage=$1
tarball=$2
case $stage in headers | build | check) ;; *) usage ;; esac

top=$(cd "$(dirname "$0")/../.." && pwd)
if [ ! -f "$tarball" ]; then
    echo "flint3: FLINT source tarball '$tarball' not found." >&2
    echo "flint3: the vendored releases are expected in ../shared/vendor/" \
        "beside the repository (flint-3.0.1.tar.xz, flint-3.6.0.tar.xz);" \
        "give another with FLINT_SRC=/path/to/flint-3.x.y.tar.xz" >&2
    exit 1
fi
tarball=$(cd "$(dirname "$tarball")" && pwd)/$(basename "$tarball")
name=$(basename "$tarball")
version=${name#flint-}
version=${version%.tar.*}
case $version in
[0-9]*.[0-9]*.[0-9]*) ;;
*)
    echo "flint3: cannot read a version from '$name'" \
        "(expected flint-X.Y.Z.tar.xz)" >&2
    exit 1
    ;;
esac

cache=${RS_FLINT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/rankstrat}
dir=$cache/flint-$version
mkdir -p "$dir"
sum=$(sha256sum "$tarball" | cut -d' ' -f1)

stamped() { [ -f "$dir/$1.stamp" ] && [ "$(cat "$dir/$1.stamp")" = "$sum" ]; }
# one preparer per release at a time (a finished stage needs no lock)
locked=no
lock() {
    [ $locked = yes ] && return 0
    exec 9>"$dir/lock"
    flock 9
    locked=yes
}

stamped headers || lock
if ! stamped headers; then
    echo "flint3: unpacking, bootstrapping and configuring FLINT $version" \
        "in $dir/src"
    rm -f "$dir"/*.stamp
    rm -rf "$dir/src" "$dir/headers" "$dir/prefix"
    mkdir -p "$dir/src"
    tar -xJf "$tarball" -C "$dir/src"
    # a git archive of a tag: either the files or one folder holding them
    if [ ! -f "$dir/src/configure.ac" ]; then
        sub=$(ls "$dir/src")
        mv "$dir/src/$sub" "$dir/src.tmp"
        rmdir "$dir/src"
        mv "$dir/src.tmp" "$dir/src"
    fi
    (
        cd "$dir/src"
        ./bootstrap.sh >"$dir/bootstrap.log" 2>&1 ||
            {
                tail -20 "$dir/bootstrap.log"
                exit 1
            }
        ./configure --prefix="$dir/prefix" --disable-static \
            CFLAGS="-O1" >"$dir/configure.log" 2>&1 ||
            {
                tail -20 "$dir/configure.log"
                exit 1
            }
    )
    # the headers exactly as `make install` copies them
    mkdir -p "$dir/headers/flint"
    # (FLINT 3.6 names the configured headers twice, by two paths)
    (
        cd "$dir/src"
        for h in $(make -s print-HEADERS | sed "s/^HEADERS=//"); do
            [ -e "$dir/headers/flint/${h##*/}" ] || cp "$h" "$dir/headers/flint/"
        done
    )
    echo "$sum" >"$dir/headers.stamp"
fi
[ "$stage" = headers ] && {
    echo "$dir/headers"
    exit 0
}

stamped install || lock
if ! stamped install; then
    echo "flint3: building FLINT $version (log: $dir/build.log)"
    start=$(date +%s)
    (
        cd "$dir/src"
        nice -n 10 make -j2 >"$dir/build.log" 2>&1 &&
            make install >>"$dir/build.log" 2>&1
    ) || {
        tail -30 "$dir/build.log"
        echo "flint3: building FLINT $version failed" >&2
        exit 1
    }
    echo "flint3: FLINT $version built and installed in" \
        "$(($(date +%s) - start)) s"
    echo "$sum" >"$dir/install.stamp"
fi
[ $locked = no ] || exec 9>&-
[ "$stage" = build ] && exit 0

# ---- check: the whole rankstrat suite against this FLINT ----
prefix=$dir/prefix
O=build-flint-$version
cd "$top"
[ -f configure ] && [ ! configure.ac -nt configure ] || autoconf
mkdir -p "$O"
echo "flint3: configuring rankstrat against FLINT $version in $O"
(
    cd "$O"
    PKG_CONFIG_PATH="$prefix/lib/pkgconfig" "$top/configure" --quiet \
        LDFLAGS="-Wl,-rpath,$prefix/lib"
)
grep -q "^FLINT_LIBS = .*-L$prefix/lib" "$O/config.mk" || {
    echo "flint3: configure did not pick the FLINT in $prefix:" >&2
    grep '^FLINT' "$O/config.mk" >&2
    exit 1
}
# run-time: the rpath, and the library path for whatever links by hand
LD_LIBRARY_PATH=$prefix/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
export LD_LIBRARY_PATH
start=$(date +%s)
make -j2 O="$O" CONFIG_MK="$O/config.mk" all tests
for bin in "$O/rankstrat" "$O"/tests/core/test_*; do
    [ -x "$bin" ] || continue
    lib=$(ldd "$bin" | awk '/libflint/ { print $3 }')
    case $lib in
    "$prefix"/lib/*) ;;
    *)
        echo "flint3: $bin uses '$lib', not the FLINT in $prefix" >&2
        exit 1
        ;;
    esac
    echo "flint3: $bin -> $lib"
done
make O="$O" CONFIG_MK="$O/config.mk" check
echo "flint3: rankstrat suite passed against FLINT $version" \
    "($(($(date +%s) - start)) s)"
