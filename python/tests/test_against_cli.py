"""The package's results equal the command-line tool's JSON on the worked
examples (data/examples and the fibers of docs/examples.md)."""

import glob
import os
from fractions import Fraction

import pytest

import rankstrat

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, os.pardir))
EXAMPLES = sorted(
    p for p in glob.glob(os.path.join(ROOT, "data", "examples", "*.net")) + glob.glob(os.path.join(ROOT, "data", "examples", "*.json"))
    if os.path.getsize(p) < 20000
)

# fibers of the worked examples: (dims, rank)
FIBERS = [((2, 3, 2), 1), ((2, 3, 2), 0), ((2, 2, 2), 1), ((1, 2, 1), 0), ((2, 2, 2, 2), 1),
          ((3, 3, 3), 2), ((1, 1), 1), ((2, 1, 2), 1), ((3, 2, 3, 2), 1)]


def test_examples_exist():
    assert len(EXAMPLES) >= 3


@pytest.mark.parametrize("path", EXAMPLES, ids=os.path.basename)
def test_analyze_equals_cli(cli, path):
    net = rankstrat.Network.read(path)
    p = rankstrat.analyze(net)
    assert p.doc == cli.json("analyze", path)
    # the attributes are the document's
    line = [l for l in cli.run("analyze", path).splitlines() if l.startswith("barcode ")][0]
    assert str(p.barcode) == line.split(None, 1)[1]


@pytest.mark.parametrize("path", EXAMPLES, ids=os.path.basename)
def test_geometry_equals_cli(cli, path):
    p = rankstrat.analyze(rankstrat.Network.read(path))
    doc = cli.json("analyze", path, "--tangent", "--normal", "--flow", "--subspaces", "--check")
    tangent = [[Fraction(x) for x in v] for v in doc["tangent"]["basis"]]
    normal = [[Fraction(x) for x in v] for v in doc["normal"]["basis"]]
    assert p.tangent() == tangent
    assert p.normal() == normal
    assert len(tangent) == p.dim and len(normal) == p.codim
    assert p.check()["passed"] is True
    flow = p.flow()
    assert [f["bar"] for f in flow] == [tuple(v["bar"]) for v in doc["flow"]["vectors"]]
    for f, v in zip(flow, doc["flow"]["vectors"]):
        assert [f["v"][k] for k in sorted(f["v"])] == [[Fraction(x) for x in vec] for vec in v["v"]]
    subs = p.subspaces()
    assert len(subs) == len(p.dims)
    for layer, want in zip(subs, doc["subspaces"]):
        for key in ("col", "left_null", "null", "row", "A", "B"):
            assert [len(b) for b in layer[key].values()] == [s["dim"] for s in want[key]]


def _by_barcode(doc):
    return {str(rankstrat.Barcode(s["barcode"])): (s["dim"], s["codim"], s["components"],
                                                   sorted(map(tuple, s["ranks"]))) for s in doc["strata"]}


@pytest.mark.parametrize("dims,rank", FIBERS)
def test_strata_equal_cli(cli, dims, rank):
    d = ",".join(map(str, dims))
    S = rankstrat.strata(dims, rank=rank)
    want = cli.json("strata", "--dims", d, "--rank", rank)
    assert len(S) == want["count"] == rankstrat.count(dims, rank=rank)
    assert S.fiber_dim == want["fiber_dim"] and S.weight_space_dim == want["weight_space_dim"]
    assert _by_barcode(S.doc) == _by_barcode(want)
    # the same order as the tool's table
    assert [str(s.barcode) for s in S] == [str(rankstrat.Barcode(s["barcode"])) for s in want["strata"]]
    assert int(cli.run("count", "--dims", d, "--rank", rank)) == len(S)


