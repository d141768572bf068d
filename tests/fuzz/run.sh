#!/bin/sh
# Helper of `make fuzz` (see the Makefile).
#   run.sh probe CC              fails, naming the Debian packages, unless
#                                CC can build a libFuzzer target
#   run.sh run DIR SECONDS NAME...
#                                runs DIR/fuzz_NAME for SECONDS each, one
#                                after the other, one process each; new
#                                corpus units go to DIR/corpus/NAME (the
#                                seeds in tests/fuzz/corpus/NAME stay as
#                                they are); crashes, leaks, timeouts and
#                                out-of-memory inputs are copied to
#                                tests/fuzz/regressions/NAME/.  Prints the
#                                executions per target; fails on any crash.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1

case ${1:-} in
probe)
    cc=$2
    if ! command -v "$cc" >/dev/null 2>&1; then
        echo "make fuzz: '$cc' not found; on Debian bookworm install it" \
             "with: apt-get install clang-14 libclang-rt-14-dev" \
             "(or set FUZZ_CC to another clang)" >&2
        exit 1
    fi
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    printf '%s\n' '#include <stddef.h>' '#include <stdint.h>' \
        'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);' \
        'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)' \
        '{ (void)d; (void)n; return 0; }' >"$tmp/t.c"
    if ! "$cc" -fsanitize=fuzzer,address,undefined "$tmp/t.c" \
         -o "$tmp/t" >"$tmp/log" 2>&1; then
        echo "make fuzz: '$cc' cannot build a libFuzzer target; on Debian" \
             "bookworm install the runtime with: apt-get install" \
             "libclang-rt-14-dev (for clang-14)" >&2
        head -5 "$tmp/log" >&2
        exit 1
    fi
    exit 0
    ;;
run)
    dir=$2
    secs=$3
    shift 3
    ;;
*)
    echo "usage: $0 probe CC | run DIR SECONDS NAME..." >&2
    exit 2
    ;;
esac

crashes=0
summary=""
for name in "$@"; do
    bin=$dir/fuzz_$name
    work=$dir/corpus/$name
    art=$dir/artifacts/$name
    log=$dir/fuzz_$name.log
    mkdir -p "$work" "$art" "tests/fuzz/corpus/$name"
    dict=
    [ -f "tests/fuzz/$name.dict" ] && dict=-dict=tests/fuzz/$name.dict
    echo "== fuzz_$name for ${secs}s (log: $log)"
    # $dict is empty or one word
    # shellcheck disable=SC2086
    ASAN_OPTIONS=allocator_may_return_null=1:detect_leaks=1 \
    UBSAN_OPTIONS=print_stacktrace=1 \
        "$bin" "$work" "tests/fuzz/corpus/$name" $dict \
        -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 \
        -max_len=8192 -print_final_stats=1 \
        -artifact_prefix="$art/" >"$log" 2>&1
    status=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    found=0
    for f in "$art"/crash-* "$art"/leak-* "$art"/timeout-* "$art"/oom-*; do
        [ -f "$f" ] || continue
        mkdir -p "tests/fuzz/regressions/$name"
        cp "$f" "tests/fuzz/regressions/$name/"
        echo "   new regression: tests/fuzz/regressions/$name/$(basename "$f")"
        rm -f "$f"
        found=$((found + 1))
    done
    if [ "$status" -ne 0 ] && [ "$found" -eq 0 ]; then
        echo "   fuzz_$name exited with status $status; see $log"
        tail -20 "$log"
        found=1
    fi
    crashes=$((crashes + found))
    line=$(printf '%-10s %12s executions  %s crash(es)' "$name" \
        "${execs:-?}" "$found")
    echo "   $line"
    summary="$summary
$line"
done
echo "fuzz summary (${secs}s per target):$summary"
[ "$crashes" -eq 0 ]
