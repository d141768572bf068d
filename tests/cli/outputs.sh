#!/bin/sh
# All-or-nothing outputs (run by tests/cli/run.sh with the CLI path):
#   - symbolic links: the target of a link is written and the link kept,
#     a dangling link's target is created, a loop is a clear error;
#   - two outputs naming the same file are a usage error (exit 1), and a
#     side output (--flow-dot) is not written when the command fails;
#   - write errors carry the system's reason (/dev/full: "No space left
#     on device"; a full tmpfs too when this user may mount one);
#   - a failing Graphviz `dot` or `neato` is exit 1 with its message;
#   - with named temporaries (RANKSTRAT_NO_O_TMPFILE=1), SIGTERM, SIGINT
#     and SIGHUP in the middle of a long write leave the old target and no
#     temporary file; a temporary left by a dead process (SIGKILL) is
#     removed by the next run writing to the same directory, one of a live
#     process is not.
set -u
cli=$1
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
tmp=$(mktemp -d)
trap 'umount "$tmp/full" 2>/dev/null; rm -rf "$tmp"' EXIT
# a signal ends the script (the EXIT trap then cleans up); a trap that only
# cleaned up would let the script go on without its folder
trap 'exit 130' INT TERM HUP
fail=0
pass=0
demo=data/examples/demo.net

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL outputs: $1"; fail=$((fail + 1)); }

# expect STATUS PATTERN CMD...: exit status, one stderr line matching
# PATTERN (grep -E) and nothing on stdout when STATUS != 0
expect() {
    want=$1
    pat=$2
    shift 2
    "$@" >"$tmp/out" 2>"$tmp/err"
    st=$?
    if [ "$st" -ne "$want" ]; then
        bad "$*: exit status $st, expected $want ($(head -c 200 "$tmp/err"))"
    elif [ "$want" -ne 0 ] && [ -s "$tmp/out" ]; then
        bad "$*: failed but wrote to stdout"
    elif [ "$want" -ne 0 ] && [ "$(wc -l <"$tmp/err")" -ne 1 ]; then
        bad "$*: expected one line on stderr"
    elif [ -n "$pat" ] && ! grep -Eq -- "$pat" "$tmp/err"; then
        bad "$*: stderr '$(cat "$tmp/err")' does not match '$pat'"
    else
        ok
    fi
}

no_temps() {
    if ls -A "$1" | grep -q '\.rs[0-9]*\.'; then
        bad "$2: a temporary file remains: $(ls -A "$1" | tr '\n' ' ')"
    else
        ok
    fi
}

"$cli" analyze $demo >"$tmp/demo.txt"

# ---- symbolic links ----
d=$tmp/links
mkdir "$d"
echo old >"$d/real.txt"
ln -s real.txt "$d/link"
expect 0 "" "$cli" analyze $demo -o "$d/link"
if [ -L "$d/link" ] && cmp -s "$d/real.txt" "$tmp/demo.txt"; then ok; else
    bad "-o LINK: the link must stay and its target get the output"; fi
ln -s sub/../new.txt "$d/dangling"
mkdir "$d/sub"
expect 0 "" "$cli" analyze $demo -o "$d/dangling"
if [ -L "$d/dangling" ] && cmp -s "$d/new.txt" "$tmp/demo.txt"; then ok; else
    bad "-o DANGLING: the link must stay and its target be created"; fi
ln -s loop2 "$d/loop1"
ln -s loop1 "$d/loop2"
expect 1 "loop1: cannot follow the link: too many levels of symbolic links" \
    "$cli" analyze $demo -o "$d/loop1"
if [ -L "$d/loop1" ] && [ -L "$d/loop2" ]; then ok; else
    bad "-o LOOP: the links must stay"; fi
no_temps "$d" "links"

# ---- one group of outputs ----
d=$tmp/group
mkdir "$d"
expect 1 "nodir/a.txt: cannot create" \
    "$cli" analyze $demo --flow-dot "$d/f.dot" -o "$d/nodir/a.txt"
if [ -e "$d/f.dot" ]; then bad "--flow-dot written although -o failed"; else
    ok; fi
expect 1 "^rankstrat analyze: -o $d/F: names the same file as --flow-dot" \
    "$cli" analyze $demo --flow-dot "$d/F" -o "$d/F"
expect 1 "names the same file as --flow-dot" \
    "$cli" analyze $demo --flow-dot "$d/./G" -o "$d/../group/G"
ln -s F2 "$d/l2"
expect 1 "names the same file as --flow-dot" \
    "$cli" analyze $demo --flow-dot "$d/l2" -o "$d/F2"
if [ -e "$d/F" ] || [ -e "$d/G" ] || [ -e "$d/F2" ]; then
    bad "a refused group wrote a file"; else ok; fi
expect 0 "" "$cli" analyze $demo --flow-dot "$d/f.dot" -o "$d/a.txt"
if [ -s "$d/f.dot" ] && cmp -s "$d/a.txt" "$tmp/demo.txt"; then ok; else
    bad "--flow-dot and -o: both files expected"; fi
no_temps "$d" "group"

# ---- the system's reason for a write error ----
if [ -w /dev/full ]; then
    expect 1 "standard output: write error: No space left on device" \
        sh -c "exec '$cli' analyze $demo >/dev/full"
    expect 1 "/dev/full: write error: No space left on device" \
        "$cli" analyze $demo -o /dev/full
