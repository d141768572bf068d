"""Networks from what users have, read exactly; bad input raises and never
ends the interpreter."""

import os
import subprocess
import sys
import textwrap
from decimal import Decimal
from fractions import Fraction

import pytest

import rankstrat
from rankstrat import InputError, LimitError, Network

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, os.pardir))


def test_float_is_its_exact_binary_value():
    net = Network([[[0.1]]])
    assert net[1][0][0] == Fraction(3602879701896397, 36028797018963968)
    assert Fraction(3602879701896397, 36028797018963968) == Fraction(0.1)
    # and the library sees the same number
    p = rankstrat.analyze(net)
    assert p.product == [[Fraction(3602879701896397, 36028797018963968)]]
    assert p.doc["product"] == [["3602879701896397/36028797018963968"]]


def test_float_decimal_mode():
    net = Network([[[0.1, -2.5e-3, 1e22]]], floats="decimal")
    assert net[1][0] == [Fraction(1, 10), Fraction(-1, 400), Fraction(10**22)]


def test_numpy_arrays():
    np = pytest.importorskip("numpy")
    W1 = np.array([[1, 2], [3, 4], [5, 6]], dtype=np.int64)
    W2 = np.array([[0.5, 0.25, -1.0]], dtype=np.float32)
    p = rankstrat.analyze(Network([W1, W2]))
    # the exact stratum: W2 W1 = [-15/4, -4], rank list r_10 = 2, r_20 =
    # r_21 = 1, so the barcode is [0,1] + [0,2] + [1,1]
    assert p.dims == (2, 3, 1)
    assert p.product == [[Fraction(-15, 4), Fraction(-4)]]
    assert p.ranks == {(0, 1): 2, (0, 2): 1, (1, 2): 1}
    assert p.barcode == "[0,1] + [0,2] + [1,1]"
    assert (p.dim, p.codim, p.components) == (7, 2, 1)
    assert p.dim + p.codim == 2 * 3 + 3 * 1
    assert len(p.tangent()) == 7 and len(p.normal()) == 2
    # float64 arrays mean their binary values
    W = np.array([[0.1]])
    assert Network([W])[1][0][0] == Fraction(0.1)
    # empty layers keep their shape through numpy
    net = Network([np.zeros((0, 2)), np.zeros((3, 0))])
    assert net.dims == (2, 0, 3)
    assert rankstrat.analyze(net).rank == 0


def test_numpy_savetxt_file(tmp_path):
    np = pytest.importorskip("numpy")
    W1 = np.array([[0.1, 2.0], [1e-5, -3.0]])
    f = tmp_path / "w.net"
    with open(f, "w") as h:
        h.write("dims 2 2\nW1\n")
        np.savetxt(h, W1)  # the default %.18e format
    net = Network.read(f)
    assert net[1][0][1] == 2 and net[1][1][1] == -3
    assert net[1][0][0] == Fraction("1.000000000000000056e-01")
    assert net[1][1][0] == Fraction("1.000000000000000082e-05")


def test_sympy_and_fractions():
    sp = pytest.importorskip("sympy")
    W1 = sp.Matrix([[sp.Rational(1, 3), 0], [0, 1]])
    W2 = [[Fraction(3), Decimal("0.5")]]
    p = rankstrat.analyze(Network([W1, W2]))
    assert p.product == [[1, Fraction(1, 2)]]
    T = p.tangent(sympy=True)
    assert isinstance(T, sp.MatrixBase) and T.shape == (p.dim, 6)
    assert all(isinstance(x, sp.Rational) for x in T)
    with pytest.raises(InputError):
        Network([sp.Matrix([[sp.sqrt(2)]])])


class SageLike:
    """The interface of a Sage matrix over QQ: rows(), nrows(), ncols(), and
    entries with numerator() and denominator() methods."""

    class Q:
        def __init__(self, p, q):
            self.p, self.q = p, q

        def numerator(self):
            return self.p

        def denominator(self):
            return self.q

    def __init__(self, rows):
        self._rows = [[self.Q(p, q) for p, q in r] for r in rows]

    def rows(self):
        return self._rows

    def nrows(self):
        return len(self._rows)

    def ncols(self):
        return len(self._rows[0]) if self._rows else 0


def test_sage_like_matrices():
    W = SageLike([[(1, 3), (0, 1)], [(-2, 5), (7, 1)]])
    net = Network([W])
    assert net[1] == [[Fraction(1, 3), 0], [Fraction(-2, 5), 7]]
    assert rankstrat.analyze(net).rank == 2


def test_empty_layers_round_trip(tmp_path):
    net = Network([[[], [], []], [[1, 2, 3]]], dims=(0, 3, 1))
    assert net.dims == (0, 3, 1)
    net.write(tmp_path / "e.net")
    assert Network.read(tmp_path / "e.net") == net
    assert rankstrat.analyze(net).rank == 0


