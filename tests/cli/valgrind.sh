#!/bin/sh
# Runs every golden CLI test (tests/golden/*/*.cmd) under valgrind and fails
# on any memory error or leak.  A NAME.novalgrind file skips a test whose
# input is too big to run under valgrind in reasonable time.
set -u
cli=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
if ! command -v valgrind >/dev/null 2>&1; then
    echo "valgrind not installed: install the Debian package valgrind" >&2
    exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# a signal ends the script (the EXIT trap then cleans up); a trap that only
# cleaned up would let the script go on without its folder
trap 'exit 130' INT TERM HUP
pass=0
fail=0
for cmdfile in tests/golden/*/*.cmd; do
    [ -e "$cmdfile" ] || continue
    base=${cmdfile%.cmd}
    [ -e "$base.novalgrind" ] && continue
    input=/dev/null
    [ -f "$base.in" ] && input=$base.in
    eval "set -- $(cat "$cmdfile")"
    valgrind -q --error-exitcode=99 --leak-check=full \
        --errors-for-leak-kinds=definite,indirect,possible \
        --show-leak-kinds=definite,indirect,possible \
        "$cli" "$@" <"$input" >"$tmp/out" 2>"$tmp/err"
    if [ $? -eq 99 ]; then
        echo "FAIL (valgrind) ${base#tests/golden/}:"
        head -30 "$tmp/err"
        fail=$((fail + 1))
    else
        pass=$((pass + 1))
    fi
done
echo "valgrind CLI tests: $pass clean, $fail with errors"
[ "$fail" -eq 0 ]
