/* Tests of the lifting with limbs (lift.c, "limbs"): entries far beyond
   2^52 are split into limbs of b bits and the lifting still certifies the
   rank (RS_RANK_LIFT).  Answers are known by construction (products of
   random factors, blocks G [B, RN] of rank exactly r) and checked against
   FLINT's exact fmpz_mat_rank; every test also asserts that the limbs were
   used, so it fails if the lifting silently declines. */
#include <math.h>
#include <stdlib.h>

#include "qspace/lift_internal.h"
#include "testutil.h"

static slong rand_range(flint_rand_t state, slong lo, slong hi)
{
    return lo + (slong)n_randint(state, (ulong)(hi - lo + 1));
}

/* Entries of exactly `bits` bits (top bit set), random signs. */
static void rand_big(fmpz_mat_t A, flint_rand_t state, slong bits)
{
    slong i, j;
    for (i = 0; i < fmpz_mat_nrows(A); i++)
        for (j = 0; j < fmpz_mat_ncols(A); j++) {
            fmpz *e = fmpz_mat_entry(A, i, j);
            fmpz_randbits(e, state, bits);
            if (n_randint(state, 2))
                fmpz_neg(e, e);
        }
}

/* Entries in [-bound, bound]. */
static void rand_small(fmpz_mat_t A, flint_rand_t state, slong bound)
{
    slong i, j;
    for (i = 0; i < fmpz_mat_nrows(A); i++)
        for (j = 0; j < fmpz_mat_ncols(A); j++)
            fmpz_set_si(fmpz_mat_entry(A, i, j),
                        rand_range(state, -bound, bound));
}

/* A = F G (m x r times r x n) with F of `bits`-bit entries and G of small
   ones: rank r (almost surely; the tests compare with fmpz_mat_rank). */
static void big_product(fmpz_mat_t A, slong r, slong bits, flint_rand_t state)
{
    fmpz_mat_t F, G;
    fmpz_mat_init(F, fmpz_mat_nrows(A), r);
    fmpz_mat_init(G, r, fmpz_mat_ncols(A));
    rand_big(F, state, bits);
    rand_small(G, state, 100);
    fmpz_mat_mul(A, F, G);
    fmpz_mat_clear(F);
    fmpz_mat_clear(G);
}

/* rs_zmat_rank_info with lifting on: the rank, which must equal FLINT's,
   and the method, which must be the lifting. */
static void assert_lift_rank(const fmpz_mat_t A, slong threads)
{
    rs_rank_info_t info;
    slong r;
    rs_rank_info_init(info);
    info->threads = threads;
    r = rs_zmat_rank_info(A, info);
    ck_assert_int_eq(r, fmpz_mat_rank(A));
    ck_assert_int_eq(info->method, RS_RANK_LIFT);
}

/* Blocks of rank r = rows of B: RN given, l other rows G [B, RN] with G
   of small entries. */
static void blocks_from(rs_blocks_struct *K, const fmpz_mat_t B,
                        const fmpz_mat_t RN, slong l, flint_rand_t state)
{
    slong r = fmpz_mat_nrows(B), k = fmpz_mat_ncols(RN);
    fmpz_mat_t G;
    K->m = l + r;
    K->n = r + k;
    K->r = r;
    K->k = k;
    fmpz_mat_init_set(K->B, B);
    fmpz_mat_init_set(K->RN, RN);
    fmpz_mat_init(K->LC, l, r);
    fmpz_mat_init(K->LN, l, k);
    fmpz_mat_init(G, l, r);
    rand_small(G, state, 3);
    fmpz_mat_mul(K->LC, G, K->B);
    fmpz_mat_mul(K->LN, G, K->RN);
    fmpz_mat_clear(G);
}

/* The whole matrix [[B, RN], [LC, LN]] of blocks K. */
static void blocks_matrix(fmpz_mat_t A, const rs_blocks_struct *K)
{
    slong i, j, r = K->r;
    fmpz_mat_init(A, K->m, K->n);
    for (i = 0; i < K->m; i++)
        for (j = 0; j < K->n; j++) {
            const fmpz_mat_struct *M =
                i < r ? (j < r ? K->B : K->RN) : (j < r ? K->LC : K->LN);
            fmpz_set(fmpz_mat_entry(A, i, j),
                     fmpz_mat_entry(M, i < r ? i : i - r, j < r ? j : j - r));
        }
}

