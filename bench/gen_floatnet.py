#!/usr/bin/env python3
"""Writes a network with float-like weights p/2^52 (|p| < 2^52 uniform),
as a float64 weight in [-1, 1] is exactly: bench/rank_blas.sh.

    gen_floatnet.py WIDTHS [SEED] > NET     (WIDTHS: d0,d1,...,dL)
"""
import random
import sys


def main():
    dims = [int(x) for x in sys.argv[1].split(",")]
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    out = sys.stdout
    den = 1 << 52
    out.write("# float-like weights p/2^52\n")
    out.write("dims " + " ".join(map(str, dims)) + "\n")
    for k in range(1, len(dims)):
        out.write("W%d\n" % k)
        for _ in range(dims[k]):
            out.write(" ".join("%d/%d" % (rng.randint(1 - den, den - 1), den)
                               for _ in range(dims[k - 1])) + "\n")


if __name__ == "__main__":
    main()
