"""rankstrat: exact geometry of the fibers of linear neural networks.

A Python interface to librankstrat (the library behind the `rankstrat`
command): every result is computed by the library, exactly over the
rationals, and equals what the command-line tool prints.

    >>> import rankstrat
    >>> net = rankstrat.Network([[[1, 0], [0, 0], [0, 0]], [[1, 0, 0], [0, 0, 0]]])
    >>> p = rankstrat.analyze(net)
    >>> print(p.barcode, p.dim, p.codim)
    [0,0] + [0,2] + 2[1,1] + [2,2] 5 7

Only the standard library is needed; numpy arrays, SymPy and Sage matrices
are accepted as input, SymPy matrices are returned on request, and
networkx draws Hasse diagrams as graphs when it is installed.
"""

import json as _json
import ctypes as _ctypes

from . import _lib
from ._barcode import Barcode
from ._errors import InputError, InternalError, LimitError, RankstratError
from ._network import Network, as_network, matrix_text, to_fraction
from ._results import Hasse, Point, Strata, Stratum, VerifyReport

__all__ = [
    "Network", "Barcode", "Point", "Stratum", "Strata", "Hasse", "VerifyReport",
    "analyze", "strata", "hasse", "count", "canonical", "move", "verify",
    "RankstratError", "InputError", "LimitError", "InternalError", "to_fraction",
]

__version__ = "0.1.0"

# the bounds of the command-line tool
DEFAULT_MAX_STRATA = 2000000
_FLAGS = {"subspaces": 1, "flow": 2, "tangent": 4, "normal": 8, "check": 16}


def _analyze_doc(net, subspaces=False, flow=False, tangent=False, normal=False, check=False,
                 max_entries=0, max_work=0, max_memory=0, count=True):
    asked = {"subspaces": subspaces, "flow": flow, "tangent": tangent, "normal": normal, "check": check}
    flags = sum(v for k, v in _FLAGS.items() if asked[k])
    if not count:
        flags |= 64
    text = net.text()
    token = _lib.Progress()
    doc = _lib.call("rs_doc_analyze", _lib.cstr(text), len(text), _lib.cstr("net"), flags,
                    int(max_entries), _lib.limits(max_memory, max_work), _ctypes.byref(token),
                    token=token)
    return _json.loads(doc)


def analyze(net, floats="exact", max_entries=0, max_work=0, max_memory=0):
    """Analyses a network point: rank list, barcode, stratum and fiber.

    net is a Network or anything Network() accepts (a list [W1, ..., WL] of
    matrices: nested lists, numpy arrays, SymPy or Sage matrices).  The
    result's tangent(), normal(), subspaces() and flow() give the local
    geometry.  max_entries, max_work and max_memory (bytes) are the bounds
    of `rankstrat analyze` (--max-entries, --max-work, --max-memory; 0: the
    defaults): a job estimated beyond them raises LimitError before it
    starts."""
    net = as_network(net, floats)

    def again(n, **what):
        return _analyze_doc(n, max_entries=max_entries, max_work=max_work, max_memory=max_memory,
                            count=False, **what)

    return Point(net, _analyze_doc(net, max_entries=max_entries, max_work=max_work,
                                   max_memory=max_memory), again)


def _dims_arg(dims):
    if isinstance(dims, str):
        return dims
    try:
        return ",".join(str(int(d)) for d in dims)
    except (TypeError, ValueError):
        raise InputError("dims: expected the widths (d_0, ..., d_L), got %r" % (dims,)) from None


def _fiber_args(dims, rank, product):
    if (rank is None) == (product is None):
        raise InputError("expected one of rank=R and product=W")
    ptext = matrix_text(product) if product is not None else None
    return (_lib.cstr(_dims_arg(dims)), -1 if rank is None else int(rank), _lib.cstr(ptext),
            len(ptext) if ptext else 0)


def strata(dims, rank=None, product=None, covers=True, max_strata=DEFAULT_MAX_STRATA,
           max_work=0, max_memory=0):
    """All strata of the fiber of a rank-`rank` matrix (or of the matrix
    `product`) for widths dims = (d_0, ..., d_L), in the tool's order, with
    the covering pairs of the closure order (covers=True).  Fibers with
    more than max_strata strata (0: no bound), or estimated beyond max_work
    or max_memory (0: the defaults), are refused (LimitError).  Ctrl-C
    interrupts a long enumeration."""
    token = _lib.Progress()
    doc = _lib.call("rs_doc_strata", *_fiber_args(dims, rank, product), 1 if covers else 0,
                    int(max_strata), _lib.limits(max_memory, max_work), _ctypes.byref(token),
                    token=token)
    return Strata(_json.loads(doc))