/* Asserts L Y = den R exactly. */
static void assert_rows_hold(const fmpz_mat_t L, const fmpz_mat_t R,
                             const fmpz_mat_t Y, const fmpz_t den)
{
    fmpz_mat_t T, U;
    fmpz_mat_init(T, fmpz_mat_nrows(R), fmpz_mat_ncols(R));
    fmpz_mat_init(U, fmpz_mat_nrows(R), fmpz_mat_ncols(R));
    fmpz_mat_mul(T, L, Y);
    fmpz_mat_scalar_mul_fmpz(U, R, den);
    ck_assert(fmpz_mat_equal(T, U));
    fmpz_mat_clear(T);
    fmpz_mat_clear(U);
}

/* sum_j 2^(b j) v[j * stride + i] */
static void limb_value(fmpz_t z, const double *v, slong stride, slong i,
                       slong nl, slong b)
{
    slong j;
    fmpz_zero(z);
    for (j = nl - 1; j >= 0; j--) {
        fmpz_mul_2exp(z, z, b);
        fmpz_add_si(z, z, (slong)v[j * stride + i]);
    }
}

/* The kernels of a limb step against fmpz arithmetic: the division from
   the top limb down gives T = p E + rem with |rem| <= (p - 1) / 2 (rem = 0
   exactly for multiples of p), and the carries keep E's value while
   bringing every limb but the top one into [-2^(b-1), 2^(b-1)]. */
START_TEST(test_limb_kernels)
{
    flint_rand_t state;
    slong iter, len = 40;
    rs_test_rand_init(state);
    for (iter = 0; iter < 300; iter++) {
        ulong p =
            n_nextprime(4096 + n_randint(state, (UWORD(1) << 26) - 8192), 1);
        double pd = (double)p, h = (pd - 1) / 2;
        slong b = rand_range(state, LIMB_MIN_BITS, 24),
              nl = rand_range(state, 1, 8);
        slong i, j, tb = 50 - b; /* |T_j| < 2^(50 - b) 2^b / 2: |v| < 2^51 */
        double *T = flint_malloc(nl * len * sizeof(double));
        double *E = flint_malloc(nl * len * sizeof(double));
        double *rem = flint_calloc(len, sizeof(double));
        double base = ldexp(1.0, (int)b), ibase = ldexp(1.0, -(int)b);
        fmpz_t t, e, r;
        fmpz_init(t);
        fmpz_init(e);
        fmpz_init(r);
        for (j = 0; j < nl; j++)
            for (i = 0; i < len; i++) {
                slong v = (slong)n_randint(state, UWORD(1) << (tb + b - 1));
                T[j * len + i] = (double)(n_randint(state, 2) ? v : -v);
            }
        /* some entries made multiples of p: T_0 adjusted by T mod p */
        for (i = 0; i < len; i += 2) {
            limb_value(t, T, len, i, nl, b);
            T[i] -= (double)fmpz_fdiv_ui(t, p);
        }
        for (j = nl - 1; j >= 0; j--)
            _rs_dvec_limb_divrem(E + j * len, rem, T + j * len, len, base, pd,
                                 1.0 / pd);
        for (i = 0; i < len; i++) {
            limb_value(t, T, len, i, nl, b);
            limb_value(e, E, len, i, nl, b);
            ck_assert(rem[i] >= -h && rem[i] <= h);
            fmpz_mul_ui(r, e, p);
            fmpz_add_si(r, r, (slong)rem[i]);
            ck_assert(fmpz_equal(r, t));
            if (i % 2 == 0)
                ck_assert(rem[i] == 0);
        }
        for (j = 0; j + 1 < nl; j++)
            _rs_dvec_limb_carry(E + j * len, E + (j + 1) * len, len, base,
                                ibase);
        for (i = 0; i < len; i++) {
            limb_value(t, T, len, i, nl, b);
            limb_value(e, E, len, i, nl, b);
            fmpz_mul_ui(r, e, p);
            fmpz_add_si(r, r, (slong)rem[i]);
            ck_assert(fmpz_equal(r, t));
            for (j = 0; j + 1 < nl; j++)
                ck_assert(fabs(E[j * len + i]) <= base / 2);
        }
        flint_free(T);
        flint_free(E);
        flint_free(rem);
        fmpz_clear(t);
        fmpz_clear(e);
        fmpz_clear(r);
    }
    rs_rand_clear(state);
}
END_TEST

