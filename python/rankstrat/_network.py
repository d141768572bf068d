"""Networks: exact rational weights from whatever the user has."""

import math
import numbers
import re
from fractions import Fraction

from . import _lib
from ._errors import InputError


def to_fraction(x, floats="exact"):
    """The exact rational value of x.

    int, Fraction, Decimal, numpy integers, SymPy and Sage rationals convert
    exactly; a float (also numpy's) means its exact binary value, or with
    floats="decimal" the shortest decimal that prints it (0.1 -> 1/10);
    a string is read in the library's number syntax ("-3/7", "2.5e-3")."""
    if isinstance(x, bool):
        return Fraction(int(x))
    if isinstance(x, Fraction):
        return x
    if isinstance(x, numbers.Integral):
        return Fraction(int(x))
    if isinstance(x, str):
        return _parse_number(x)
    if isinstance(x, float) or type(x).__name__ in ("float16", "float32", "float64", "longdouble"):
        return _from_float(x, floats)
    # SymPy: Rational and Integer have p and q; Float is inexact
    mod = type(x).__module__ or ""
    if mod.startswith("sympy"):
        if getattr(x, "is_Rational", False):
            return Fraction(int(x.p), int(x.q))
        if getattr(x, "is_Float", False):
            return _from_float_str(str(x), floats, x)
        raise InputError("expected an exact number, got the SymPy expression %s" % (x,))
    # Sage rationals and integers: numerator() and denominator() methods
    num, den = getattr(x, "numerator", None), getattr(x, "denominator", None)
    if callable(num) and callable(den):
        try:
            return Fraction(int(num()), int(den()))
        except (TypeError, ValueError):
            pass
    if isinstance(x, numbers.Rational):
        return Fraction(int(x.numerator), int(x.denominator))
    ratio = getattr(x, "as_integer_ratio", None)  # Decimal, numpy floats
    if callable(ratio):
        try:
            p, q = ratio()
        except (ValueError, OverflowError, TypeError) as e:
            raise InputError("expected a finite number, got %r (%s)" % (x, e))
        return Fraction(p, q)
    raise InputError("expected an exact number, got %r of type %s" % (x, type(x).__name__))


def _from_float(x, floats):
    f = float(x)  # exact for every numpy float type up to float64
    if not math.isfinite(f):
        raise InputError("expected a finite number, got %r" % (x,))
    if floats == "exact":
        return Fraction(f)
    if floats == "decimal":
        return Fraction(repr(f))
    raise InputError('floats: expected "exact" or "decimal", got %r' % (floats,))


def _from_float_str(s, floats, x):
    try:
        return _from_float(float(x), floats)
    except (TypeError, ValueError):
        raise InputError("expected a finite number, got %s" % s)


_NUMBER = re.compile(r"^[+-]?(\d+/\d+|(\d+|\d+\.\d*|\.\d+)([eE][+-]?\d+)?)$")


def _parse_number(s):
    t = s.strip()
    if not _NUMBER.match(t):
        raise InputError("expected a number (integer, p/q, or decimal such as 2.5e-3), found %r" % s)
    try:
        return Fraction(t)
    except ZeroDivisionError:
        raise InputError("expected a nonzero denominator, found %r" % s)


def to_matrix(M, floats="exact"):
    """A matrix (nested lists, numpy array, SymPy or Sage matrix, ...) as a
    list of rows of Fractions, and its shape."""
    shape = getattr(M, "shape", None)
    if hasattr(M, "tolist"):  # numpy, SymPy
        rows = M.tolist()
    elif callable(getattr(M, "rows", None)) and callable(getattr(M, "nrows", None)):
        rows = [list(r) for r in M.rows()]  # Sage
        shape = (M.nrows(), M.ncols())
    else:
        try:
            rows = [list(r) for r in M]
        except TypeError:
            raise InputError("expected a matrix (a list of rows), got %r" % (M,))
    if shape is not None and len(shape) != 2:
        raise InputError("expected a 2-dimensional matrix, got shape %s" % (shape,))
    out = []
    for i, r in enumerate(rows):
        if not isinstance(r, (list, tuple)):
            raise InputError("expected row %d to be a list of numbers, got %r" % (i + 1, r))
        out.append([to_fraction(x, floats) for x in r])
    ncols = len(out[0]) if out else (shape[1] if shape is not None else 0)
    for i, r in enumerate(out):
        if len(r) != ncols:
            raise InputError("expected %d entries in row %d, found %d" % (ncols, i + 1, len(r)))
    return out, (len(out), ncols)


def fmt(x):
    """An exact number as the library writes it: "p" or "p/q"."""
    return str(x)


def matrix_text(M, floats="exact"):
    """A matrix in the library's matrix file format."""
    rows, (r, c) = to_matrix(M, floats)
    lines = ["matrix %d %d" % (r, c)]
    lines += [" ".join(fmt(x) for x in row) for row in rows] if c else []
    return "\n".join(lines) + "\n"


