#!/usr/bin/env python3
"""Soak test of the rankstrat CLI (make check-soak; not part of make check).

Runs thousands of random commands -- random shapes, networks (text and
JSON, valid, rank-deficient, mutated into malformed input), matrices,
barcodes and options, including small --max-memory/--max-work limits --
under a memory limit (the ASan build with soft_rss_limit_mb and
max_allocation_size_mb, so that a job the cost model lets through but
which needs more memory ends in the out-of-memory handler) and checks
every result against the promises:

  * the exit status is 0, 1 or 2 (3 is an internal error: a bug);
  * a nonzero status comes with nothing on stdout and exactly one line
    on stderr;
  * a failed command leaves its -o/--flow-dot files as they were (absent
    or with their old contents) and no temporary file anywhere;
  * a successful command's output parses: JSON with json.loads, networks
    read back by `rankstrat analyze`, CSV by the csv module.

Usage: soak.py CLI [COUNT] [SEED]; prints the counts by command and exit
status and exits nonzero on any broken promise.
"""
import csv
import io
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from fractions import Fraction

CLI = os.path.abspath(sys.argv[1])
COUNT = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
SEED = int(sys.argv[3]) if len(sys.argv) > 3 else 1
rng = random.Random(SEED)
tmp = tempfile.mkdtemp(prefix="rs-soak-")
outdir = os.path.join(tmp, "out")
env = dict(os.environ)
env.setdefault("ASAN_OPTIONS", "")
env["ASAN_OPTIONS"] += (":allocator_may_return_null=1"
                       ":soft_rss_limit_mb=1024:max_allocation_size_mb=512")
failures = []
counts = {}


def num():
    r = rng.random()
    if r < 0.35:
        return "0"
    if r < 0.7:
        return str(rng.randint(-3, 3))
    if r < 0.85:
        return "%d/%d" % (rng.randint(-9, 9), rng.randint(1, 9))
    if r < 0.95:
        return "%d.%d" % (rng.randint(-5, 5), rng.randint(0, 99))
    return str(rng.randint(-10**rng.randint(5, 60), 10**rng.randint(5, 60)))


def dims(maxw=4, maxl=5):
    L = rng.randint(1, maxl)
    return [rng.randint(0, maxw) for _ in range(L + 1)]


def net_text(d):
    lines = ["# soak", "dims " + " ".join(map(str, d))]
    for k in range(1, len(d)):
        lines.append("W%d" % k)
        for _ in range(d[k]):
            lines.append(" ".join(num() for _ in range(d[k - 1])))
    return "\n".join(lines) + "\n"


def net_json(d):
    ws = [[[num() for _ in range(d[k - 1])] for _ in range(d[k])]
          for k in range(1, len(d))]
    return json.dumps({"dims": d, "weights": ws})


def mutate(s):
    b = bytearray(s.encode())
    for _ in range(rng.randint(1, 4)):
        if not b:
            break
        i = rng.randrange(len(b))
        op = rng.random()
        if op < 0.3:
            del b[i]
        elif op < 0.6:
            b.insert(i, rng.choice(b" x-/.\n\t0123456789#{}[],\"\x00\xff"))
        elif op < 0.8:
            b[i] = rng.randrange(256)
        else:
            del b[i:]
    return bytes(b)


def matrix(r, c, rank=None):
    rows = [[num() for _ in range(c)] for _ in range(r)]
    return "matrix %d %d\n" % (r, c) + "".join(" ".join(x) + "\n"
                                              for x in rows)