def test_read_write_round_trip(tmp_path):
    net = Network([[[Fraction(1, 3), 2], [0, -7]], [[1, 1]]])
    for name in ("n.net", "n.json"):
        net.write(tmp_path / name)
        assert Network.read(tmp_path / name) == net
    (tmp_path / "meta.json").write_text(
        '{"dims": [1, 1], "weights": [[[2.5e-1]]], "notebook": {"cell": 3}}')
    assert Network.read(tmp_path / "meta.json")[1] == [[Fraction(1, 4)]]


@pytest.mark.parametrize("bad,exc", [
    ([[[float("nan")]]], InputError),
    ([[[float("inf")]]], InputError),
    ([[[1, 2]], [[1, 2, 3]]], InputError),
    ([[[1, 2], [3]]], InputError),
    ([], InputError),
    ([[["0x10"]]], InputError),
    ([[["1/0"]]], InputError),
    ([[[object()]]], InputError),
    (42, InputError),
])
def test_bad_networks_raise(bad, exc):
    with pytest.raises(exc):
        rankstrat.analyze(bad)


def test_errors_carry_the_library_message(tmp_path):
    f = tmp_path / "bad.net"
    f.write_text("dims 1 1\nW1\n1e999999999\n")
    with pytest.raises(LimitError) as e:
        Network.read(f)
    assert str(e.value) == "%s:3:3: expected an exponent between -1000 and 1000 in row 1 of W1, found '1e999999999'" % f
    f.write_text("dims 2 1\nW1\n1 0x1F\n")
    with pytest.raises(ValueError, match=r"bad.net:3:4: expected an exact number"):
        Network.read(f)
    with pytest.raises(InputError, match="^dims: "):
        rankstrat.strata("2,x,2", rank=1)
    with pytest.raises(InputError, match="no network with these widths computes a rank-3"):
        rankstrat.strata((2, 3, 2), rank=3)
    with pytest.raises(LimitError, match="the fiber has 8 strata, more than max_strata 3"):
        rankstrat.strata((2, 3, 2), rank=0, max_strata=3)
    with pytest.raises(InputError, match="barcode"):
        rankstrat.canonical((2, 3, 2), "0-2x2")
    with pytest.raises(InputError):
        rankstrat.move(Network([[[1]], [[1]]]), hidden=1, matrix=[[0]])  # singular
    with pytest.raises(LimitError):
        rankstrat.analyze(Network([[[1] * 60] * 60] * 3), max_entries=100)


SURVIVE = textwrap.dedent(r"""
    import sys
    sys.path.insert(0, sys.argv[1])
    import rankstrat
    from fractions import Fraction
    bad = [
        lambda: rankstrat.analyze([[[float('nan')]]]),
        lambda: rankstrat.analyze([[[1, 2]], [[1, 2, 3]]]),
        lambda: rankstrat.analyze("dims 3 3\nW1\n1 2\n"),
        lambda: rankstrat.analyze("{\"dims\": [1, 1], \"weights\": [[[1e99999]]]}"),
        lambda: rankstrat.analyze("\x00\xff garbage"),
        lambda: rankstrat.Network.from_text("dims 100000000000 1\nW1\n"),
        lambda: rankstrat.strata((2, 3, 2), rank=-5),
        lambda: rankstrat.strata((), rank=0),
        lambda: rankstrat.strata((5,) * 8, rank=0, max_strata=1000),
        lambda: rankstrat.strata((2,) * 5000, rank=1),
        lambda: rankstrat.count((50,) * 40, rank=0, max_work=1000),
        lambda: rankstrat.count((2, 3, 2), product=[[1, 2, 3]]),
        lambda: rankstrat.canonical((2, 3, 2), "9-9"),
        lambda: rankstrat.canonical((100000, 100000), "0-1x100000"),
        lambda: rankstrat.move([[[1]], [[1]]], hidden=5, matrix=[[2]]),
        lambda: rankstrat.move([[[1]], [[1]]], end=0, matrix=[[1, 2]]),
        lambda: rankstrat.move([[[1]], [[1]]], merge=("0-0", "1-1")),
        lambda: rankstrat.move([[[1]], [[1]]], merge="junk"),
        lambda: rankstrat.verify((2, 3, 2), rank=7),
        lambda: rankstrat.verify((9, 9, 9, 9, 9), rank=0, max_strata=10),
        lambda: rankstrat.Barcode("[0,1] + x"),
        lambda: rankstrat.analyze([[[1] * 30] * 30] * 3, max_entries=100),
    ]
    raised = 0
    for f in bad:
        try:
            f()
        except (rankstrat.RankstratError, ValueError) as e:
            raised += 1
            assert str(e), "an empty message"
    print("raised", raised, "of", len(bad))
    # and the interpreter still works with the library
    print(rankstrat.count((2, 3, 2), rank=1))
""")


def test_bad_input_never_ends_the_interpreter():
    r = subprocess.run([sys.executable, "-c", SURVIVE, os.path.join(ROOT, "python")],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.split("\n")
    assert lines[0] == "raised 22 of 22", r.stdout + r.stderr
    assert lines[1] == "4"