/* The split into limbs adds up to the entries, limb by limb below 2^b and
   with the entry's sign, at the boundaries 2^b - 1, -2^b, 2^(jb), their
   neighbours and random sizes. */
START_TEST(test_limb_split)
{
    flint_rand_t state;
    slong iter;
    rs_test_rand_init(state);
    for (iter = 0; iter < 200; iter++) {
        slong b = rand_range(state, LIMB_MIN_BITS, 40), rows = 3, cols = 7;
        slong nl = rand_range(state, 1, 12), i, c, j;
        fmpz_mat_t M;
        fmpz_t s, lim;
        double *D = flint_malloc(nl * rows * cols * sizeof(double));
        fmpz_mat_init(M, rows, cols);
        fmpz_init(s);
        fmpz_init(lim);
        fmpz_one_2exp(lim, b * nl); /* entries must stay below */
        for (i = 0; i < rows; i++)
            for (c = 0; c < cols; c++) {
                fmpz *e = fmpz_mat_entry(M, i, c);
                slong kind = (slong)n_randint(state, 6);
                slong jb = b * (slong)n_randint(state, (ulong)nl);
                if (kind == 0) { /* 2^b - 1 */
                    fmpz_one_2exp(e, b);
                    fmpz_sub_ui(e, e, 1);
                } else if (kind == 1 && nl > 1) { /* -2^b */
                    fmpz_one_2exp(e, b);
                    fmpz_neg(e, e);
                } else if (kind == 2) { /* +-2^(jb) */
                    fmpz_one_2exp(e, jb);
                } else if (kind == 3) { /* 2^(jb) - 1, 2^(jb) + 1 */
                    fmpz_one_2exp(e, jb);
                    fmpz_add_si(e, e, n_randint(state, 2) ? 1 : -1);
                } else
                    fmpz_randbits(e, state, rand_range(state, 0, b * nl));
                if (kind != 1 && n_randint(state, 2))
                    fmpz_neg(e, e);
                if (fmpz_cmpabs(e, lim) >= 0)
                    fmpz_zero(e);
            }
        _rs_lift_split(D, rows * cols, cols, M, b, nl);
        for (i = 0; i < rows; i++)
            for (c = 0; c < cols; c++) {
                const fmpz *e = fmpz_mat_entry(M, i, c);
                fmpz_zero(s);
                for (j = nl - 1; j >= 0; j--) {
                    double v = D[j * rows * cols + i * cols + c];
                    ck_assert(v > -ldexp(1.0, (int)b) &&
                              v < ldexp(1.0, (int)b));
                    ck_assert(v == 0 || (v < 0) == (fmpz_sgn(e) < 0));
                    fmpz_mul_2exp(s, s, b);
                    fmpz_add_si(s, s, (slong)v);
                }
                ck_assert(fmpz_equal(s, e));
            }
        flint_free(D);
        fmpz_mat_clear(M);
        fmpz_clear(s);
        fmpz_clear(lim);
    }
    rs_rand_clear(state);
}
END_TEST

/* Products of random factors with entries of 60, 100, 200 and 1000 bits,
   planted ranks: the rank by lifting equals FLINT's; then one entry
   changed (rank one higher, as FLINT says), and the negated matrix. */
