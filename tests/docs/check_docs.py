#!/usr/bin/python3
"""The documentation checked against the tool (make check-docs).

    tests/docs/check_docs.py BUILD/rankstrat [--only console,tables,...]

Checks, from the repository root:

console  every ```console block of README.md and docs/*.md: each line
         "$ COMMAND" is run by /bin/sh with the built rankstrat first on
         PATH, in a scratch folder where data/, docs/ and tests/ of the
         repository are visible (so outputs written with -o stay out of the
         repository); the lines up to the next "$ " line are its expected
         output (stdout and stderr together), compared exactly except that
         CRLF line ends count as LF (CSV) and a line "..." stands for any
         number of lines.
tables   every Markdown table of docs/examples.md that follows a comment
         <!-- strata: ARGS --> equals the table made from
         `rankstrat strata ARGS --hasse --format json`.
schemas  every JSON document of the golden tests (outputs, stored and as the
         tool prints them now, and the inputs
         of the tests that succeed), the example networks and every JSON
         output of a console block validates against the schema
         docs/json/FORMAT.schema.json named by its "format" (networks:
         network.schema.json); a JSON output without a schema fails.
links    every relative link and image of README.md and docs/*.md names
         an existing file, and every #anchor a heading of that file.
refs     no file of the repository refers to a document it does not
         contain (the old specification files).
man      docs/rankstrat.1 renders without a warning (groff -ww and man).

A failure prints what differs and makes the exit status 1.
RS_UPDATE_DOCS=1 rewrites the console outputs that differ instead.
"""
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

import jsonschema

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DOCS = os.path.join(TOP, "docs")
failures = []
# RS_UPDATE_DOCS=1 rewrites the expected outputs of console examples that
# differ (except those with "..."); read the diff before committing.
UPDATE = os.environ.get("RS_UPDATE_DOCS") == "1"


def fail(what, msg):
    failures.append(what)
    print("FAIL %s: %s" % (what, msg))


def markdown_files():
    files = [os.path.join(TOP, "README.md")]
    for root, _, names in os.walk(DOCS):
        files += [os.path.join(root, n) for n in sorted(names) if n.endswith(".md")]
    return files


def rel(path):
    return os.path.relpath(path, TOP)


# ---- console blocks -------------------------------------------------------

def console_blocks(path):
    """Yields (line number, [(command, expected lines)]) per console block."""
    lines = open(path, encoding="utf-8").read().split("\n")
    i = 0
    while i < len(lines):
        if lines[i].strip() == "```console":
            start = i + 1
            j = start
            while j < len(lines) and lines[j].strip() != "```":
                j += 1
            items = []
            for k in range(start, j):
                if lines[k].startswith("$ "):
                    items.append((k + 1, lines[k][2:], []))
                elif items:
                    items[-1][2].append(lines[k])
            yield items
            i = j
        i += 1


def matches(expected, actual):
    """Line lists equal, where an expected "..." matches any lines."""
    if not expected:
        return not actual
    if expected[0] == "...":
        return any(matches(expected[1:], actual[k:]) for k in range(len(actual) + 1))
    return bool(actual) and expected[0] == actual[0] and matches(expected[1:], actual[1:])


def scratch_dir():
    d = tempfile.mkdtemp(prefix="rankstrat-docs-")
    for name in ("data", "docs", "tests"):
        os.symlink(os.path.join(TOP, name), os.path.join(d, name))
    return d


