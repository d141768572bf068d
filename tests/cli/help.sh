#!/bin/sh
# `rankstrat help COMMAND` prints exactly what `rankstrat COMMAND --help`
# prints, for every command that `rankstrat --help` lists, and the manual
# page has a section for each of them.
set -u
cli=$1
top=$(cd "$(dirname "$0")/../.." && pwd)
fail=0
n=0
cmds=$("$cli" --help | sed -n '/^Commands:/,/^$/s/^  \([a-z-]*\) .*/\1/p')
[ -n "$cmds" ] || { echo "FAIL help: no command listed by --help"; exit 1; }
for c in $cmds; do
    n=$((n + 1))
    a=$("$cli" help "$c"; echo "status $?")
    b=$("$cli" "$c" --help; echo "status $?")
    if [ "$a" != "$b" ]; then
        echo "FAIL help: 'rankstrat help $c' differs from '$c --help'"
        fail=1
    fi
    case $a in "Usage: rankstrat $c"*) ;; *)
        echo "FAIL help: 'rankstrat help $c' does not start with its usage"
        fail=1 ;;
    esac
    if ! grep -q "^\.SS $c\$" "$top/docs/rankstrat.1"; then
        echo "FAIL help: docs/rankstrat.1 has no section for '$c'"
        fail=1
    fi
done
echo "help tests: $n commands checked"
exit $fail