START_TEST(test_limb_rank_products)
{
    flint_rand_t state;
    const slong sizes[4] = {60, 100, 200, 1000};
    slong s, iter;
    rs_test_rand_init(state);
    for (s = 0; s < 4; s++)
        for (iter = 0; iter < (sizes[s] >= 1000 ? 2 : 4); iter++) {
            /* iter 1 (up to 200 bits): k = n - r >= 32 on two threads, two
               column blocks */
            slong m = rand_range(state, 30, 50),
                  n = iter == 1 && sizes[s] <= 200 ? rand_range(state, 90, 110)
                                                   : rand_range(state, 30, 50);
            slong r = rand_range(state, 18, FLINT_MIN(m, n) - 2);
            slong threads = 1 + iter % 2, i, j;
            fmpz_mat_t A;
            fmpz_mat_init(A, m, n);
            big_product(A, r, sizes[s], state);
            ck_assert(FLINT_ABS(fmpz_mat_max_bits(A)) >= sizes[s]);
            ck_assert_int_eq(fmpz_mat_rank(A), r);
            assert_lift_rank(A, threads);
            /* one entry off: rank r + 1 (by FLINT) */
            i = (slong)n_randint(state, (ulong)m);
            j = (slong)n_randint(state, (ulong)n);
            fmpz_add_ui(fmpz_mat_entry(A, i, j), fmpz_mat_entry(A, i, j), 1);
            ck_assert_int_eq(fmpz_mat_rank(A), r + 1);
            assert_lift_rank(A, threads);
            fmpz_mat_neg(A, A);
            assert_lift_rank(A, threads);
            fmpz_mat_clear(A);
        }
    rs_rand_clear(state);
}
END_TEST

/* Planted blocks of big entries, det B = +-q (B = U diag(q, 1, ...) V,
   U, V unimodular of bits / 4-bit entries, RN of bits = 60, 100, 200,
   1000): every stage on limbs; d = 1 and d = 7 q + 1 lack the factor q,
   which the proof recovers; the kernel data hold exactly; one entry of LN
   changed by 1 or by 2^(jb) (a single limb changed) proves the rank
   higher. */