class Network:
    """A linear network theta = (W_1, ..., W_L) with exact rational weights.

    Network([W1, W2, ...]) takes the weight matrices in order (W_k is d_k x
    d_{k-1}) in any form to_matrix accepts; dims=(d_0, ..., d_L) is needed
    only to give the shape of matrices without rows.  floats="exact" (the
    default) reads a float as its exact binary value, floats="decimal" as
    the shortest decimal that prints it."""

    def __init__(self, weights, dims=None, floats="exact"):
        if isinstance(weights, Network):
            self.weights = [list(map(list, W)) for W in weights.weights]
            self.dims = tuple(weights.dims)
            return
        mats = []
        try:
            weights = list(weights)
        except TypeError:
            raise InputError("expected a list of weight matrices [W1, ..., WL]")
        if not weights:
            raise InputError("expected at least one weight matrix")
        shapes = []
        for k, W in enumerate(weights, 1):
            try:
                rows, shape = to_matrix(W, floats)
            except InputError as e:
                raise InputError("W%d: %s" % (k, e)) from None
            mats.append(rows)
            shapes.append(shape)
        if dims is None:
            dims = [shapes[0][1]] + [s[0] for s in shapes]
            for k in range(1, len(shapes)):
                if shapes[k][1] != shapes[k - 1][0] and shapes[k][0] > 0:
                    raise InputError(
                        "W%d is %d x %d but W%d has %d rows: expected %d columns"
                        % (k + 1, shapes[k][0], shapes[k][1], k, shapes[k - 1][0], shapes[k - 1][0])
                    )
        dims = tuple(int(d) for d in dims)
        if len(dims) != len(mats) + 1:
            raise InputError("dims: expected %d widths for %d matrices" % (len(mats) + 1, len(mats)))
        for k, rows in enumerate(mats, 1):
            r, c = len(rows), (len(rows[0]) if rows else dims[k - 1])
            if (r, c) != (dims[k], dims[k - 1]) and not (r == 0 and dims[k] == 0):
                raise InputError(
                    "W%d is %d x %d, expected %d x %d (d_%d x d_%d)" % (k, r, c, dims[k], dims[k - 1], k, k - 1)
                )
            if not rows:
                mats[k - 1] = [[] for _ in range(dims[k])] if dims[k] else []
        self.weights = mats
        self.dims = dims

    # ---- formats ----

    @property
    def L(self):
        return len(self.dims) - 1

    def text(self):
        """The network in the text format the library reads."""
        out = ["dims " + " ".join(str(d) for d in self.dims)]
        for k, W in enumerate(self.weights, 1):
            out.append("W%d" % k)
            if self.dims[k - 1] > 0:
                out += [" ".join(fmt(x) for x in row) for row in W]
        return "\n".join(out) + "\n"

    def json(self):
        """The network as a JSON object (entries as exact strings)."""
        return {"dims": list(self.dims), "weights": [[[fmt(x) for x in row] for row in W] for W in self.weights]}

    @classmethod
    def from_text(cls, text, name="net"):
        """Reads a network in any file format (text or JSON) through the
        library's reader; errors name `name`, the line and the column."""
        canon = _lib.call("rs_doc_net", _lib.cstr(text), len(text.encode("utf-8")), _lib.cstr(name))
        return cls._from_canonical(canon)

    @classmethod
    def _from_canonical(cls, text):
        lines = [l for l in text.splitlines() if l.strip() and not l.startswith("#")]
        dims = tuple(int(x) for x in lines[0].split()[1:])
        mats, i = [], 1
        for k in range(1, len(dims)):
            assert lines[i] == "W%d" % k, lines[i]
            i += 1
            rows = []
            for _ in range(dims[k]):
                if dims[k - 1] > 0:
                    rows.append([Fraction(x) for x in lines[i].split()])
                    i += 1
                else:  # a matrix without columns has no row lines
                    rows.append([])
            mats.append(rows)
        net = cls.__new__(cls)
        net.dims = dims
        net.weights = mats
        return net

    @classmethod
    def read(cls, path):
        """Reads a network file (text or JSON format)."""
        with open(path, "rb") as f:
            data = f.read()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            raise InputError("%s: expected UTF-8 text (%s)" % (path, e)) from None
        return cls.from_text(text, name=str(path))

    def write(self, path, format=None):
        """Writes the network (format "text", or "json"; by default from the
        file name: .json means JSON)."""
        import json

        if format is None:
            format = "json" if str(path).endswith(".json") else "text"
        if format == "json":
            data = json.dumps(self.json()) + "\n"
        elif format == "text":
            data = self.text()
        else:
            raise InputError('format: expected "text" or "json", got %r' % (format,))
        with open(path, "w") as f:
            f.write(data)

    # ---- Python protocols ----

    def __eq__(self, other):
        return isinstance(other, Network) and self.dims == other.dims and self.weights == other.weights

    def __repr__(self):
        return "Network(dims=%s)" % (self.dims,)

    def __getitem__(self, k):
        """W_k for k = 1..L (a list of rows of Fractions)."""
        if not 1 <= k <= self.L:
            raise IndexError("expected a layer 1 <= k <= %d" % self.L)
        return self.weights[k - 1]


def as_network(net, floats="exact"):
    if isinstance(net, Network):
        return net
    if isinstance(net, str):
        return Network.from_text(net)
    return Network(net, floats=floats)
