#!/bin/sh
# Golden-file tests of the rankstrat CLI.
#
# Every tests/golden/GROUP/NAME.cmd holds one line: the arguments after
# `rankstrat` (shell quoting allowed), run from the repository root with
# standard input from NAME.in if present (else /dev/null).  Expected:
#   NAME.out     standard output, byte for byte
#   NAME.status  exit status (default 0)
#   NAME.err     standard error, byte for byte (optional)
# A nonzero status must come with an empty standard output and exactly one
# line on standard error.  RS_UPDATE_GOLDEN=1 rewrites the expectations;
# RS_GOLDEN=GROUP restricts the run to tests/golden/GROUP.
# Afterwards every other executable tests/cli/*.sh (except valgrind.sh) is
# run with the CLI path as its argument.
set -u
cli=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# a signal ends the script (the EXIT trap then cleans up); a trap that only
# cleaned up would let the script go on without its folder
trap 'exit 130' INT TERM HUP
pass=0
fail=0

report() { printf 'FAIL %s: %s\n' "$1" "$2"; fail=$((fail + 1)); }

for cmdfile in tests/golden/${RS_GOLDEN:-*}/*.cmd; do
    [ -e "$cmdfile" ] || continue
    base=${cmdfile%.cmd}
    name=${base#tests/golden/}
    input=/dev/null
    [ -f "$base.in" ] && input=$base.in
    args=$(cat "$cmdfile")
    eval "set -- $args"
    "$cli" "$@" <"$input" >"$tmp/out" 2>"$tmp/err"
    status=$?
    if [ "${RS_UPDATE_GOLDEN:-0}" = 1 ]; then
        cp "$tmp/out" "$base.out"
        if [ "$status" -ne 0 ]; then
            echo "$status" >"$base.status"
            cp "$tmp/err" "$base.err"
        else
            rm -f "$base.status" "$base.err"
        fi
        continue
    fi
    want=0
    [ -f "$base.status" ] && want=$(cat "$base.status")
    ok=1
    if [ "$status" -ne "$want" ]; then
        report "$name" "exit status $status, expected $want ($(head -c 300 "$tmp/err"))"
        ok=0
    fi
    if [ "$ok" = 1 ] && [ -f "$base.out" ] && ! cmp -s "$tmp/out" "$base.out"; then
        report "$name" "stdout differs from $base.out:"
        diff "$base.out" "$tmp/out" | head -20
        ok=0
    fi
    if [ "$ok" = 1 ] && [ -f "$base.err" ] && ! cmp -s "$tmp/err" "$base.err"; then
        report "$name" "stderr differs from $base.err:"
        diff "$base.err" "$tmp/err" | head -5
        ok=0
    fi
    if [ "$ok" = 1 ] && [ "$status" -ne 0 ]; then
        if [ -s "$tmp/out" ]; then
            report "$name" "failed with output on stdout"
            ok=0
        elif [ "$(wc -l <"$tmp/err")" -ne 1 ]; then
            report "$name" "expected exactly one line on stderr"
            ok=0
        fi
    fi
    [ "$ok" = 1 ] && pass=$((pass + 1))
done

echo "golden CLI tests: $pass passed, $fail failed"
total_fail=$fail

for script in tests/cli/*.sh; do
    case $script in */run.sh | */valgrind.sh) continue ;; esac
    [ -x "$script" ] || continue
    echo "== $script"
    if ! "$script" "$cli"; then
        echo "FAIL $script"
        total_fail=$((total_fail + 1))
    fi
done

[ "$total_fail" -eq 0 ]