START_TEST(test_limb_stages)
{
    flint_rand_t state;
    const ulong qs[4] = {2, 3, 5, 101};
    const slong sizes[4] = {60, 100, 200, 1000};
    slong iter;
    rs_test_rand_init(state);
    for (iter = 0; iter < 24; iter++) {
        /* k >= 32 on two threads: two column blocks (c0 > 0) */
        slong r = rand_range(state, 2, 30), k = iter % 4 == 1
                                                    ? rand_range(state, 40, 70)
                                                    : rand_range(state, 1, 30);
        slong l = rand_range(state, 1, 20), threads = 1 + iter % 2, pred = 0;
        slong bits = sizes[iter % 4], nprimes = 0, j, ysize;
        ulong q = qs[n_randint(state, 4)];
        rs_blocks_struct K;
        rs_lift_struct F;
        fmpz_mat_t U, V, D, RN, Y, A;
        fmpz_t d, det, den;
        fmpz_init(d);
        fmpz_init(det);
        fmpz_init(den);
        fmpz_mat_init(U, r, r);
        fmpz_mat_init(V, r, r);
        fmpz_mat_init(D, r, r);
        fmpz_mat_init(RN, r, k);
        rs_zmat_randunimodular(U, state, bits / 4);
        rs_zmat_randunimodular(V, state, bits / 4);
        fmpz_mat_one(D);
        fmpz_set_ui(fmpz_mat_entry(D, 0, 0), q);
        fmpz_mat_mul(D, U, D);
        fmpz_mat_mul(D, D, V);
        rand_big(RN, state, bits);
        blocks_from(&K, D, RN, l, state);
        fmpz_mat_det(det, K.B);
        fmpz_abs(det, det);
        ck_assert(fmpz_equal_ui(det, q));

        ck_assert(_rs_lift_init(&F, &K, 0));
        ck_assert(F.b >= LIMB_MIN_BITS); /* the limbs, not plain doubles */
        /* the size of det B^{-1} RN (the proof's step bound needs it) */
        fmpz_mat_init(Y, r, k);
        ck_assert(fmpz_mat_solve(Y, den, K.B, K.RN));
        ysize = FLINT_ABS(fmpz_mat_max_bits(Y)) + (slong)fmpz_bits(det);
        ck_assert_int_eq(_rs_lift_prove(&F, det, ysize, threads, NULL, NULL),
                         1);
        fmpz_one(d);
        ck_assert_int_eq(_rs_lift_prove(&F, d, ysize, threads, NULL, NULL), 1);
        fmpz_set_ui(d, 7 * q + 1);
        ck_assert_int_eq(_rs_lift_prove(&F, d, ysize + 8, threads, Y, den), 1);
        assert_rows_hold(K.B, K.RN, Y, den);
        assert_rows_hold(K.LC, K.LN, Y, den);
        ck_assert(_rs_lift_guess(d, &pred, &F, &K, threads));
        ck_assert(fmpz_sgn(d) > 0);
        ck_assert_int_eq(_rs_lift_prove(&F, d, pred, threads, NULL, NULL), 1);
        j = F.b * (slong)n_randint(state, (ulong)F.nlN);
        _rs_lift_clear(&F);
        ck_assert_int_eq(_rs_lift_certify(&K, threads, 0, &nprimes, Y, den), 1);
        assert_rows_hold(K.LC, K.LN, Y, den);
        blocks_matrix(A, &K);
        ck_assert_int_eq(fmpz_mat_rank(A), r);
        fmpz_mat_clear(A);

        /* one entry off the row space: by 1, or in one limb only */
        if (iter % 2 == 0)
            fmpz_add_ui(fmpz_mat_entry(K.LN, l - 1, k - 1),
                        fmpz_mat_entry(K.LN, l - 1, k - 1), 1);
        else {
            fmpz_one_2exp(d, j);
            fmpz_add(fmpz_mat_entry(K.LN, 0, 0), fmpz_mat_entry(K.LN, 0, 0), d);
        }
        blocks_matrix(A, &K);
        ck_assert_int_eq(fmpz_mat_rank(A), r + 1);
        fmpz_mat_clear(A);
        ck_assert(_rs_lift_init(&F, &K, 0));
        ck_assert(F.b >= LIMB_MIN_BITS);
        ck_assert_int_eq(_rs_lift_prove(&F, det, ysize, threads, NULL, NULL),
                         -1);
        fmpz_one(d);
        ck_assert_int_eq(_rs_lift_prove(&F, d, ysize, threads, NULL, NULL), -1);
        _rs_lift_clear(&F);
        ck_assert_int_eq(_rs_lift_certify(&K, threads, 0, &nprimes, NULL, NULL),
                         -1);

        fmpz_mat_clear(U);
        fmpz_mat_clear(V);
        fmpz_mat_clear(D);
        fmpz_mat_clear(RN);
        fmpz_mat_clear(Y);
        fmpz_clear(d);
        fmpz_clear(det);
        fmpz_clear(den);
        _rs_blocks_clear(&K);
    }
    rs_rand_clear(state);
}
END_TEST

/* An entry at or next to a limb boundary, or with zero limbs: one of
   2^b - 1, -2^b, +-2^(jb), 2^(jb) +- 1, x 2^(2b) + y (limb 1 zero). */
static void boundary_entry(fmpz_t e, slong b, slong nl, flint_rand_t state)
{
    slong j = rand_range(state, 1, nl - 1);
    switch (n_randint(state, 6)) {
    case 0:
        fmpz_one_2exp(e, b);
        fmpz_sub_ui(e, e, 1);
        break;
    case 1:
        fmpz_one_2exp(e, b);
        fmpz_neg(e, e);
        break;
    case 2:
        fmpz_one_2exp(e, b * j);
        if (n_randint(state, 2))
            fmpz_neg(e, e);
        break;
    case 3:
        fmpz_one_2exp(e, b * j);
        fmpz_add_si(e, e, n_randint(state, 2) ? 1 : -1);
        break;
    case 4:
        fmpz_set_ui(e, n_randint(state, UWORD(1) << b));
        fmpz_mul_2exp(e, e, 2 * b);
        fmpz_add_ui(e, e, n_randint(state, UWORD(1) << b));
        break;
    default:
        fmpz_randbits(e, state, b * (nl - 1));
        fmpz_mul_2exp(e, e, b); /* limb 0 zero */
        if (n_randint(state, 2))
            fmpz_neg(e, e);
    }
}