def hasse(dims, rank=None, product=None, max_strata=DEFAULT_MAX_STRATA, max_work=0,
          max_memory=0):
    """The Hasse diagram of the fiber: covers, a networkx graph (graph()),
    an SVG drawing in notebooks.  The limits are those of strata()."""
    return Hasse(strata(dims, rank, product, covers=True, max_strata=max_strata,
                        max_work=max_work, max_memory=max_memory))


def count(dims, rank=None, product=None, max_work=0):
    """The exact number of strata of the fiber (without listing them), by a
    counting programme of at most max_work states (0: the default of
    `rankstrat count`); beyond it LimitError.  Ctrl-C interrupts a long
    count."""
    token = _lib.Progress()
    return int(_lib.call("rs_doc_count", *_fiber_args(dims, rank, product),
                         _lib.limits(0, max_work), _ctypes.byref(token), token=token))


def canonical(dims, barcode, product=None, max_work=0, max_memory=0):
    """The canonical point of the stratum with this barcode (any printed
    form), moved into the fiber of `product` if given: a Network.  Refused
    (LimitError) when estimated beyond max_work or max_memory (0: the
    defaults)."""
    b = barcode if isinstance(barcode, Barcode) else Barcode(barcode)
    ptext = matrix_text(product) if product is not None else None
    text = _lib.call("rs_doc_canonical", _lib.cstr(_dims_arg(dims)), _lib.cstr(b.arg()),
                     _lib.cstr(ptext), len(ptext) if ptext else 0,
                     _lib.limits(max_memory, max_work))
    return Network._from_canonical(text)


def move(net, hidden=None, end=None, one_matrix=None, matrix=None, merge=None, t=1,
         random=None, floats="exact", max_work=0, max_memory=0):
    """One move of the network, as `rankstrat move`: hidden=k with matrix=G
    (invertible d_k x d_k), end=k (0 or L) with matrix=G, one_matrix=k with
    matrix=D, merge=(bar I, bar J) (e.g. ("0-1", "1-2") or ((0, 1), (1, 2)))
    with the factor t, or random=seed (random invertible moves).  Returns
    the new Network; the product is unchanged (checked exactly).  Refused
    (LimitError) when the rank lists before and after are estimated beyond
    max_work or max_memory (0: the defaults)."""
    net = as_network(net, floats)
    chosen = [k for k, v in (("hidden", hidden), ("end", end), ("one_matrix", one_matrix),
                             ("merge", merge), ("random", random)) if v is not None]
    if len(chosen) != 1:
        raise InputError("expected exactly one move (hidden=, end=, one_matrix=, merge= or random=)")
    kind = {"hidden": 0, "end": 1, "one_matrix": 2, "merge": 3, "random": 4}[chosen[0]]
    k, mtext, bars, ttext = 0, None, None, None
    if kind <= 2:
        k = {0: hidden, 1: end, 2: one_matrix}[kind]
        if matrix is None:
            raise InputError("matrix: expected the matrix of the move")
        mtext = matrix_text(matrix, floats)
    elif kind == 3:
        try:
            I, J = merge
            pair = []
            for bar in (I, J):
                if isinstance(bar, str):
                    a, b = bar.split("-")
                else:
                    a, b = bar
                pair += [int(a), int(b)]
        except (TypeError, ValueError):
            raise InputError("merge: expected two bars such as (\"0-1\", \"1-2\"), got %r" % (merge,)) from None
        bars = (_lib.slong * 4)(*pair)
        ttext = str(to_fraction(t, floats))
    else:
        k = int(random)
    text = net.text()
    doc = _lib.call("rs_doc_move", _lib.cstr(text), len(text), _lib.cstr("net"), kind, int(k),
                    _lib.cstr(mtext), len(mtext) if mtext else 0, bars, _lib.cstr(ttext),
                    _lib.limits(max_memory, max_work))
    return Network._from_canonical(doc)


def verify(dims, rank=None, product=None, seed=1, max_strata=100000, max_work=0, max_memory=0):
    """Runs every check of `rankstrat verify` on the fiber (points analysed
    back, tangent ranks and checks, covers witnessed and against brute
    force, transpose and reduction invariance): a VerifyReport.  Refused
    (LimitError) beyond max_strata strata or when estimated beyond max_work
    or max_memory (0: the defaults).  Ctrl-C interrupts it between two
    strata."""
    token = _lib.Progress()
    doc = _lib.call("rs_doc_verify", *_fiber_args(dims, rank, product), int(seed), int(max_strata),
                    _lib.limits(max_memory, max_work), _ctypes.byref(token), token=token)
    return VerifyReport(_json.loads(doc))
