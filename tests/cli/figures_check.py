"""Geometry checks of the Hasse figures (run by tests/cli/figures.sh).

usage: figures_check.py STRATA.json KIND FILE [codim]

KIND is "plain" (the output of `neato -n2 -Tplain` on rankstrat's DOT,
i.e. what Graphviz draws) or "svg" (rankstrat's own SVG).  Asserts:
  - one node per stratum, named by its id (sK / SK), whose label or title
    carries the barcode of stratum K of the JSON (the same numbering);
  - rows strictly ordered by dimension (higher above; with "codim" the
    reverse), one row per dimension that occurs;
  - every cover is drawn once, and no edge, sampled densely along its
    Bezier spline, enters the box of a node that is not one of its ends.
"""
import json
import re
import sys
import xml.etree.ElementTree as ET


def bar_sum(triples):
    parts = []
    for i, j, m in triples:
        parts.append(("%d" % m if m > 1 else "") + "[%d,%d]" % (i, j))
    return " + ".join(parts) if parts else "-"


def bezier(points, steps=40):
    """Samples a Graphviz-style spline of 3n+1 control points."""
    out = []
    for a in range(0, len(points) - 3, 3):
        p0, p1, p2, p3 = points[a:a + 4]
        for s in range(steps + 1):
            t = s / steps
            u = 1 - t
            out.append((u**3 * p0[0] + 3 * u * u * t * p1[0] +
                        3 * u * t * t * p2[0] + t**3 * p3[0],
                        u**3 * p0[1] + 3 * u * u * t * p1[1] +
                        3 * u * t * t * p2[1] + t**3 * p3[1]))
    return out


def read_plain(path):
    """nodes: id -> (x, y, w, h, label); edges: list of (lo, hi, points);
    y grows upwards."""
    nodes, edges, texts = {}, [], []
    for line in open(path):
        f = line.split()
        if f and f[0] == "node" and re.fullmatch(r"t\d+", f[1]):
            texts.append((float(f[2]) * 72, float(f[3]) * 72,
                          line.split('"')[1] if '"' in line else f[6]))
        if f and f[0] == "node" and re.fullmatch(r"s\d+", f[1]):
            x, y, w, h = (float(v) * 72 for v in f[2:6])
            label = line.split('"')[1] if '"' in line else f[6]
            nodes[int(f[1][1:])] = (x, y, w, h, label)
        elif f and f[0] == "edge" and re.fullmatch(r"s\d+", f[1]) and \
                re.fullmatch(r"s\d+", f[2]):
            n = int(f[3])
            pts = [(float(f[4 + 2 * k]) * 72, float(f[5 + 2 * k]) * 72)
                   for k in range(n)]
            edges.append((int(f[1][1:]), int(f[2][1:]), pts))
    # text lines drawn as nodes of their own (glyph labels) join the label
    # of the box they lie in
    for tx, ty, t in texts:
        for k, (x, y, w, h, label) in nodes.items():
            if abs(tx - x) < w / 2 and abs(ty - y) < h / 2:
                nodes[k] = (x, y, w, h, label + "\n" + t)
    return nodes, edges


def read_svg(path):
    ns = {"s": "http://www.w3.org/2000/svg"}
    root = ET.parse(path).getroot()
    nodes, edges = {}, []
    for g in root.iter("{http://www.w3.org/2000/svg}g"):
        if g.get("class") != "node":
            continue
        k = int(g.get("id")[1:])
        r = g.find("s:rect", ns)
        x, y = float(r.get("x")), float(r.get("y"))
        w, h = float(r.get("width")), float(r.get("height"))
        title = g.find("s:title", ns).text
        # y flipped so that it grows upwards, as in plain
        nodes[k] = (x + w / 2, -(y + h / 2), w, h, title)
    for p in root.iter("{http://www.w3.org/2000/svg}path"):
        if p.get("class") != "edge":
            continue
        nums = [float(v) for v in re.findall(r"-?[0-9.]+", p.get("d"))]
        pts = [(nums[k], -nums[k + 1]) for k in range(0, len(nums), 2)]
        edges.append((int(p.get("data-lower")), int(p.get("data-upper")), pts))
    return nodes, edges


def main():
    doc = json.load(open(sys.argv[1]))
    kind, path = sys.argv[2], sys.argv[3]
    codim = len(sys.argv) > 4 and sys.argv[4] == "codim"
    strata = doc["strata"]
    nodes, edges = (read_plain if kind == "plain" else read_svg)(path)
    assert sorted(nodes) == list(range(len(strata))), "node ids"
    for k, s in enumerate(strata):
        label = nodes[k][4].replace("\\n", "\n")
        assert re.search(r"\bS%d\b" % k, label), (k, label)
        assert bar_sum(s["barcode"]) in label, (k, label)
    # rows: equal dimension, equal height; higher dimension strictly above
    key = [(-s["dim"] if codim else s["dim"]) for s in strata]
    ys = {}
    for k in nodes:
        ys.setdefault(key[k], set()).add(round(nodes[k][1], 1))
    assert all(len(v) == 1 for v in ys.values()), "a dimension on two rows"
    order = sorted(ys)
    for a, b in zip(order, order[1:]):
        lo_top = max(nodes[k][1] + nodes[k][3] / 2 for k in nodes
                     if key[k] == a)
        hi_bot = min(nodes[k][1] - nodes[k][3] / 2 for k in nodes
                     if key[k] == b)
        assert lo_top < hi_bot, "rows %s and %s overlap" % (a, b)
    # covers: each drawn once
    covers = sorted(tuple(c) for c in doc["covers"])
    drawn = sorted((lo, hi) if not codim or kind == "svg" else (hi, lo)
                   for lo, hi, _ in edges)
    assert drawn == covers, "edges differ from the covers"
    # no edge through a foreign box (boxes shrunk by 0.5pt for rounding)
    eps = 0.5
    for lo, hi, pts in edges:
        for (px, py) in bezier(pts):
            for k, (x, y, w, h, _) in nodes.items():
                if k in (lo, hi):
                    continue
                if abs(px - x) < w / 2 - eps and abs(py - y) < h / 2 - eps:
                    raise AssertionError("edge S%d-S%d enters the box of S%d"
                                         % (lo, hi, k))
    print("ok %s: %d nodes, %d rows, %d edges" %
          (path, len(nodes), len(order), len(edges)))


main()