fi
mkdir "$tmp/full"
if mount -t tmpfs -o size=16k tmpfs "$tmp/full" 2>/dev/null; then
    for mode in "" 1; do
        expect 1 "full/s.json: write error: No space left on device" \
            env RANKSTRAT_NO_O_TMPFILE=$mode "$cli" strata --dims 4,4,4,4 \
            --rank 0 --format json -o "$tmp/full/s.json"
        if [ -e "$tmp/full/s.json" ]; then bad "full tmpfs: partial file"
        else ok; fi
        no_temps "$tmp/full" "full tmpfs"
    done
    umount "$tmp/full"
fi

# ---- a failing Graphviz ----
mkdir "$tmp/bin"
cat >"$tmp/bin/dot" <<'EOF'
#!/bin/sh
echo "Error: <stdin>: syntax error in line 1 near 'x'" >&2
exit 1
EOF
chmod +x "$tmp/bin/dot"
cp "$tmp/bin/dot" "$tmp/bin/neato" # PDF and PNG of the Hasse diagram
expect 1 "--flow-svg: Graphviz 'dot' failed \(exit status 1\): Error: <stdin>: syntax error" \
    env PATH="$tmp/bin:$PATH" "$cli" analyze $demo --flow-svg "$tmp/f.svg" \
    -o "$tmp/a.txt"
if [ -e "$tmp/f.svg" ] || [ -e "$tmp/a.txt" ]; then
    bad "a failing dot left an output"; else ok; fi
expect 1 "--format png: Graphviz 'neato' failed on the Hasse diagram \(exit status 1\): Error: <stdin>: syntax error" \
    env PATH="$tmp/bin:$PATH" "$cli" hasse --dims 2,2,2 --rank 0 \
    --format png -o "$tmp/h.png"
if [ -e "$tmp/h.png" ]; then bad "a failing neato left h.png"; else ok; fi
no_temps "$tmp" "failing dot"

# ---- signals with named temporaries ----
d=$tmp/sig
mkdir "$d"
# (a shell starts background jobs with SIGINT ignored, and an ignored
# signal stays ignored: python restores the default disposition)
undo_ign='import os, signal, sys
for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
    signal.signal(s, signal.SIG_DFL)
os.execv(sys.argv[1], sys.argv[1:])'
for sig in TERM INT HUP; do
    echo old >"$d/s.csv"
    RANKSTRAT_NO_O_TMPFILE=1 python3 -c "$undo_ign" "$cli" strata --dims 5,5,5,5,5,5,5 --rank 0 \
        --order enum --format csv --max-strata 100000000 -o "$d/s.csv" \
        2>/dev/null &
    pid=$!
    seen=0
    i=0
    while [ $i -lt 3000 ]; do
        if ls -A "$d" | grep -q '^\.s\.csv\.rs[0-9]*\.'; then seen=1; break; fi
        kill -0 $pid 2>/dev/null || break
        sleep 0.01
        i=$((i + 1))
    done
    kill -$sig $pid 2>/dev/null
    wait $pid 2>/dev/null
    st=$?
    if [ $seen = 0 ]; then
        bad "SIG$sig: the named temporary file never appeared"
    elif [ "$st" -le 128 ]; then
        bad "SIG$sig: the process was expected to die of the signal ($st)"
    elif [ "$(cat "$d/s.csv")" != old ]; then
        bad "SIG$sig: the target was changed"
    else
        ok
    fi
    no_temps "$d" "SIG$sig"
done

# a stale temporary of a dead process (what SIGKILL leaves), of a live one
sh -c 'exit 0' &
dead=$!
wait $dead
echo x >"$d/.s.csv.rs$dead.AbC123"
echo x >"$d/.s.csv.rs$$.XyZ789"
echo x >"$d/.other.rs$dead.tooshort"
expect 0 "" env RANKSTRAT_NO_O_TMPFILE=1 "$cli" analyze $demo -o "$d/a.txt"
if [ -e "$d/.s.csv.rs$dead.AbC123" ]; then
    bad "the stale temporary of dead process $dead was not removed"; else ok; fi
if [ -e "$d/.s.csv.rs$$.XyZ789" ] && [ -e "$d/.other.rs$dead.tooshort" ]; then
    ok; else bad "a live process's temporary or a foreign file was removed"; fi
rm -f "$d/.s.csv.rs$$.XyZ789" "$d/.other.rs$dead.tooshort"

# SIGKILL itself: with O_TMPFILE nothing is left; with named temporaries
# the next run cleans up
RANKSTRAT_NO_O_TMPFILE=1 "$cli" strata --dims 5,5,5,5,5,5,5 --rank 0 \
    --order enum --format csv --max-strata 100000000 -o "$d/s.csv" \
    2>/dev/null &
pid=$!
i=0
while [ $i -lt 3000 ] && ! ls -A "$d" | grep -q '^\.s\.csv\.rs'; do
    sleep 0.01
    i=$((i + 1))
done
kill -KILL $pid 2>/dev/null
wait $pid 2>/dev/null
RANKSTRAT_NO_O_TMPFILE=1 "$cli" analyze $demo -o "$d/a.txt"
no_temps "$d" "after SIGKILL, the next run"

echo "outputs: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
