#!/bin/sh
# The shared library's ABI is exactly its public headers: every function
# exported by librankstrat.so is declared in include/, and every function
# declared there (except static inline ones) is exported.
#   tests/abi/check.sh BUILD_DIR
# The declarations are listed by gcc's -aux-info (which names the header
# of each one), the exports by nm -D.
set -eu
build=${1:-build}
so="$build/librankstrat.so"
tmp=$(mktemp -d /tmp/rankstrat-abi.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

[ -e "$so" ] || { echo "abi: $so not found" >&2; exit 1; }
printf '#include "rankstrat.h"\n' >"$tmp/all.c"
gcc -std=c11 -D_POSIX_C_SOURCE=200809L -Iinclude ${FLINT_CFLAGS:-} \
    -aux-info "$tmp/aux" -fsyntax-only "$tmp/all.c"
# lines look like: /* include/rankstrat/x.h:12:NC */ extern int rs_f (...);
grep 'include/rankstrat[^ ]*\.h:[0-9]*:N[CF] \*/ extern ' "$tmp/aux" |
    sed 's/.*\*\/ extern //; s/ *(.*//; s/.*[ *]//' | sort -u >"$tmp/declared"
nm -D --defined-only "$so" | awk '$2 ~ /^[TtWwi]$/ {print $3}' |
    sed 's/@.*//' | sort -u >"$tmp/exported"

fail=0
extra=$(comm -13 "$tmp/declared" "$tmp/exported")
missing=$(comm -23 "$tmp/declared" "$tmp/exported")
if [ -n "$extra" ]; then
    echo "abi: exported but declared in no public header:" >&2
    echo "$extra" | sed 's/^/  /' >&2
    fail=1
fi
if [ -n "$missing" ]; then
    echo "abi: declared in include/ but not exported:" >&2
    echo "$missing" | sed 's/^/  /' >&2
    fail=1
fi
n=$(wc -l <"$tmp/exported")
d=$(wc -l <"$tmp/declared")
[ "$n" -gt 0 ] && [ "$d" -gt 0 ] || { echo "abi: empty lists" >&2; exit 1; }
[ "$fail" -eq 0 ] || exit 1
echo "abi: $n exported functions, all declared in include/ and all exported"