/* Blocks whose B and RN entries all sit at limb boundaries (b known from
   the prime handed as hint, which fixes b for r), including whole zero
   limbs and negative entries: rank r proved, the kernel data exact, and
   rank r + 1 after one change, all on limbs. */
START_TEST(test_limb_boundaries)
{
    flint_rand_t state;
    slong iter;
    rs_test_rand_init(state);
    for (iter = 0; iter < 16; iter++) {
        slong r = rand_range(state, 14, 24), k = rand_range(state, 4, 20);
        slong l = rand_range(state, 4, 12), nl = rand_range(state, 3, 6);
        slong threads = 1 + iter % 2, nprimes = 0, b, i, j;
        ulong hint = n_nextprime(UWORD(1) << 18, 1);
        rs_blocks_struct K;
        rs_lift_struct F;
        fmpz_mat_t B, RN, Y, A;
        fmpz_t den;
        fmpz_init(den);
        /* b for this r and hint, from any blocks of big entries */
        fmpz_mat_init(B, r, r);
        fmpz_mat_init(RN, r, k);
        do
            rand_big(B, state, 80);
        while (fmpz_mat_rank(B) < r);
        rand_big(RN, state, 80);
        blocks_from(&K, B, RN, l, state);
        ck_assert(_rs_lift_init(&F, &K, hint));
        b = F.b;
        ck_assert(b >= LIMB_MIN_BITS && F.p == hint);
        _rs_lift_clear(&F);
        _rs_blocks_clear(&K);

        do {
            for (i = 0; i < r; i++)
                for (j = 0; j < r; j++)
                    boundary_entry(fmpz_mat_entry(B, i, j), b, nl, state);
        } while (fmpz_mat_rank(B) < r);
        for (i = 0; i < r; i++)
            for (j = 0; j < k; j++)
                boundary_entry(fmpz_mat_entry(RN, i, j), b, nl, state);
        blocks_from(&K, B, RN, l, state);
        if (!_rs_lift_init(&F, &K, hint) || F.p != hint) {
            /* B singular modulo the hint: another prime, another b */
            _rs_lift_clear(&F);
            _rs_blocks_clear(&K);
            fmpz_mat_clear(B);
            fmpz_mat_clear(RN);
            fmpz_clear(den);
            continue;
        }
        ck_assert_int_eq(F.b, b);
        _rs_lift_clear(&F);
        fmpz_mat_init(Y, r, k);
        ck_assert_int_eq(_rs_lift_certify(&K, threads, hint, &nprimes, Y, den),
                         1);
        assert_rows_hold(K.B, K.RN, Y, den);
        assert_rows_hold(K.LC, K.LN, Y, den);
        blocks_matrix(A, &K);
        ck_assert_int_eq(fmpz_mat_rank(A), r);
        assert_lift_rank(A, threads);
        fmpz_mat_clear(A);
        /* an entry of LN set to a boundary value off the row space */
        boundary_entry(den, b, nl, state);
        fmpz_add(fmpz_mat_entry(K.LN, 0, k - 1), fmpz_mat_entry(K.LN, 0, k - 1),
                 den);
        blocks_matrix(A, &K);
        ck_assert_int_eq(fmpz_mat_rank(A), r + 1);
        ck_assert_int_eq(
            _rs_lift_certify(&K, threads, hint, &nprimes, NULL, NULL), -1);
        assert_lift_rank(A, threads);
        fmpz_mat_clear(A);
        fmpz_mat_clear(Y);
        fmpz_mat_clear(B);
        fmpz_mat_clear(RN);
        fmpz_clear(den);
        _rs_blocks_clear(&K);
    }
    rs_rand_clear(state);
}
END_TEST

/* A = P diag(d) Q (n x n) for fixed P, Q. */
static void diag_product(fmpz_mat_t A, const fmpz_mat_t P, const fmpz_mat_t Q,
                         const fmpz *d)
{
    slong n = fmpz_mat_nrows(A), i;
    fmpz_mat_t D;
    fmpz_mat_init(D, n, n);
    for (i = 0; i < n; i++)
        fmpz_set(fmpz_mat_entry(D, i, i), d + i);
    fmpz_mat_mul(D, P, D);
    fmpz_mat_mul(A, D, Q);
    fmpz_mat_clear(D);
}

