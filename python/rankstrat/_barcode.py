"""Barcodes: multisets of bars [i, j], printed as the tool prints them."""

import json
import re

from ._errors import InputError


class Barcode:
    """A barcode: bar (i, j) -> multiplicity, for layers 0..L.

    Barcode("2[0,0] + [1,2]"), Barcode("0-0x2,1-2"), Barcode([[0,0,2],
    [1,2,1]]) (the JSON triples), Barcode({(0, 0): 2, (1, 2): 1}) and the JSON
    text of the triples all give the same barcode.  L is the last layer; by
    default the largest j of a bar.  str() prints as `rankstrat analyze`,
    .arg() as the --barcode option syntax, .json() as the JSON triples."""

    def __init__(self, bars, L=None):
        if isinstance(bars, Barcode):
            self.bars, self.L = dict(bars.bars), bars.L if L is None else int(L)
            return
        if isinstance(bars, str):
            parsed = _parse(bars)
        elif isinstance(bars, dict):
            parsed = {(int(i), int(j)): int(m) for (i, j), m in bars.items()}
        else:
            parsed = {}
            try:
                for t in bars:
                    i, j, m = (int(v) for v in t)
                    parsed[(i, j)] = parsed.get((i, j), 0) + m
            except (TypeError, ValueError):
                raise InputError("barcode: expected bars [i, j, m], got %r" % (bars,)) from None
        for (i, j), m in parsed.items():
            if not 0 <= i <= j or m < 0:
                raise InputError("barcode: expected bars 0 <= i <= j with multiplicity >= 0, got [%d,%d] x %d" % (i, j, m))
        self.bars = {b: m for b, m in parsed.items() if m > 0}
        top = max((j for (_, j) in self.bars), default=0)
        self.L = top if L is None else int(L)
        if self.L < top:
            raise InputError("barcode: a bar ends at layer %d, after L = %d" % (top, self.L))

    def items(self):
        """(i, j, m) in the tool's order: by i, then j."""
        return [(i, j, self.bars[(i, j)]) for (i, j) in sorted(self.bars)]

    def __str__(self):
        if not self.bars:
            return "-"
        return " + ".join(("%d" % m if m > 1 else "") + "[%d,%d]" % (i, j) for i, j, m in self.items())

    def arg(self):
        """The --barcode syntax: "0-0x2,1-2"."""
        return ",".join("%d-%d" % (i, j) + ("x%d" % m if m > 1 else "") for i, j, m in self.items()) or "-"

    def json(self):
        return [[i, j, m] for i, j, m in self.items()]

    def __repr__(self):
        return "Barcode(%r)" % str(self)

    def __eq__(self, other):
        if isinstance(other, str):
            other = Barcode(other)
        return isinstance(other, Barcode) and self.bars == other.bars

    def __hash__(self):
        return hash(tuple(sorted(self.bars.items())))

    def __getitem__(self, bar):
        return self.bars.get(tuple(bar), 0)

    def __len__(self):
        """The number of bars (with multiplicity)."""
        return sum(self.bars.values())

    def widths(self):
        """d_k = the number of bars through layer k, k = 0..L."""
        return tuple(sum(m for (i, j), m in self.bars.items() if i <= k <= j) for k in range(self.L + 1))

    def _repr_latex_(self):
        if not self.bars:
            return r"$\emptyset$"
        return "$" + " + ".join(("%d" % m if m > 1 else "") + "[%d,%d]" % (i, j) for i, j, m in self.items()) + "$"


_PRINTED = re.compile(r"^\s*(\d*)\s*\[\s*(\d+)\s*,\s*(\d+)\s*\]\s*$")
_ARG = re.compile(r"^\s*(\d+)-(\d+)(?:x(\d+))?\s*$")


def _parse(s):
    t = s.strip()
    if t in ("-", ""):
        return {}
    if re.match(r"^\[\s*[\[\]]", t):  # JSON: [[i, j, m], ...] or []
        out = {}
        try:
            for i, j, m in json.loads(t):
                out[(int(i), int(j))] = out.get((int(i), int(j)), 0) + int(m)
        except (ValueError, TypeError):
            raise InputError("barcode: expected JSON triples [[i,j,m],...], got %r" % s) from None
        return out
    out = {}
    if "[" in t:
        for part in t.split("+"):
            m = _PRINTED.match(part)
            if not m:
                raise InputError("barcode: expected bars such as 2[0,1] separated by '+', found %r" % part.strip())
            k = (int(m.group(2)), int(m.group(3)))
            out[k] = out.get(k, 0) + int(m.group(1) or 1)
        return out
    for part in t.split(","):
        m = _ARG.match(part)
        if not m:
            raise InputError("barcode: expected a bar i-j or i-jxm, found %r" % part.strip())
        k = (int(m.group(1)), int(m.group(2)))
        out[k] = out.get(k, 0) + int(m.group(3) or 1)
    return out
