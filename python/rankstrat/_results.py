"""Result objects built from the library's JSON documents."""

import html
import json
from fractions import Fraction

from ._barcode import Barcode


def _q(s):
    return Fraction(s)


def _matrix(rows, sympy=False):
    M = [[_q(x) for x in r] for r in rows]
    if sympy:
        import sympy as sp

        return sp.Matrix(len(M), len(M[0]) if M else 0, lambda i, j: sp.Rational(M[i][j].numerator, M[i][j].denominator))
    return M


def _ranks(triples):
    return {(i, j): r for i, j, r in triples}


class Point:
    """The analysis of a network point (rankstrat.analyze).

    Attributes: dims, weight_space_dim, product (exact matrix), rank,
    ranks ({(i, j): r_ji}), barcode (Barcode), dim, codim, components,
    minimal, maximal, fiber_dim, smooth, fiber_strata (None when not
    counted), and doc, the rankstrat-point JSON document (as
    `rankstrat analyze --format json` prints it).  tangent(), normal(),
    subspaces() and flow() compute the local geometry on first use."""

    def __init__(self, net, doc, analyze):
        self.network = net
        self.doc = doc
        self._analyze = analyze
        self._extra = {}
        self.dims = tuple(doc["dims"])
        self.weight_space_dim = doc["weight_space_dim"]
        self.product = _matrix(doc["product"])
        self.rank = doc["rank"]
        self.ranks = _ranks(doc["ranks"])
        self.barcode = Barcode(doc["barcode"], L=len(self.dims) - 1)
        st, fb = doc["stratum"], doc["fiber"]
        self.dim, self.codim, self.components = st["dim"], st["codim"], st["components"]
        self.minimal, self.maximal = st["minimal"], st["maximal"]
        self.fiber_dim, self.smooth, self.fiber_strata = fb["dim"], fb["smooth"], fb["strata"]

    def _geometry(self, what):
        if what not in self._extra:
            self._extra[what] = self._analyze(self.network, **{what: True})
        return self._extra[what]

    def tangent(self, sympy=False):
        """A basis of the tangent space T_theta S: one row per basis vector,
        N exact entries (W_1, ..., W_L row-major)."""
        return _matrix(self._geometry("tangent")["tangent"]["basis"], sympy)

    def normal(self, sympy=False):
        """A basis of the normal space N_theta S, rows as in tangent()."""
        return _matrix(self._geometry("normal")["normal"]["basis"], sympy)

    def check(self):
        """The independent recomputation of T_theta S (a dict; "passed")."""
        return self._geometry("check")["check"]

    def subspaces(self, sympy=False):
        """Per layer k: bases (as matrices whose rows are basis vectors) of
        col W_ki, null W_ki^T, null W_jk, row W_jk and the intersections
        A_kji and B_kji, keyed as in the JSON document."""
        out = []
        for layer in self._geometry("subspaces")["subspaces"]:
            entry = {"layer": layer["layer"]}
            for key in ("col", "left_null", "null", "row", "A", "B"):
                entry[key] = {
                    tuple(v for k, v in s.items() if k in ("j", "i")): _matrix(s["basis"], sympy) for s in layer[key]
                }
            out.append(entry)
        return out

    def flow(self, sympy=False):
        """The flow basis: a list of strands, each with its bar and the exact
        vectors v^(k) and phi^(k) for every layer k of the bar."""
        doc = self._geometry("flow")
        out = []
        for s in doc["flow"]["vectors"]:
            b, d = s["bar"]
            out.append({
                "strand": s["strand"],
                "bar": (b, d),
                "v": {b + t: [_q(x) for x in vec] for t, vec in enumerate(s["v"])},
                "phi": {b + t: [_q(x) for x in vec] for t, vec in enumerate(s["phi"])},
            })
        return out

    def flow_diagram(self):
        """The basis flow diagram (an SVG image in notebooks)."""
        from ._display import FlowDiagram

        return FlowDiagram(self.network)

    def __repr__(self):
        return "<rankstrat point: dims %s, barcode %s, stratum dim %d codim %d>" % (
            self.dims, self.barcode, self.dim, self.codim)


class Stratum:
    """One stratum of a fiber: id (in the sorted order of the tool), barcode,
    ranks ({(i, j): r_ji}), dim, codim, components, and the ids of the
    strata it covers (`covers`: directly below, in its closure) and of
    those covering it (`covered_by`), when the covers were computed."""

    def __init__(self, d, L):
        self.id = d["id"]
        self.barcode = Barcode(d["barcode"], L=L)
        self.ranks = _ranks(d["ranks"])
        self.dim, self.codim, self.components = d["dim"], d["codim"], d["components"]
        self.covers, self.covered_by = [], []

    def __repr__(self):
        return "<stratum %d: %s, dim %d>" % (self.id, self.barcode, self.dim)


