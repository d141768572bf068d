"""Barcodes print as the tool prints them and parse every printed form."""

import random

import pytest

import rankstrat
from rankstrat import Barcode


def random_barcode(rng, L):
    bars = {}
    for _ in range(rng.randint(0, 6)):
        i = rng.randint(0, L)
        j = rng.randint(i, L)
        bars[(i, j)] = bars.get((i, j), 0) + rng.randint(1, 3)
    return Barcode(bars, L=L)


def test_round_trips():
    rng = random.Random(12)
    for _ in range(500):
        b = random_barcode(rng, rng.randint(1, 5))
        for form in (str(b), b.arg(), b.json(), str(b.json()).replace(" ", "")):
            assert Barcode(form, L=b.L) == b, form
        assert Barcode(str(b)).arg() == b.arg()


def test_printed_forms():
    b = Barcode("2[0,0] + [1,2]")
    assert str(b) == "2[0,0] + [1,2]"
    assert b.arg() == "0-0x2,1-2"
    assert b.json() == [[0, 0, 2], [1, 2, 1]]
    assert b == Barcode("0-0x2,1-2") == Barcode([[0, 0, 2], [1, 2, 1]]) == Barcode("[[0,0,2],[1,2,1]]")
    assert Barcode("0-0,0-0,1-2") == b  # repeated bars add up
    assert str(Barcode("-")) == "-" and len(Barcode("-")) == 0
    assert b[(0, 0)] == 2 and b[(0, 1)] == 0 and len(b) == 3
    assert Barcode("[0,2] + 2[1,1]").widths() == (1, 3, 1)


@pytest.mark.parametrize("bad", ["[0,1] +", "0-", "1-0", "[1,0]", "0-1x", "x", "[[0,1]]", "[0,1] + [a,2]"])
def test_bad_forms(bad):
    with pytest.raises(ValueError):
        Barcode(bad)


def test_strata_barcodes_print_as_the_cli(cli):
    """Every stratum of a fiber: the package's printed barcode is the one
    `rankstrat analyze` prints at its canonical point."""
    for s in rankstrat.strata((2, 3, 2), rank=1):
        net = rankstrat.canonical((2, 3, 2), s.barcode)
        out = cli.run("analyze", "-", input=net.text())
        line = [l for l in out.splitlines() if l.startswith("barcode")][0]
        assert line.split(None, 1)[1] == str(s.barcode)
        assert Barcode(line.split(None, 1)[1]) == s.barcode