@pytest.mark.parametrize("dims,rank", FIBERS)
def test_hasse_graph_equals_cli(cli, dims, rank):
    """The networkx graph of a fiber against `hasse --format json`."""
    nx = pytest.importorskip("networkx")
    H = rankstrat.hasse(dims, rank=rank)
    G = H.graph()
    assert isinstance(G, nx.DiGraph)
    want = cli.json("hasse", "--dims", ",".join(map(str, dims)), "--rank", rank)
    name = {s["id"]: str(rankstrat.Barcode(s["barcode"])) for s in want["strata"]}
    want_edges = {(name[lo], name[up]) for lo, up in want["covers"]}
    got_edges = {(G.nodes[lo]["barcode"], G.nodes[up]["barcode"]) for lo, up in G.edges}
    assert got_edges == want_edges
    assert G.number_of_nodes() == len(want["strata"])
    # the closure order is acyclic and the generic strata are its sinks
    assert nx.is_directed_acyclic_graph(G)
    top = max(s.dim for s in H.strata)
    assert all(G.out_degree(s.id) == 0 for s in H.strata if s.dim == top)


def test_product_fibers_equal_cli(cli, tmp_path):
    W = [[1, 2], [2, 4]]
    (tmp_path / "w.mat").write_text("matrix 2 2\n1 2\n2 4\n")
    S = rankstrat.strata((2, 3, 2), product=W)
    want = cli.json("strata", "--dims", "2,3,2", "--product", tmp_path / "w.mat")
    assert _by_barcode(S.doc) == _by_barcode(want) and S.rank == 1


def test_canonical_equals_cli(cli, tmp_path):
    net = rankstrat.canonical((2, 3, 2), "[0,0] + [0,2] + 2[1,1] + [2,2]")
    (tmp_path / "c.net").write_text(cli.run("canonical", "--dims", "2,3,2", "--barcode", "0-2,0-0,1-1x2,2-2"))
    assert net == rankstrat.Network.read(tmp_path / "c.net")
    assert rankstrat.analyze(net).barcode == "0-0,0-2,1-1x2,2-2"


def test_verify_equals_cli(cli):
    rep = rankstrat.verify((2, 3, 2), rank=1)
    want = cli.json("verify", "--dims", "2,3,2", "--rank", "1")
    assert rep.passed and want["passed"]
    assert [(c["check"], c["passed"], c["total"]) for c in rep.checks] == \
        [(c["check"], c["passed"], c["total"]) for c in want["checks"]]


def test_moves_keep_the_product(cli, tmp_path):
    net = rankstrat.Network.read(os.path.join(ROOT, "data", "examples", "demo.net"))
    p = rankstrat.analyze(net)
    G = [[1 if i == j else 0 for j in range(net.dims[1])] for i in range(net.dims[1])]
    G[0][-1] = Fraction(-3, 7)
    moved = rankstrat.move(net, hidden=1, matrix=G)
    q = rankstrat.analyze(moved)
    assert q.product == p.product and q.barcode == p.barcode
    assert moved != net
    r = rankstrat.analyze(rankstrat.move(net, random=5))
    assert r.product == p.product and r.barcode == p.barcode
    # the same move through the CLI
    (tmp_path / "g.mat").write_text(rankstrat.matrix_text(G))
    out = cli.run("move", os.path.join(ROOT, "data", "examples", "demo.net"), "--hidden", 1, "--matrix", tmp_path / "g.mat")
    (tmp_path / "m.net").write_text(out)
    assert rankstrat.Network.read(tmp_path / "m.net") == moved


def test_merge_move_goes_up():
    net = rankstrat.canonical((2, 3, 2), "0-0,0-2,1-1x2,2-2")
    up = rankstrat.move(net, merge=("0-0", "1-1"), t=Fraction(1, 2))
    b = rankstrat.analyze(up).barcode
    assert b == "0-1,0-2,1-1,2-2"


def _doc(name, *args):
    import ctypes

    from rankstrat import _lib
    token = _lib.Progress()
    return _lib.call(name, *args, ctypes.byref(token), token=token)


@pytest.mark.parametrize("dims,rank", FIBERS)
def test_documents_are_the_clis_bytes(cli, dims, rank):
    """The documents of rankstrat/doc.h are written by the CLI's own
    printers: byte for byte the output of `strata --format json --hasse`
    and `verify --format json`."""
    d = ",".join(map(str, dims))
    fiber = rankstrat._fiber_args(dims, rank, None)
    assert _doc("rs_doc_strata", *fiber, 1, 0, None) == \
        cli.run("strata", "--dims", d, "--rank", rank, "--format", "json", "--hasse")
    assert _doc("rs_doc_verify", *fiber, 1, 0, None) == \
        cli.run("verify", "--dims", d, "--rank", rank, "--format", "json")