/* Unlucky primes with limbs: A = P diag(1 x 18, q_0, .., q_{s-1}, 0 ..) Q
   with P, Q unimodular of 50-bit entries (A's entries beyond 2^64).  With
   the stream from a given start the q_j are its first primes; with the
   automatic start q_0 is the lifting's own prime _rs_lift_prime(A) (found
   as a fixed point, A's size barely depending on it).  The profile modulo
   such a prime is too low; the lifting on limbs must show it (a row
   outside the pivots not divisible by p) and the rank ends certified by
   the lifting. */
START_TEST(test_limb_unlucky_primes)
{
    flint_rand_t state;
    slong n = 24, i, j, s, t;
    ulong q[4], start = 1000003;
    fmpz d[24];
    fmpz_mat_t A, P, Q;
    rs_primes_struct S;
    rs_rank_info_t info;
    rs_test_rand_init(state);
    fmpz_mat_init(A, n, n);
    fmpz_mat_init(P, n, n);
    fmpz_mat_init(Q, n, n);
    rs_zmat_randunimodular(P, state, 50);
    rs_zmat_randunimodular(Q, state, 50);
    for (i = 0; i < n; i++)
        fmpz_init(d + i);
    _rs_primes_init(&S, n, n, start);
    for (i = 0; i < 4; i++)
        q[i] = _rs_primes_next(&S);
    for (s = 1; s <= 3; s++) {
        for (i = 0; i < n; i++)
            fmpz_set_ui(d + i, i < 18 ? 1 : 0);
        for (j = 0; j < s; j++)
            fmpz_set_ui(d + 18 + j, q[j]);
        diag_product(A, P, Q, d);
        ck_assert(FLINT_ABS(fmpz_mat_max_bits(A)) > 64);
        for (t = 1; t <= 2; t++) {
            rs_rank_info_init(info);
            info->prime_start = start;
            info->threads = t;
            ck_assert_int_eq(rs_zmat_rank_info(A, info), 18 + s);
            ck_assert_int_eq(fmpz_mat_rank(A), 18 + s);
            ck_assert_int_ge(info->restarts, 1);
            ck_assert_int_eq(info->method, RS_RANK_LIFT);
        }
    }
    /* the automatic start: the lifting's prime divides d_18 */
    for (i = 0; i < n; i++)
        fmpz_set_ui(d + i, i < 18 ? 1 : 0);
    fmpz_set_ui(d + 18, 4099);
    for (t = 0; t < 8; t++) {
        ulong pl;
        diag_product(A, P, Q, d);
        pl = _rs_lift_prime(A);
        ck_assert(pl != 0);
        if (fmpz_equal_ui(d + 18, pl))
            break;
        fmpz_set_ui(d + 18, pl);
    }
    ck_assert(t < 8);
    ck_assert_int_eq(fmpz_mat_rank(A), 19);
    rs_rank_info_init(info);
    ck_assert_int_eq(rs_zmat_rank_info(A, info), 19);
    ck_assert_int_ge(info->restarts, 1);
    ck_assert_int_eq(info->method, RS_RANK_LIFT);
    for (i = 0; i < n; i++)
        fmpz_clear(d + i);
    fmpz_mat_clear(A);
    fmpz_mat_clear(P);
    fmpz_mat_clear(Q);
    rs_rand_clear(state);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("lift_limbs");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 0);
    tcase_add_test(tc, test_limb_split);
    tcase_add_test(tc, test_limb_kernels);
    tcase_add_test(tc, test_limb_rank_products);
    tcase_add_test(tc, test_limb_stages);
    tcase_add_test(tc, test_limb_boundaries);
    tcase_add_test(tc, test_limb_unlucky_primes);
    suite_add_tcase(s, tc);
    return rs_test_run(s) ? EXIT_FAILURE : EXIT_SUCCESS;
}
