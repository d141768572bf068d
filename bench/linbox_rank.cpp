// linbox_rank: LinBox's rank of one integer matrix, for bench/rank_blas.sh
// (a benchmark baseline, built only when liblinbox-dev is installed).
//
//   linbox_rank FILE [REPEAT]
//
// FILE: "m n" and then the m n entries, row by row (as written by
// rank_blas --write).  Prints "rank R seconds T": T is the best of REPEAT
// runs (default 3) of LinBox::rank alone (reading excluded).  LinBox's
// rank of an integer matrix is Monte Carlo: the rank modulo one random
// prime, by FFLAS-FFPACK elimination over BLAS (OPENBLAS_NUM_THREADS sets
// BLAS's threads).
#include <linbox/linbox-config.h>

#include <givaro/zring.h>
#include <linbox/matrix/dense-matrix.h>
#include <linbox/solutions/rank.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::cerr << "usage: linbox_rank FILE [REPEAT]\n";
        return 1;
    }
    int repeat = argc > 2 ? std::atoi(argv[2]) : 3;
    std::ifstream in(argv[1]);
    size_t m, n;
    if (!(in >> m >> n)) {
        std::cerr << "linbox_rank: " << argv[1] << ": expected \"m n\"\n";
        return 1;
    }
    typedef Givaro::ZRing<Givaro::Integer> Ring;
    Ring ZZ;
    LinBox::DenseMatrix<Ring> A(ZZ, m, n);
    Givaro::Integer x;
    for (size_t i = 0; i < m; i++)
        for (size_t j = 0; j < n; j++) {
            if (!(in >> x)) {
                std::cerr << "linbox_rank: " << argv[1] << ": short file\n";
                return 1;
            }
            A.setEntry(i, j, x);
        }
    double best = 1e300;
    size_t r = 0;
    for (int t = 0; t < (repeat > 0 ? repeat : 1); t++) {
        auto t0 = std::chrono::steady_clock::now();
        LinBox::rank(r, A);
        std::chrono::duration<double> d = std::chrono::steady_clock::now() - t0;
        if (d.count() < best)
            best = d.count();
    }
    std::printf("rank %zu seconds %.4f\n", r, best);
    return 0;
}