def barcode_for(d, valid=True):
    """A random barcode with widths d (built strand by strand), or a
    slightly wrong one."""
    L = len(d) - 1
    left = list(d)
    bars = {}
    for k in range(L + 1):
        while left[k] > 0:
            j = k
            while j < L and left[j + 1] > 0 and rng.random() < 0.6:
                j += 1
            for t in range(k, j + 1):
                left[t] -= 1
            bars[(k, j)] = bars.get((k, j), 0) + 1
    if not valid and bars:
        key = rng.choice(list(bars))
        bars[key] += rng.choice([-1, 1])
        if bars[key] == 0:
            del bars[key]
    if not bars:
        return "-"
    return ",".join("%d-%d" % k + ("x%d" % m if m > 1 else "")
                    for k, m in sorted(bars.items()))


def write(name, data):
    p = os.path.join(tmp, name)
    with open(p, "wb" if isinstance(data, bytes) else "w") as f:
        f.write(data)
    return p


def limits():
    a = []
    r = rng.random()
    if r < 0.1:
        a += ["--max-work", str(rng.choice([1, 10, 1000, 100000]))]
    elif r < 0.2:
        a += ["--max-memory", rng.choice(["1", "1k", "64k", "1M", "100M"])]
    return a


def gen():
    """Returns (command name, argv, outputs, parser of stdout)."""
    kind = rng.choice(["analyze", "analyze", "analyze", "strata", "count",
                       "hasse", "verify", "canonical", "canonical", "move",
                       "move", "bad"])
    outs = []
    use_o = rng.random() < 0.4
    if kind in ("analyze", "bad"):
        d = dims()
        src = net_json(d) if rng.random() < 0.3 else net_text(d)
        data = mutate(src) if kind == "bad" else src
        path = write("n.net", data)
        args = ["analyze", path]
        opts = ["--subspaces", "--flow", "--tangent", "--normal",
                "--structured", "--check"]
        args += [o for o in opts if rng.random() < 0.25]
        fmt = rng.choice(["text", "json"])
        args += ["--format", fmt]
        if rng.random() < 0.15:
            outs.append(os.path.join(outdir, "f.dot"))
            args += ["--flow-dot", outs[-1]]
        if rng.random() < 0.05:
            args += ["--flow-dot", os.path.join(outdir, "f.dot")]  # twice
        args += limits()
        parse = "json" if fmt == "json" else None
    elif kind in ("strata", "count", "hasse", "verify"):
        d = dims(3, 4)
        r = rng.randint(0, min(d) + (1 if rng.random() < 0.1 else 0))
        args = [kind, "--dims", ",".join(map(str, d)), "--rank", str(r)]
        parse = None
        if kind == "strata":
            fmt = rng.choice(["text", "json", "csv", "latex"])
            args += ["--format", fmt]
            if rng.random() < 0.3 and fmt != "latex":
                args += ["--order", "enum"]
            elif rng.random() < 0.3:
                args += ["--hasse"]
            parse = fmt if fmt in ("json", "csv") else None
        elif kind == "count":
            fmt = rng.choice(["text", "json"])
            args += ["--format", fmt]
            parse = fmt if fmt == "json" else None
        elif kind == "hasse":
            fmt = rng.choice(["dot", "tikz", "json"])
            args += ["--format", fmt]
            parse = fmt if fmt == "json" else None
        else:
            fmt = rng.choice(["text", "json"])
            args += ["--format", fmt]
            parse = fmt if fmt == "json" else None
        if rng.random() < 0.1:
            args += ["--max-strata", str(rng.randint(0, 30))]
        args += limits()
    elif kind == "canonical":
        d = dims(4, 6)
        args = ["canonical", "--dims", ",".join(map(str, d)), "--barcode",
                barcode_for(d, rng.random() < 0.8)]
        if rng.random() < 0.2:
            args += ["--product", write("w.mat", matrix(d[-1], d[0]))]
        args += limits()
        parse = "net"
    else:
        d = dims(3, 4)
        path = write("n.net", net_text(d))
        L = len(d) - 1
        k = rng.randint(0, L + 1)
        m = rng.choice(["hidden", "end", "one"])
        if m == "hidden":
            n = d[k] if 0 <= k <= L else 1
            args = ["move", path, "--hidden", str(k), "--matrix",
                    write("g.mat", matrix(n, n))]
        elif m == "end":
            k = rng.choice([0, L])
            args = ["move", path, "--end", str(k), "--matrix",
                    write("g.mat", matrix(d[k], d[k]))]
        else:
            k = rng.randint(1, L)
            args = ["move", path, "--one-matrix", str(k), "--delta",
                    write("g.mat", matrix(d[k], d[k - 1]))]
        args += limits()
        parse = "net"
    if use_o:
        outs.append(os.path.join(outdir, "o.txt"))
        args += ["-o", outs[-1]]
    return kind, args, outs, parse