def check_console(cli, json_outputs):
    bindir = tempfile.mkdtemp(prefix="rankstrat-bin-")
    os.symlink(cli, os.path.join(bindir, "rankstrat"))
    env = dict(os.environ, PATH=bindir + ":" + os.environ.get("PATH", ""),
               LC_ALL="C.UTF-8")
    n = 0
    updates = {}
    for path in markdown_files():
        for items in console_blocks(path):
            cwd = scratch_dir()
            for lineno, cmd, expected in items:
                n += 1
                p = subprocess.run(["/bin/sh", "-c", cmd], cwd=cwd, env=env,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
                out = p.stdout.decode("utf-8", "replace").replace("\r\n", "\n")
                actual = out.split("\n")
                if actual and actual[-1] == "":
                    actual.pop()
                want = list(expected)
                while want and want[-1] == "":
                    want.pop()
                if not matches(want, actual) and UPDATE and "..." not in want:
                    updates.setdefault(path, []).append((lineno, len(expected), actual))
                elif not matches(want, actual):
                    fail("console", "%s:%d: '%s' printed:\n%s\nexpected:\n%s" % (
                        rel(path), lineno, cmd, out, "\n".join(want)))
                if out.startswith("{"):
                    json_outputs.append(("%s:%d" % (rel(path), lineno), out))
            shutil.rmtree(cwd)
    shutil.rmtree(bindir)
    for path, items in updates.items():
        lines = open(path, encoding="utf-8").read().split("\n")
        for lineno, old_len, actual in sorted(items, reverse=True):
            lines[lineno:lineno + old_len] = actual
        open(path, "w", encoding="utf-8").write("\n".join(lines))
        print("docs console examples: rewrote %d outputs in %s" % (len(items), rel(path)))
    print("docs console examples: %d commands" % n)


# ---- tables of docs/examples.md ---------------------------------------------

def display_barcode(bars):
    return " + ".join(("%d" % m if m > 1 else "") + "[%d,%d]" % (i, j)
                      for i, j, m in bars) or "-"


def table_from_json(doc):
    dims = {s["id"]: s["dim"] for s in doc["strata"]}
    ups = {s["id"]: [] for s in doc["strata"]}
    for lo, up in doc.get("covers", []):
        ups[lo].append(up)
    rows = []
    for s in doc["strata"]:
        cov = ", ".join("%d(%d)" % (u, dims[u] - s["dim"]) for u in sorted(ups[s["id"]]))
        rows.append([str(s["id"]), ",".join(str(r) for _, _, r in s["ranks"]),
                     display_barcode(s["barcode"]), str(s["dim"]), str(s["codim"]),
                     str(s["components"]), cov or "-"])
    return rows


def markdown_rows(lines, k):
    """The body rows of the Markdown table starting at line k (or None)."""
    while k < len(lines) and not lines[k].strip():
        k += 1
    if k + 1 >= len(lines) or not lines[k].startswith("|") \
            or not re.match(r"^\|[-|: ]+\|$", lines[k + 1].strip()):
        return None
    rows = []
    k += 2
    while k < len(lines) and lines[k].startswith("|"):
        rows.append([c.strip().strip("`") for c in lines[k].strip().strip("|").split("|")])
        k += 1
    return rows


def check_tables(cli):
    path = os.path.join(DOCS, "examples.md")
    lines = open(path, encoding="utf-8").read().split("\n")
    n = 0
    for k, line in enumerate(lines):
        m = re.match(r"^<!-- strata: (.*) -->$", line.strip())
        if not m:
            continue
        n += 1
        args = m.group(1).split()
        p = subprocess.run([cli, "strata"] + args + ["--hasse", "--format", "json"],
                           cwd=TOP, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if p.returncode != 0:
            fail("tables", "docs/examples.md:%d: strata %s: %s" % (
                k + 1, m.group(1), p.stderr.decode()))
            continue
        try:
            want = table_from_json(json.loads(p.stdout))
        except (ValueError, KeyError, TypeError) as e:
            fail("tables", "docs/examples.md:%d: strata %s: unexpected JSON (%r)" % (
                k + 1, m.group(1), e))
            continue
        got = markdown_rows(lines, k + 1)
        if got is None:
            fail("tables", "docs/examples.md:%d: no table after the comment" % (k + 1))
        elif got != want:
            fail("tables", "docs/examples.md:%d: the table of strata %s differs "
                 "from the tool's; the tool gives:\n%s" % (
                     k + 1, m.group(1), "\n".join("| " + " | ".join(r) + " |" for r in want)))
    if n == 0:
        fail("tables", "docs/examples.md has no checked table")
    print("docs example tables: %d" % n)


# ---- JSON schemas -----------------------------------------------------------

def load_schemas():
    schemas = {}
    jdir = os.path.join(DOCS, "json")
    for name in sorted(os.listdir(jdir)):
        if name.endswith(".schema.json"):
            s = json.load(open(os.path.join(jdir, name), encoding="utf-8"))
            jsonschema.Draft202012Validator.check_schema(s)
            schemas[name[:-len(".schema.json")]] = jsonschema.Draft202012Validator(s)
    return schemas


def validate(schemas, what, text, kind=None):
    try:
        doc = json.loads(text)
    except ValueError as e:
        fail("schemas", "%s: not JSON: %s" % (what, e))
        return
    if kind is None:
        fmt = doc.get("format") if isinstance(doc, dict) else None
        if not isinstance(fmt, str) or not fmt.startswith("rankstrat-"):
            fail("schemas", "%s: a JSON output without a \"format\"" % what)
            return
        kind = fmt[len("rankstrat-"):]
    if kind not in schemas:
        fail("schemas", "%s: no schema docs/json/%s.schema.json" % (what, kind))
        return
    errors = sorted(schemas[kind].iter_errors(doc), key=lambda e: list(e.path))
    for e in errors[:3]:
        fail("schemas", "%s: %s at %s" % (what, e.message[:300],
                                           "/".join(str(p) for p in e.path)))


def check_schemas(cli, json_outputs):
    schemas = load_schemas()
    n = 0
    gdir = os.path.join(TOP, "tests", "golden")
    for group in sorted(os.listdir(gdir)):
        for name in sorted(os.listdir(os.path.join(gdir, group))):
            path = os.path.join(gdir, group, name)
            base, ext = os.path.splitext(path)
            ok = not os.path.exists(base + ".status")
            if ext == ".out" and os.path.exists(base + ".cmd"):
                text = open(path, encoding="utf-8", errors="replace").read()
                cmd = open(base + ".cmd").read()
                if re.search(r"--format[ =]json", cmd) and ok and text.strip():
                    validate(schemas, rel(path), text)
                    # and the tool's output now, in case the file is stale
                    stdin = open(base + ".in", "rb") if os.path.exists(base + ".in") \
                        else subprocess.DEVNULL
                    p = subprocess.run([cli] + shlex.split(cmd), cwd=TOP, stdin=stdin,
                                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
                    validate(schemas, "rankstrat " + cmd.strip(), p.stdout.decode())
                    n += 2
            elif ext in (".in", ".net", ".json") and ok:
                text = open(path, encoding="utf-8", errors="replace").read()
                if text.lstrip().startswith("{") and os.path.exists(base + ".cmd"):
                    validate(schemas, rel(path), text, "network")
                    n += 1
    edir = os.path.join(TOP, "data", "examples")
    for name in sorted(os.listdir(edir)):
        if name.endswith(".json"):
            validate(schemas, "data/examples/" + name,
                     open(os.path.join(edir, name), encoding="utf-8").read(), "network")
            n += 1
    for what, text in json_outputs:
        validate(schemas, what, text)
        n += 1
    print("docs JSON documents validated: %d" % n)


# ---- links ------------------------------------------------------------------

def slug(heading):
    """GitHub's anchor of a Markdown heading."""
    h = re.sub(r"[`*_]|<[^>]*>", "", heading.strip().lower())
    h = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", h)
    h = re.sub(r"[^\w\- ]", "", h)
    return h.replace(" ", "-")


def anchors(path):
    out = set()
    seen = {}
    in_code = False
    for line in open(path, encoding="utf-8"):
        if line.startswith("```"):
            in_code = not in_code
        if in_code:
            continue
        m = re.match(r"^#{1,6} (.*)$", line)
        if m:
            s = slug(m.group(1))
            k = seen.get(s, 0)
            seen[s] = k + 1
            out.add(s if k == 0 else "%s-%d" % (s, k))
        for a in re.findall(r'<a (?:id|name)="([^"]+)"', line):
            out.add(a)
    return out


def check_links():
    n = 0
    for path in markdown_files():
        text = open(path, encoding="utf-8").read()
        text = re.sub(r"```.*?```", "", text, flags=re.S)
        text = re.sub(r"`[^`\n]*`", "", text)
        for target in re.findall(r"\]\(([^)\s]+)\)", text):
            if re.match(r"^[a-z]+:", target):
                continue
            n += 1
            file_part, _, anchor = target.partition("#")
            dest = os.path.normpath(os.path.join(os.path.dirname(path), file_part)) \
                if file_part else path
            if not os.path.exists(dest):
                fail("links", "%s: link to a missing file %s" % (rel(path), target))
            elif anchor and dest.endswith(".md") and anchor not in anchors(dest):
                fail("links", "%s: no heading #%s in %s" % (rel(path), anchor, rel(dest)))
    print("docs links: %d" % n)


# ---- references to documents outside the repository ------------------------

def check_refs():
    pat = r"\b(MATH|INTERFACE|EXAMPLES)\.md\b|shared/spec|\.\./shared"
    p = subprocess.run(["git", "grep", "-n", "-E", pat, "--", ".",
                        ":!tests/docs/check_docs.py"],
                       cwd=TOP, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode == 128:
        print("docs refs: not a git checkout, skipped")
        return
    for line in p.stdout.decode().splitlines():
        # ../shared/vendor holds FLINT source tarballs (make check-flint3),
        # not documents
        if not re.search(pat.replace(r"\.\./shared", r"\.\./shared(?!/vendor)"),
                         line.split(":", 2)[2]):
            continue
        fail("refs", "refers to a document outside the repository: " + line)
    print("docs refs: checked")


# ---- the manual page ----------------------------------------------------------

def check_man():
    page = os.path.join(DOCS, "rankstrat.1")
    p = subprocess.run(["groff", "-ww", "-z", "-man", page],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode != 0 or p.stderr:
        fail("man", "groff -ww -z -man docs/rankstrat.1:\n" + p.stderr.decode())
    env = dict(os.environ, LC_ALL="C.UTF-8", MANWIDTH="80", MAN_KEEP_FORMATTING="")
    p = subprocess.run(["man", "--warnings", "-l", page], env=env,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode != 0 or p.stderr:
        fail("man", "man --warnings -l docs/rankstrat.1:\n" + p.stderr.decode())
    elif b"RANKSTRAT(1)" not in p.stdout:
        fail("man", "man -l docs/rankstrat.1 printed no RANKSTRAT(1) page")
    print("docs manual page: rendered")


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: check_docs.py BUILD/rankstrat [--only LIST]")
    cli = os.path.abspath(sys.argv[1])
    only = None
    if len(sys.argv) > 3 and sys.argv[2] == "--only":
        only = set(sys.argv[3].split(","))
    want = lambda name: only is None or name in only
    json_outputs = []
    if want("console"):
        check_console(cli, json_outputs)
    if want("tables"):
        check_tables(cli)
    if want("schemas"):
        check_schemas(cli, json_outputs)
    if want("links"):
        check_links()
    if want("refs"):
        check_refs()
    if want("man"):
        check_man()
    if failures:
        print("docs checks: %d failed" % len(failures))
        sys.exit(1)
    print("docs checks: all passed")


if __name__ == "__main__":
    main()
