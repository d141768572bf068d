#!/bin/sh
# `make install` installs the Python package, which then loads the
# installed library PREFIX/lib/librankstrat.so.0 (not the build folder's),
# from any directory.
#   tests/install/python.sh BUILD_DIR PYTHON
set -eu
O=${1:-build}
py=${2:-/usr/bin/python3}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
tmp=$(mktemp -d /tmp/rankstrat-pyinst.XXXXXX)
trap 'rm -rf "$tmp"' EXIT INT TERM
make -s O="$O" install PREFIX="$tmp/prefix" >/dev/null
site=$tmp/prefix/lib/python3/dist-packages
[ -f "$site/rankstrat/__init__.py" ] || { echo "python install: no package in $site"; exit 1; }
out=$(cd "$tmp" && env -u RANKSTRAT_LIB PYTHONPATH="$site" "$py" -c '
import rankstrat, rankstrat._lib as l
print(l.lib._name)
print(rankstrat.count((2, 3, 2), rank=1))
print(rankstrat.__file__)')
want="$tmp/prefix/lib/librankstrat.so.0
4
$site/rankstrat/__init__.py"
if [ "$out" != "$want" ]; then
    echo "python install: expected"; echo "$want"; echo "got"; echo "$out"
    exit 1
fi
echo "python install: the package under PREFIX loads PREFIX/lib/librankstrat.so.0"
