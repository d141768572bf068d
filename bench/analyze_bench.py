#!/usr/bin/env python3
"""Python side of bench/analyze_bench.sh (benchmark 2 of issue 6).

    analyze_bench.py truth NETWORK       the known rank list (from the
                                         "# planted: barcode ..." or
                                         "# ranks: ..." comment line)
    analyze_bench.py sympy NETWORK       rank list by SymPy (DomainMatrix
                                         over QQ, product by product)
    analyze_bench.py numpy NETWORK       rank list by numpy (float64
                                         products, numpy.linalg.matrix_rank)
    analyze_bench.py json-ranks FILE     the rank list of `rankstrat analyze
                                         --format json` output
    analyze_bench.py illcond OUT         writes the ill-conditioned network
                                         (a Hilbert layer, layers whose
                                         singular values span 30 orders of
                                         magnitude) with its exact rank list,
                                         computed here with Fractions
    analyze_bench.py generic OUT DIMS    writes a network of random integer
                                         weights in [-100, 100] (generic:
                                         r_ji = min(d_i, ..., d_j), which the
                                         benchmark checks against FLINT)

Rank lists are printed as "r_10 r_20 r_21 r_30 ..." (j = 1..L, i < j); the
sympy and numpy modes print "NAME SECONDS r_10 ..." (parsing excluded from
the time) or "NAME skipped: REASON" / "NAME error: MESSAGE".
"""
import json
import random
import re
import sys
import time
from fractions import Fraction


def read_network(path):
    """(dims, weights, comments): weights[k-1] = W_k as lists of Fractions."""
    comments = []
    tokens = []
    with open(path) as f:
        for line in f:
            s = line.strip()
            if s.startswith("#"):
                comments.append(s)
                continue
            tokens.extend(s.split())
    pos = 0
    if tokens[pos] != "dims":
        raise ValueError("expected dims")
    pos += 1
    dims = []
    while pos < len(tokens) and not tokens[pos].startswith("W"):
        dims.append(int(tokens[pos]))
        pos += 1
    weights = []
    for k in range(1, len(dims)):
        if tokens[pos] != "W%d" % k:
            raise ValueError("expected W%d" % k)
        pos += 1
        rows, cols = dims[k], dims[k - 1]
        W = []
        for _ in range(rows):
            W.append([Fraction(t) for t in tokens[pos:pos + cols]])
            pos += cols
        weights.append(W)
    return dims, weights, comments


def ranks_from_barcode(text, L):
    """r_ji = number of bars [b, e] with b <= i and e >= j."""
    bars = []
    for m in re.finditer(r"(\d*)\[(\d+),(\d+)\]", text):
        mult = int(m.group(1)) if m.group(1) else 1
        bars.append((mult, int(m.group(2)), int(m.group(3))))
    out = []
    for j in range(1, L + 1):
        for i in range(j):
            out.append(sum(mu for mu, b, e in bars if b <= i and e >= j))
    return out


def truth(path):
    dims, _, comments = read_network(path)
    L = len(dims) - 1
    for c in comments:
        if c.startswith("# planted: barcode"):
            bc = c[len("# planted: barcode"):].split(", seed")[0]
            return ranks_from_barcode(bc, L)
        if c.startswith("# ranks:"):
            return [int(t) for t in c[len("# ranks:"):].split()]
    raise ValueError("no known rank list in " + path)


def order(L):
    return [(i, j) for j in range(1, L + 1) for i in range(j)]


def run_sympy(path):
    try:
        from sympy import QQ
        from sympy.polys.matrices import DomainMatrix
    except ImportError:
        print("sympy skipped: install python3-sympy")
        return
    dims, weights, _ = read_network(path)
    L = len(dims) - 1
    Ws = [DomainMatrix([[QQ(x.numerator, x.denominator) for x in row]
                        for row in W], (dims[k + 1], dims[k]), QQ)
          for k, W in enumerate(weights)]
    t0 = time.time()
    r = {}
    for i in range(L):
        P = Ws[i]
        r[(i, i + 1)] = P.rank()
        for j in range(i + 2, L + 1):
            P = Ws[j - 1] * P
            r[(i, j)] = P.rank()
    secs = time.time() - t0
    print("sympy %.6f %s" % (secs, " ".join(str(r[c]) for c in order(L))))


def run_numpy(path):
    try:
        import numpy as np
    except ImportError:
        print("numpy skipped: install python3-numpy")
        return
    dims, weights, _ = read_network(path)
    L = len(dims) - 1
    try:
        Ws = [np.array([[float(x) for x in row] for row in W],
                       dtype=np.float64).reshape(dims[k + 1], dims[k])
              for k, W in enumerate(weights)]
    except OverflowError:
        print("numpy error: an entry does not fit in float64")
        return
    t0 = time.time()
    r = {}
    with np.errstate(all="ignore"):
        for i in range(L):
            P = Ws[i]
            for j in range(i + 1, L + 1):
                if j > i + 1:
                    P = Ws[j - 1] @ P
                try:
                    r[(i, j)] = int(np.linalg.matrix_rank(P))
                except np.linalg.LinAlgError:
                    r[(i, j)] = "svd-failed"  # inf/nan after overflow
    secs = time.time() - t0
    print("numpy %.6f %s" % (secs, " ".join(str(r[c]) for c in order(L))))