def check_parse(kind, parse, text, args):
    if parse == "json":
        json.loads(text)
    elif parse == "csv":
        list(csv.reader(io.StringIO(text)))
    elif parse == "net":
        p = write("back.net", text)
        r = subprocess.run([CLI, "analyze", p], env=env,
                           capture_output=True)
        if r.returncode not in (0, 2):
            raise ValueError("output does not read back: %s" %
                             r.stderr.decode(errors="replace")[:200])


for i in range(COUNT):
    shutil.rmtree(outdir, ignore_errors=True)
    os.mkdir(outdir)
    kind, args, outs, parse = gen()
    old = {}
    for o in outs:
        if rng.random() < 0.5:
            with open(o, "w") as f:
                f.write("old\n")
            old[o] = "old\n"
    r = subprocess.run([CLI] + args, env=env, capture_output=True,
                       stdin=subprocess.DEVNULL)
    st = r.returncode
    counts[(kind, st)] = counts.get((kind, st), 0) + 1
    err = r.stderr.decode(errors="replace")
    problem = None
    temps = [f for f in os.listdir(outdir) if ".rs" in f and f[0] == "."]
    if st not in (0, 1, 2):
        problem = "exit status %d: %s" % (st, err[:300])
    elif temps:
        problem = "temporary files left: %s" % temps
    elif st != 0:
        if r.stdout:
            problem = "failed but wrote to stdout"
        elif err.count("\n") != 1 or not err.endswith("\n"):
            problem = "expected one stderr line, got %r" % err[:300]
        else:
            for o in outs:
                now = open(o).read() if os.path.exists(o) else None
                if now != old.get(o):
                    problem = "a failed command changed %s" % o
    else:
        try:
            text = r.stdout.decode()
            if "-o" in args:
                with open(outs[-1]) as f:
                    text = f.read()
            if rng.random() < 0.3 or parse in ("json", "csv"):
                check_parse(kind, parse, text, args)
        except Exception as e:  # noqa: BLE001 - any parse failure counts
            problem = "output does not parse: %s" % e
    if problem:
        keep = os.path.join(tmp, "fail%d" % len(failures))
        shutil.copytree(tmp, keep, ignore=shutil.ignore_patterns("fail*"))
        failures.append((i, " ".join(args), problem))
        print("FAIL soak #%d: rankstrat %s\n    %s" % (i, " ".join(args),
                                                      problem))
    if (i + 1) % 1000 == 0:
        print("soak: %d commands, %d failures" % (i + 1, len(failures)),
              flush=True)

total = {}
for (kind, st), n in sorted(counts.items()):
    total[st] = total.get(st, 0) + n
print("soak: %d commands (seed %d): %s" % (
    COUNT, SEED, ", ".join("exit %d: %d" % kv for kv in sorted(
        total.items()))))
for kind in sorted({k for k, _ in counts}):
    print("  %-10s %s" % (kind, ", ".join(
        "exit %d: %d" % (st, n) for (k, st), n in sorted(counts.items())
        if k == kind)))
print("soak: %d broken promises" % len(failures))
if not failures:
    shutil.rmtree(tmp, ignore_errors=True)
else:
    print("soak: failing cases kept in %s" % tmp)
sys.exit(1 if failures else 0)
