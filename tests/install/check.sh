#!/bin/sh
# Installs into a temporary DESTDIR with a PREFIX, then builds and runs a
# small program against the installed headers, static library and
# rankstrat.pc, and runs the installed CLI.
set -eu
O=${1:-build}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
prefix=/opt/rankstrat-test
make -s O="$O" install PREFIX="$prefix" DESTDIR="$tmp" >/dev/null
root=$tmp$prefix
for f in bin/rankstrat lib/librankstrat.a lib/librankstrat.so \
         include/rankstrat.h include/rankstrat/barcode.h \
         lib/pkgconfig/rankstrat.pc share/man/man1/rankstrat.1; do
    [ -e "$root/$f" ] || { echo "install: missing $f"; exit 1; }
done
grep -q "^prefix=$prefix\$" "$root/lib/pkgconfig/rankstrat.pc"
cat >"$tmp/use.c" <<'C'
#include <rankstrat.h>
int main(void)
{
    slong d[] = {2, 2, 2};
    return rs_fiber_dim(d, 2, 0) == 5 ? 0 : 1;
}
C
# rankstrat.pc names ${prefix}; point pkg-config at the staged copy
cflags=$(PKG_CONFIG_PATH="$root/lib/pkgconfig" pkg-config --define-variable=prefix="$root" --cflags rankstrat)
libs=$(PKG_CONFIG_PATH="$root/lib/pkgconfig" pkg-config --define-variable=prefix="$root" --static --libs rankstrat)
cc -std=c11 $cflags -o "$tmp/use" "$tmp/use.c" "$root/lib/librankstrat.a" $libs
"$tmp/use"
# A client of the public API calls FLINT itself (fmpq_mat_init before
# rs_matrix_read): linking with `pkg-config --cflags --libs rankstrat` and
# nothing else must work, against the shared library.
cat >"$tmp/client.c" <<'C'
#include <rankstrat.h>
int main(int argc, char **argv)
{
    fmpq_mat_t M;
    rs_error_t err;
    int ok;
    (void)argc;
    fmpq_mat_init(M, 0, 0);
    rs_error_init(err);
    ok = rs_matrix_read(M, argv[1], NULL, err) == RS_OK &&
         fmpq_mat_nrows(M) == 2 && fmpq_mat_ncols(M) == 3;
    fmpq_mat_clear(M);
    return ok ? 0 : 1;
}
C
printf 'matrix 2 3\n1 2 3\n4 5 6/7\n' >"$tmp/m.mat"
pc_all=$(PKG_CONFIG_PATH="$root/lib/pkgconfig" pkg-config --define-variable=prefix="$root" --cflags --libs rankstrat)
cc -std=c11 -o "$tmp/client" "$tmp/client.c" $pc_all
LD_LIBRARY_PATH="$root/lib" "$tmp/client" "$tmp/m.mat"
"$root/bin/rankstrat" analyze data/examples/demo.net >/dev/null
# the installed manual page is found by man through its MANPATH
MANWIDTH=80 man -M "$root/share/man" rankstrat 2>/dev/null |
    grep -q '^RANKSTRAT(1)' || { echo "install: man -M finds no rankstrat(1)"; exit 1; }
echo "install: PREFIX and DESTDIR honoured; headers, library and rankstrat.pc usable"