def json_ranks(path):
    with open(path) as f:
        data = json.load(f)
    r = {(i, j): v for i, j, v in data["ranks"]}
    L = len(data["dims"]) - 1
    return [r[c] for c in order(L)]


# ---- the ill-conditioned network ------------------------------------------

def unimodular(n, rng):
    """L U with unit diagonals and entries in {-1, 0, 1}: det = 1."""
    Lo = [[Fraction(int(i == j)) if j >= i else Fraction(rng.randint(-1, 1))
           for j in range(n)] for i in range(n)]
    Up = [[Fraction(int(i == j)) if j <= i else Fraction(rng.randint(-1, 1))
           for j in range(n)] for i in range(n)]
    return matmul(Lo, Up)


def matmul(A, B):
    n, m, p = len(A), len(B), len(B[0]) if B else 0
    return [[sum((A[i][k] * B[k][j] for k in range(m)), Fraction(0))
             for j in range(p)] for i in range(n)]


def exact_rank(A):
    M = [row[:] for row in A]
    rows = len(M)
    cols = len(M[0]) if rows else 0
    r = 0
    for c in range(cols):
        piv = next((i for i in range(r, rows) if M[i][c] != 0), None)
        if piv is None:
            continue
        M[r], M[piv] = M[piv], M[r]
        for i in range(r + 1, rows):
            if M[i][c] != 0:
                f = M[i][c] / M[r][c]
                M[i] = [a - f * b for a, b in zip(M[i], M[r])]
        r += 1
    return r


def illcond(out):
    """L = 6, widths 16: W_1 = the 16 x 16 Hilbert matrix (invertible,
    condition number ~1e22); W_k = A_k diag(s_k) B_k (k >= 2) with A_k, B_k
    unimodular and s_k = 1, 1e-2, ..., 1e-30 with two entries set to 0
    (planted rank drops): singular values over 30 orders of magnitude."""
    rng = random.Random(6)
    n, L = 16, 6
    H = [[Fraction(1, i + j + 1) for j in range(n)] for i in range(n)]
    weights = [H]
    for _ in range(2, L + 1):
        s = [Fraction(1, 10 ** (2 * a)) for a in range(n)]
        for a in rng.sample(range(n), 2):
            s[a] = Fraction(0)
        D = [[s[i] if i == j else Fraction(0) for j in range(n)]
             for i in range(n)]
        weights.append(matmul(matmul(unimodular(n, rng), D),
                              unimodular(n, rng)))
    ranks = []
    prods = {}
    for i in range(L):
        P = weights[i]
        prods[(i, i + 1)] = P
        for j in range(i + 2, L + 1):
            P = matmul(weights[j - 1], P)
            prods[(i, j)] = P
    ranks = [exact_rank(prods[c]) for c in order(L)]
    with open(out, "w") as f:
        f.write("# ill-conditioned: W1 = Hilbert(16), W2..W6 with singular "
                "values from 1 to 1e-30 and planted zeros\n")
        f.write("# ranks: %s\n" % " ".join(map(str, ranks)))
        f.write("dims %s\n" % " ".join([str(n)] * (L + 1)))
        for k, W in enumerate(weights, 1):
            f.write("W%d\n" % k)
            for row in W:
                f.write(" ".join(str(x) for x in row) + "\n")


def generic(out, dims_text):
    rng = random.Random(2)
    dims = [int(t) for t in dims_text.split(",")]
    L = len(dims) - 1
    ranks = [min(dims[i:j + 1]) for i, j in order(L)]
    with open(out, "w") as f:
        f.write("# generic: random integer weights in [-100, 100]\n")
        f.write("# ranks: %s\n" % " ".join(map(str, ranks)))
        f.write("dims %s\n" % " ".join(map(str, dims)))
        for k in range(1, L + 1):
            f.write("W%d\n" % k)
            for _ in range(dims[k]):
                f.write(" ".join(str(rng.randint(-100, 100))
                                 for _ in range(dims[k - 1])) + "\n")


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "generic":
        generic(sys.argv[2], sys.argv[3])
        return 0
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    mode, path = sys.argv[1], sys.argv[2]
    if mode == "truth":
        print(" ".join(map(str, truth(path))))
    elif mode == "sympy":
        run_sympy(path)
    elif mode == "numpy":
        run_numpy(path)
    elif mode == "json-ranks":
        print(" ".join(map(str, json_ranks(path))))
    elif mode == "illcond":
        illcond(path)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
