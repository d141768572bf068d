/* Tests of the modular linear algebra on the floating-point units
   (blas.c, blas_lu.c): exact products against fmpz_mat_mul; the blocked LU
   checked entry by entry (P A = L U mod p, the layout of blas.h) and its
   rank and column rank profile against FLINT's nmod_mat_rank and
   nmod_mat_rref, on random matrices, matrices with a planted rank profile
   and matrices of extreme residues (which make the delayed reduction cut
   its products into the shortest chunks), for primes from 3 to just below
   2^26 and shapes around the block sizes of the recursion. */
#include <stdlib.h>

#include <flint/ulong_extras.h>

#include "qspace/blas.h"
#include "qspace/qspace_internal.h"
#include "testutil.h"

/* The largest prime below n (FLINT 2.9 has no n_prevprime). */
static ulong prev_prime(ulong n)
{
    do
        n--;
    while (!n_is_prime(n));
    return n;
}

static double balanced(ulong e, ulong p)
{
    return e > (p - 1) / 2 ? -(double)(p - e) : (double)e;
}

static ulong unbalanced(double x, ulong p)
{
    return x < 0 ? (ulong)(x + (double)p) : (ulong)x;
}

/* The pivot columns of M's reduced row echelon form: the column rank
   profile, from FLINT. */
static slong flint_profile(slong *cols, const nmod_mat_t M)
{
    nmod_mat_t R;
    slong r, i, j;
    nmod_mat_init_set(R, M);
    r = nmod_mat_rref(R);
    for (i = 0, j = 0; i < r; i++, j++) {
        while (rs_nmod_mat_get(R, i, j) == 0)
            j++;
        cols[i] = j;
    }
    nmod_mat_clear(R);
    return r;
}

/* Runs the LU on M and checks every claim of its contract. */
static void check_lu(const nmod_mat_t M, ulong p)
{
    slong m = nmod_mat_nrows(M), n = nmod_mat_ncols(M), r, i, j, b;
    slong *perm = flint_malloc(sizeof(slong) * (m + 1));
    slong *cols = flint_malloc(sizeof(slong) * (FLINT_MIN(m, n) + 1));
    slong *want = flint_malloc(sizeof(slong) * (FLINT_MIN(m, n) + 1));
    double *W = flint_malloc(sizeof(double) * (m * n + 1));
    char *seen = flint_calloc(m + 1, 1);
    nmod_mat_t L, U, LU;

    for (i = 0; i < m; i++)
        for (j = 0; j < n; j++)
            W[i * n + j] = balanced(rs_nmod_mat_get(M, i, j), p);
    r = _rs_blas_lu_mod(W, m, n, n, p, perm, cols);
    ck_assert_int_eq(r, nmod_mat_rank(M));
    ck_assert_int_eq(flint_profile(want, M), r);
    for (b = 0; b < r; b++)
        ck_assert_int_eq(cols[b], want[b]);
    for (i = 0; i < m; i++) {
        ck_assert(perm[i] >= 0 && perm[i] < m && !seen[perm[i]]);
        seen[perm[i]] = 1;
    }
    /* Every entry balanced; L and U read off as blas.h says. */
    nmod_mat_init(L, m, r, p);
    nmod_mat_init(U, r, n, p);
    nmod_mat_init(LU, m, n, p);
    for (i = 0; i < m; i++)
        for (j = 0, b = 0; j < n; j++) {
            double x = W[i * n + j];
            int is_l, is_u;
            ck_assert(x == (double)(slong)x && 2 * x >= -(double)(p - 1) &&
                      2 * x <= (double)(p - 1));
            while (b < r && cols[b] < j)
                b++;
            is_l = b < r && cols[b] == j && i > b;
            is_u = i < r && j >= cols[i];
            if (is_l)
                rs_nmod_mat_set(L, i, b, unbalanced(x, p));
            else if (is_u)
                rs_nmod_mat_set(U, i, j, unbalanced(x, p));
            else
                ck_assert(x == 0);
        }
    for (b = 0; b < r; b++) {
        rs_nmod_mat_set(L, b, b, 1);
        ck_assert(rs_nmod_mat_get(U, b, cols[b]) != 0);
    }
    nmod_mat_mul(LU, L, U);
    for (i = 0; i < m; i++)
        for (j = 0; j < n; j++)
            ck_assert_uint_eq(rs_nmod_mat_get(LU, i, j),
                              rs_nmod_mat_get(M, perm[i], j));
    nmod_mat_clear(L);
    nmod_mat_clear(U);
    nmod_mat_clear(LU);
    flint_free(perm);
    flint_free(cols);
    flint_free(want);
    flint_free(W);
    flint_free(seen);
}

/* M = G E for a random m x r G and an r x n echelon E whose pivots are r
   random columns, plus `zero` rows of zeros swapped in: the column rank
   profile is E's pivots when G has rank r (checked by check_lu anyway). */