class Strata(list):
    """The strata of a fiber (a list of Stratum, in the tool's order), with
    dims, rank, weight_space_dim, fiber_dim and the covering pairs
    (lower, upper); in notebooks an HTML or LaTeX table."""

    def __init__(self, doc):
        L = len(doc["dims"]) - 1
        super().__init__(Stratum(s, L) for s in doc["strata"])
        self.doc = doc
        self.dims = tuple(doc["dims"])
        self.rank = doc["rank"]
        self.weight_space_dim = doc["weight_space_dim"]
        self.fiber_dim = doc["fiber_dim"]
        self.pairs = [tuple(p) for p in doc.get("covers", [])]
        for lo, up in self.pairs:
            self[up].covers.append(lo)
            self[lo].covered_by.append(up)

    def find(self, barcode):
        """The stratum with this barcode (any printed form)."""
        b = Barcode(barcode)
        for s in self:
            if s.barcode == b:
                return s
        raise KeyError(str(b))

    def closure(self, stratum):
        """Ids of the strata in the closure of `stratum` (an id, a Stratum or
        a barcode), itself included: everything below it in the Hasse
        diagram."""
        if not self.pairs and len(self) > 1:
            raise ValueError("the covers were not computed (strata(..., covers=True))")
        s = stratum if isinstance(stratum, int) else (stratum.id if isinstance(stratum, Stratum) else self.find(stratum).id)
        seen, todo = {s}, [s]
        while todo:
            for lo in self[todo.pop()].covers:
                if lo not in seen:
                    seen.add(lo)
                    todo.append(lo)
        return sorted(seen)

    def _rows(self):
        return [(s.id, str(s.barcode), s.dim, s.codim, s.components) for s in self]

    def _repr_html_(self):
        head = "".join("<th>%s</th>" % h for h in ("id", "barcode", "dim", "codim", "components"))
        body = "".join(
            "<tr>" + "".join("<td>%s</td>" % html.escape(str(c)) for c in row) + "</tr>" for row in self._rows()
        )
        cap = "strata of the fiber: dims %s, rank %d (%d strata)" % (self.dims, self.rank, len(self))
        return "<table><caption>%s</caption><tr>%s</tr>%s</table>" % (html.escape(cap), head, body)

    def _repr_latex_(self):
        lines = [r"\begin{tabular}{rlrrr}", r"id & barcode & dim & codim & components \\ \hline"]
        for i, b, d, c, k in self._rows():
            lines.append(r"%d & $%s$ & %d & %d & %d \\" % (i, b, d, c, k))
        lines.append(r"\end{tabular}")
        return "\n".join(lines)

    def __repr__(self):
        return "<rankstrat strata: dims %s, rank %d, %d strata>" % (self.dims, self.rank, len(self))


class Hasse:
    """The Hasse diagram of a fiber's closure order: strata (a Strata) and
    covers ((lower, upper) pairs: lower lies in the closure of upper).
    graph() is a networkx DiGraph with an edge lower -> upper; in notebooks
    an SVG drawing."""

    def __init__(self, strata):
        self.strata = strata
        self.covers = list(strata.pairs)

    def graph(self):
        import networkx as nx

        G = nx.DiGraph()
        for s in self.strata:
            G.add_node(s.id, barcode=str(s.barcode), dim=s.dim, codim=s.codim, components=s.components)
        G.add_edges_from(self.covers)
        return G

    def dot(self):
        from ._display import hasse_dot

        return hasse_dot(self)

    def _repr_svg_(self):
        from ._display import svg

        return svg(self.dot())

    def __repr__(self):
        return "<rankstrat hasse: %d strata, %d covers>" % (len(self.strata), len(self.covers))


class VerifyReport:
    """The outcome of rankstrat.verify: passed, strata, covers and checks
    (one dict per family: check, name, passed, total, first_failure)."""

    def __init__(self, doc):
        self.doc = doc
        self.passed = doc["passed"]
        self.strata, self.covers = doc["strata"], doc["covers"]
        self.checks = doc["checks"]

    def __bool__(self):
        return self.passed

    def __repr__(self):
        return "<rankstrat verify: %s, %d strata, %d covers>" % (
            "passed" if self.passed else "FAILED", self.strata, self.covers)


def loads(text):
    return json.loads(text)