static void planted(nmod_mat_t M, slong r, flint_rand_t state)
{
    slong m = nmod_mat_nrows(M), n = nmod_mat_ncols(M), i, j, b;
    ulong p = M->mod.n;
    nmod_mat_t G, E;
    nmod_mat_init(G, m, r, p);
    nmod_mat_init(E, r, n, p);
    nmod_mat_randtest(G, state);
    for (b = 0, j = 0; b < r; b++) {
        /* the pivot of row b: leave room for the rows after it */
        j += (slong)n_randint(state, (ulong)(n - j - (r - b) + 1));
        rs_nmod_mat_set(E, b, j, 1 + n_randint(state, p - 1));
        for (i = j + 1; i < n; i++)
            rs_nmod_mat_set(E, b, i, n_randint(state, p));
        j++;
    }
    nmod_mat_mul(M, G, E);
    nmod_mat_clear(G);
    nmod_mat_clear(E);
}

static const slong dims[] = {1, 2, 7, 15, 16, 17, 31, 32, 33, 47, 64, 65, 97};

static ulong test_prime(slong t)
{
    switch (t % 5) {
    case 0:
        return prev_prime(RS_BLAS_MAX_PRIME); /* just below 2^26 */
    case 1:
        return prev_prime(UWORD(1) << 22);
    case 2:
        return 3;
    case 3:
        return n_nextprime(UWORD(1) << 25, 1);
    default:
        return 65521;
    }
}

START_TEST(test_lu_random)
{
    flint_rand_t state;
    slong a, b, t = 0;
    slong nd = sizeof(dims) / sizeof(dims[0]);
    rs_test_rand_init(state);
    for (a = 0; a < nd; a++)
        for (b = 0; b < nd; b++, t++) {
            ulong p = test_prime(t);
            nmod_mat_t M;
            nmod_mat_init(M, dims[a], dims[b], p);
            nmod_mat_randtest(M, state);
            check_lu(M, p);
            nmod_mat_clear(M);
        }
    rs_rand_clear(state);
}
END_TEST

START_TEST(test_lu_planted)
{
    flint_rand_t state;
    slong t, reps = rs_test_long() ? 400 : 80;
    rs_test_rand_init(state);
    for (t = 0; t < reps; t++) {
        ulong p = test_prime(t);
        slong m = 1 + (slong)n_randint(state, 140);
        slong n = 1 + (slong)n_randint(state, 140);
        slong r = (slong)n_randint(state, (ulong)FLINT_MIN(m, n) + 1);
        nmod_mat_t M;
        nmod_mat_init(M, m, n, p);
        planted(M, r, state);
        check_lu(M, p);
        nmod_mat_clear(M);
    }
    rs_rand_clear(state);
}
END_TEST

/* Residues of the largest size, +-h and +-(h - 1): products of h^2, so the
   updates are cut after _rs_blas_max_depth(p) terms (4 near 2^26). */
START_TEST(test_lu_extreme)
{
    flint_rand_t state;
    slong t, i, j;
    rs_test_rand_init(state);
    for (t = 0; t < 12; t++) {
        ulong p =
            t % 2 ? prev_prime(RS_BLAS_MAX_PRIME) : prev_prime(UWORD(1) << 23);
        ulong h = (p - 1) / 2;
        slong n = 20 + 13 * t, r = t % 3 == 0 ? n : n / 2;
        nmod_mat_t M;
        nmod_mat_init(M, n + 3, n, p);
        if (r == n) {
            for (i = 0; i < n + 3; i++)
                for (j = 0; j < n; j++) {
                    ulong e = h - n_randint(state, 2);
                    rs_nmod_mat_set(M, i, j, n_randint(state, 2) ? e : p - e);
                }
        } else
            planted(M, r, state);
        check_lu(M, p);
        nmod_mat_clear(M);
    }
    rs_rand_clear(state);
}
END_TEST

/* The chunk length is the largest with every partial sum below 2^52. */
START_TEST(test_max_depth)
{
    ulong ps[] = {3, 5, 65521, 4194301, 67108859};
    slong t;
    for (t = 0; t < 5; t++) {
        ulong p = ps[t], h = (p - 1) / 2;
        slong k = _rs_blas_max_depth(p);
        double h2 = (double)h * (double)h;
        ck_assert(k >= 1);
        ck_assert((double)k * h2 + (double)h <= 4503599627370496.0);
        if (k < 1000000000)
            ck_assert((double)(k + 1) * h2 + (double)h > 4503599627370496.0);
    }
    ck_assert_int_eq(_rs_blas_max_depth(67108859), 4);
}
END_TEST

/* _rs_blas_dgemm is exact on integers with partial sums near 2^51. */
START_TEST(test_dgemm_blas)
{
    flint_rand_t state;
    slong shapes[][3] = {
        {1, 1, 1}, {17, 5, 33}, {64, 64, 64}, {130, 70, 257}, {300, 3, 200}};
    slong t, i, j;
    rs_test_rand_init(state);
    for (t = 0; t < 5; t++) {
        slong m = shapes[t][0], n = shapes[t][1], k = shapes[t][2];
        /* |a b| <= 2^50 / k: every partial sum below 2^51 */
        slong bits = 25 - (FLINT_BIT_COUNT(k) + 1) / 2;
        fmpz_mat_t A, B, C, D;
        double *a = flint_malloc(sizeof(double) * m * k);
        double *bb = flint_malloc(sizeof(double) * k * n);
        double *c = flint_malloc(sizeof(double) * m * n);
        fmpz_mat_init(A, m, k);
        fmpz_mat_init(B, k, n);
        fmpz_mat_init(C, m, n);
        fmpz_mat_init(D, m, n);
        fmpz_mat_randbits(A, state, bits);
        fmpz_mat_randbits(B, state, bits);
        fmpz_mat_randbits(C, state, 50);
        for (i = 0; i < m * k; i++)
            a[i] = (double)fmpz_get_si(A->entries + i);
        for (i = 0; i < k * n; i++)
            bb[i] = (double)fmpz_get_si(B->entries + i);
        for (i = 0; i < m * n; i++)
            c[i] = (double)fmpz_get_si(C->entries + i);
        _rs_blas_dgemm(m, n, k, a, k, bb, n, c, n);
        fmpz_mat_mul(D, A, B);
        fmpz_mat_add(D, D, C);
        for (i = 0; i < m; i++)
            for (j = 0; j < n; j++)
                ck_assert(fmpz_equal_si(fmpz_mat_entry(D, i, j),
                                        (slong)c[i * n + j]));
        fmpz_mat_clear(A);
        fmpz_mat_clear(B);
        fmpz_mat_clear(C);
        fmpz_mat_clear(D);
        flint_free(a);
        flint_free(bb);
        flint_free(c);
    }
    rs_rand_clear(state);
}
END_TEST

/* The profile of an integer matrix through the LU (p <= 2^26) and through
   FLINT's nmod_mat_lu (larger p) agree on rank and pivot columns, which
   both read as the column rank profile; the pivot block is invertible. */
START_TEST(test_profile_paths)
{
    flint_rand_t state;
    slong t, reps = rs_test_long() ? 100 : 25;
    rs_test_rand_init(state);
    for (t = 0; t < reps; t++) {
        slong m = 1 + (slong)n_randint(state, 90);
        slong n = 1 + (slong)n_randint(state, 90);
        slong r = (slong)n_randint(state, (ulong)FLINT_MIN(m, n) + 1), i, j;
        ulong p = prev_prime(UWORD(1) << (20 + t % 7));
        fmpz_mat_t A, B;
        rs_profile_struct P1, P2;
        fmpz_mat_init(A, m, n);
        rs_test_rand_rank_z(A, r, state, 8);
        _rs_profile_init(&P1, m, n);
        _rs_profile_init(&P2, m, n);
        ck_assert_int_eq(_rs_profile_mod(&P1, A, p), r == 0 ? 0 : P1.r);
        _rs_profile_mod(&P2, A, n_nextprime(UWORD(1) << 62, 1));
        ck_assert_int_le(P1.r, r);
        if (P1.r == r)
            ck_assert_int_eq(P2.r, r);
        for (i = 0; i < FLINT_MIN(P1.r, P2.r); i++)
            ck_assert_int_eq(P1.cols[i], P2.cols[i]);
        fmpz_mat_init(B, P1.r, P1.r);
        for (i = 0; i < P1.r; i++)
            for (j = 0; j < P1.r; j++)
                fmpz_set(fmpz_mat_entry(B, i, j),
                         fmpz_mat_entry(A, P1.rows[i], P1.cols[j]));
        ck_assert_int_eq(fmpz_mat_rank(B), P1.r);
        fmpz_mat_clear(B);
        _rs_profile_clear(&P1);
        _rs_profile_clear(&P2);
        fmpz_mat_clear(A);
    }
    rs_rand_clear(state);
}
END_TEST

#ifdef RS_HAVE_OPENBLAS_THREADS
int openblas_get_num_threads(void);

/* The thread rule of blas.h: one BLAS thread between begin and end, nested
   pairs included, and OpenBLAS's own count back after the outermost end. */
START_TEST(test_serial_threads)
{
    int before = openblas_get_num_threads();
    _rs_blas_serial_begin();
    ck_assert_int_eq(openblas_get_num_threads(), 1);
    _rs_blas_serial_begin();
    ck_assert_int_eq(openblas_get_num_threads(), 1);
    _rs_blas_serial_end();
    ck_assert_int_eq(openblas_get_num_threads(), 1);
    _rs_blas_serial_end();
    ck_assert_int_eq(openblas_get_num_threads(), before);
}
END_TEST
#endif

int main(void)
{
    Suite *s = suite_create("blas_lu");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 0);
    tcase_add_test(tc, test_max_depth);
    tcase_add_test(tc, test_dgemm_blas);
    tcase_add_test(tc, test_lu_random);
    tcase_add_test(tc, test_lu_planted);
    tcase_add_test(tc, test_lu_extreme);
    tcase_add_test(tc, test_profile_paths);
#ifdef RS_HAVE_OPENBLAS_THREADS
    tcase_add_test(tc, test_serial_threads);
#endif
    suite_add_tcase(s, tc);
    return rs_test_run(s) ? EXIT_FAILURE : EXIT_SUCCESS;
}
