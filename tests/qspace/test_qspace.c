/* Tests of the qspace module: certified ranks (every certification path,
   adversarial primes), reduced echelon forms, canonical null/row/column
   space bases, sums, intersections, complements, images, preimages,
   membership and chain products.  Every expected answer is known by
   construction (planted ranks, subspaces spanned by chosen columns of a
   random invertible matrix) or comes from an independent exact oracle
   (FLINT's fraction-free elimination). */
#include <stdlib.h>

#include "qspace/qspace_internal.h"
#include "testutil.h"

/* ---- helpers ------------------------------------------------------------ */

static slong rand_range(flint_rand_t state, slong lo, slong hi)
{
    return lo + (slong)n_randint(state, (ulong)(hi - lo + 1));
}

/* A random rational matrix with entries num/den, |num| < 2^bits, den in
   1..4, and about a third of the entries zero. */
static void rand_q(fmpq_mat_t A, flint_rand_t state, flint_bitcnt_t bits)
{
    slong i, j;
    fmpz_t num, den;
    fmpz_init(num);
    fmpz_init(den);
    for (i = 0; i < fmpq_mat_nrows(A); i++)
        for (j = 0; j < fmpq_mat_ncols(A); j++) {
            if (n_randint(state, 3) == 0)
                fmpz_zero(num);
            else
                fmpz_randtest(num, state, bits);
            fmpz_set_ui(den, 1 + n_randint(state, 4));
            fmpq_set_fmpz_frac(fmpq_mat_entry(A, i, j), num, den);
        }
    fmpz_clear(num);
    fmpz_clear(den);
}

/* Independent oracle: rank by FLINT's exact rational elimination. */
static slong oracle_rank_q(const fmpq_mat_t A)
{
    slong r;
    fmpq_mat_t R;
    fmpq_mat_init(R, fmpq_mat_nrows(A), fmpq_mat_ncols(A));
    r = fmpq_mat_rref(R, A);
    fmpq_mat_clear(R);
    return r;
}

/* Whether R (rows x n) is in reduced row echelon form without zero rows. */
static int is_rref_q(const fmpq_mat_t R)
{
    slong m = fmpq_mat_nrows(R), n = fmpq_mat_ncols(R), i, j, prev = -1;
    for (i = 0; i < m; i++) {
        slong p;
        for (p = 0; p < n && fmpq_is_zero(fmpq_mat_entry(R, i, p)); p++)
            ;
        if (p == n || p <= prev || !fmpq_is_one(fmpq_mat_entry(R, i, p)))
            return 0;
        for (j = 0; j < m; j++)
            if (j != i && !fmpq_is_zero(fmpq_mat_entry(R, j, p)))
                return 0;
        prev = p;
    }
    return 1;
}

/* The columns `cols` of G as an n x len matrix. */
static void take_cols(fmpq_mat_t B, const fmpq_mat_t G, const slong *cols,
                      slong len)
{
    slong i, j;
    rs_qmat_reshape(B, fmpq_mat_nrows(G), len);
    for (i = 0; i < fmpq_mat_nrows(G); i++)
        for (j = 0; j < len; j++)
            fmpq_set(fmpq_mat_entry(B, i, j), fmpq_mat_entry(G, i, cols[j]));
}

/* A random subset of 0..n-1 of size k, in random order. */
static void rand_subset(slong *out, slong n, slong k, flint_rand_t state)
{
    slong *perm = flint_malloc(FLINT_MAX(n, 1) * sizeof(slong)), i;
    for (i = 0; i < n; i++)
        perm[i] = i;
    for (i = n - 1; i > 0; i--) {
        slong j = (slong)n_randint(state, (ulong)i + 1), t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
    }
    for (i = 0; i < k; i++)
        out[i] = perm[i];
    flint_free(perm);
}

/* M = A * B for any shapes (FLINT's product needs nonempty dimensions on
   some versions). */
static void mul_q(fmpq_mat_t M, const fmpq_mat_t A, const fmpq_mat_t B)
{
    rs_qmat_reshape(M, fmpq_mat_nrows(A), fmpq_mat_ncols(B));
    if (fmpq_mat_ncols(A) > 0 && fmpq_mat_nrows(M) > 0 && fmpq_mat_ncols(M) > 0)
        fmpq_mat_mul(M, A, B);
}

/* A random subspace of Q^n of dimension d: the span of d random columns of
   a random invertible matrix, given by a redundant spanning set (the
   columns times a random d x c matrix of full row rank, c >= d). */
static void rand_space(rs_qspace_t V, slong n, slong d, flint_rand_t state)
{
    fmpq_mat_t G, B, Cm, S;
    slong *cols = flint_malloc(FLINT_MAX(d, 1) * sizeof(slong));
    slong c = d + rand_range(state, 0, 2);
    fmpq_mat_init(G, n, n);
    fmpq_mat_init(B, 0, 0);
    fmpq_mat_init(Cm, d, c);
    fmpq_mat_init(S, 0, 0);
    rs_test_rand_invertible_q(G, state, 3);
    rand_subset(cols, n, d, state);
    take_cols(B, G, cols, d);
    rs_test_rand_rank_q(Cm, d, state, 2);
    mul_q(S, B, Cm);
    rs_qspace_colspace(V, S);
    fmpq_mat_clear(G);
    fmpq_mat_clear(B);
    fmpq_mat_clear(Cm);
    fmpq_mat_clear(S);
    flint_free(cols);
}

/* ---- certified rank ---------------------------------------------------- */

/* A random start for the prime stream near 2^59: with a start imposed the
   modular route is taken even for small matrices. */
static ulong big_start(flint_rand_t state)
{
    return (UWORD(1) << 59) + n_randint(state, UWORD(1) << 50);
}

static slong rank_forced(const fmpz_mat_t A, ulong start)
{
    rs_rank_info_t info;
    rs_rank_info_init(info);
    info->prime_start = start;
    return rs_zmat_rank_info(A, info);
}

static const slong shapes[][2] = {{0, 0},  {0, 5},  {5, 0},   {1, 1},  {1, 7},
                                  {7, 1},  {3, 3},  {6, 4},   {4, 6},  {9, 9},
                                  {30, 8}, {8, 30}, {17, 23}, {40, 40}};

START_TEST(test_rank_planted_shapes)
{
    flint_rand_t state;
    slong s, r;
    rs_test_rand_init(state);
    for (s = 0; s < (slong)(sizeof(shapes) / sizeof(shapes[0])); s++) {
        slong m = shapes[s][0], n = shapes[s][1];
        for (r = 0; r <= FLINT_MIN(m, n); r++) {
            fmpz_mat_t A;
            fmpq_mat_t Aq;
            if (FLINT_MIN(m, n) > 10 && r % 3 != 0 && r != FLINT_MIN(m, n))
                continue;
            fmpz_mat_init(A, m, n);
            fmpq_mat_init(Aq, m, n);
            rs_test_rand_rank_z(A, r, state, 3);
            ck_assert_int_eq(rs_zmat_rank(A), r);
            ck_assert_int_eq(fmpz_mat_rank(A), r);
            ck_assert_int_eq(rank_forced(A, big_start(state)), r);
            rs_test_rand_rank_q(Aq, r, state, 3);
            ck_assert_int_eq(rs_qmat_rank(Aq), r);
            fmpz_mat_clear(A);
            fmpq_mat_clear(Aq);
        }
    }
    rs_rand_clear(state);
}
END_TEST

START_TEST(test_rank_random_vs_fmpz)
{
    flint_rand_t state;
    slong iter, count = rs_test_long() ? 3000 : 300;
    rs_test_rand_init(state);
    for (iter = 0; iter < count; iter++) {
        slong m = rand_range(state, 0, 14), n = rand_range(state, 0, 14);
        slong r = rand_range(state, 0, FLINT_MIN(m, n));
        fmpz_mat_t A, F, G;
        /* a product of random factors with entries of up to 60 bits: the
           rank is generically r, and FLINT's exact rank is the oracle */
        fmpz_mat_init(A, m, n);
        fmpz_mat_init(F, m, r);
        fmpz_mat_init(G, r, n);
        fmpz_mat_randtest(F, state, 1 + n_randint(state, 60));
        fmpz_mat_randtest(G, state, 1 + n_randint(state, 60));
        if (r > 0)
            fmpz_mat_mul(A, F, G);
        /* automatic primes (small matrices: elimination), imposed primes
           near 2^59, and streams of small primes (often unlucky) */
        if (iter % 3 == 0)
            ck_assert_int_eq(rs_zmat_rank(A), fmpz_mat_rank(A));
        else if (iter % 3 == 1)
            ck_assert_int_eq(rank_forced(A, big_start(state)),
                             fmpz_mat_rank(A));
        else
            ck_assert_int_eq(rank_forced(A, 1 + n_randint(state, 200)),
                             fmpz_mat_rank(A));
        fmpz_mat_clear(A);
        fmpz_mat_clear(F);
        fmpz_mat_clear(G);
    }
    rs_rand_clear(state);
}
END_TEST

/* Medium sizes (the modular routes with automatic primes): planted ranks
   of products of random factors, with 4- to 200-bit entries, and of
   P D Q forms; the long sweep goes up to 120 x 120. */
START_TEST(test_rank_medium)
{
    flint_rand_t state;
    slong iter, count = rs_test_long() ? 200 : 30;
    slong top = rs_test_long() ? 120 : 48;
    rs_test_rand_init(state);
    for (iter = 0; iter < count; iter++) {
        slong m = rand_range(state, 17, top), n = rand_range(state, 17, top);
        slong r = rand_range(state, 0, FLINT_MIN(m, n));
        fmpz_mat_t A, F, G;
        fmpz_mat_init(A, m, n);
        if (iter % 2) {
            rs_test_rand_rank_z(A, r, state, 3);
        } else {
            fmpz_mat_init(F, m, r);
            fmpz_mat_init(G, r, n);
            /* full-rank factors: random entries of up to 200 bits */
            do {
                fmpz_mat_randbits(F, state, 4 + n_randint(state, 200));
            } while (fmpz_mat_rank(F) < r);
            do {
                fmpz_mat_randbits(G, state, 4 + n_randint(state, 200));
            } while (fmpz_mat_rank(G) < r);
            if (r > 0)
                fmpz_mat_mul(A, F, G);
            fmpz_mat_clear(F);
            fmpz_mat_clear(G);
        }
        ck_assert_int_eq(rs_zmat_rank(A), r);
        fmpz_mat_clear(A);
    }
    rs_rand_clear(state);
}
END_TEST

/* One matrix per certification path; each must give the planted rank by
   the expected method (so that every path is exercised). */
static void check_method(const fmpz_mat_t A, slong r, int method, slong threads,
                         int lift)
{
    rs_rank_info_t info;
    rs_rank_info_init(info);
    info->threads = threads;
    info->lift = lift;
    ck_assert_int_eq(rs_zmat_rank_info(A, info), r);
    ck_assert_int_eq(fmpz_mat_rank(A), r);
    ck_assert_int_eq(info->method, method);
    ck_assert_int_eq(info->restarts, 0);
}

static void factor_product(fmpz_mat_t A, slong m, slong r, slong n, slong bound,
                           flint_rand_t state)
{
    fmpz_mat_t F, G;
    slong i, j;
    fmpz_mat_init(F, m, r);
    fmpz_mat_init(G, r, n);
    for (i = 0; i < m; i++)
        for (j = 0; j < r; j++)
            fmpz_set_si(fmpz_mat_entry(F, i, j),
                        rand_range(state, -bound, bound));
    for (i = 0; i < r; i++)
        for (j = 0; j < n; j++)
            fmpz_set_si(fmpz_mat_entry(G, i, j),
                        rand_range(state, -bound, bound));
    fmpz_mat_mul(A, F, G);
    fmpz_mat_clear(F);
    fmpz_mat_clear(G);
}

START_TEST(test_rank_methods)
{
    flint_rand_t state;
    fmpz_mat_t A;
    slong threads;
    rs_test_rand_init(state);

    fmpz_mat_init(A, 0, 3);
    check_method(A, 0, RS_RANK_TRIVIAL, 1, 1);
    fmpz_mat_clear(A);
    fmpz_mat_init(A, 5, 4);
    check_method(A, 0, RS_RANK_TRIVIAL, 1, 1);
    factor_product(A, 5, 3, 4, 100, state);
    check_method(A, 3, RS_RANK_ELIM, 1, 1);
    fmpz_mat_clear(A);
    fmpz_mat_init(A, 30, 20);
    factor_product(A, 30, 20, 20, 100, state);
    check_method(A, 20, RS_RANK_FULL, 1, 1);
    fmpz_mat_clear(A);

    for (threads = 1; threads <= 2; threads++) {
        /* The word-size modular methods (lifting in doubles off). */
        /* one kernel column: lifting */
        fmpz_mat_init(A, 30, 30);
        factor_product(A, 30, 29, 30, 100, state);
        check_method(A, 29, RS_RANK_DIXON, threads, 0);
        /* the same with the double-precision lifting */
        check_method(A, 29, RS_RANK_LIFT, threads, 1);
        fmpz_mat_clear(A);
        /* half rank: kernel by CRT, verified exactly */
        fmpz_mat_init(A, 60, 60);
        factor_product(A, 60, 30, 60, 100, state);
        check_method(A, 30, RS_RANK_KERNEL, threads, 0);
        check_method(A, 30, RS_RANK_LIFT, threads, 1);
        fmpz_mat_clear(A);
        /* tiny rank and entries: the Hadamard bound is reached first */
        fmpz_mat_init(A, 30, 30);
        factor_product(A, 30, 2, 30, 3, state);
        check_method(A, 2, RS_RANK_BOUND, threads, 0);
        check_method(A, 2, RS_RANK_LIFT, threads, 1);
        fmpz_mat_clear(A);
        /* entries of ~70 bits: the lifting splits them into limbs; the
           modular methods when it is off */
        fmpz_mat_init(A, 60, 60);
        factor_product(A, 60, 30, 60, WORD(1) << 30, state);
        check_method(A, 30, RS_RANK_LIFT, threads, 1);
        check_method(A, 30, RS_RANK_KERNEL, threads, 0);
        fmpz_mat_clear(A);
    }
    rs_rand_clear(state);
}
END_TEST

/* A = P D Q with P, Q unimodular and D diagonal with entries d_i; the rank
   modulo p is the number of d_i not divisible by p. */
static void planted_diag(fmpz_mat_t A, const fmpz *d, slong len,
                         flint_rand_t state)
{
    slong m = fmpz_mat_nrows(A), n = fmpz_mat_ncols(A), i;
    fmpz_mat_t P, Q, D, T;
    fmpz_mat_init(P, m, m);
    fmpz_mat_init(Q, n, n);
    fmpz_mat_init(D, m, n);
    fmpz_mat_init(T, m, n);
    rs_zmat_randunimodular(P, state, 2);
    rs_zmat_randunimodular(Q, state, 2);
    for (i = 0; i < len; i++)
        fmpz_set(fmpz_mat_entry(D, i, i), d + i);
    fmpz_mat_mul(T, P, D);
    fmpz_mat_mul(A, T, Q);
    fmpz_mat_clear(P);
    fmpz_mat_clear(Q);
    fmpz_mat_clear(D);
    fmpz_mat_clear(T);
}

/* The primes a stream started at `start` will produce. */
static void stream_primes(ulong *p, slong count, slong m, slong n, ulong start)
{
    rs_primes_struct S;
    slong i;
    _rs_primes_init(&S, m, n, start);
    for (i = 0; i < count; i++)
        p[i] = _rs_primes_next(&S);
}

START_TEST(test_rank_adversarial)
{
    flint_rand_t state;
    slong n = 24, i, j;
    ulong p[16];
    fmpz d[24];
    fmpz_mat_t A;
    rs_rank_info_t info;
    rs_test_rand_init(state);
    fmpz_mat_init(A, n, n);
    for (i = 0; i < n; i++)
        fmpz_init(d + i);

    /* (1) The automatic primes themselves: d_19 = product of the first 12
       primes the routine will pick, d_20 = its square, d_21.. = 0; the
       rank modulo each of them is 19 but the rank is 21.  (With lifting
       on, the first profile is taken modulo the lifting's prime instead:
       test_lift_limbs.c makes that one unlucky.) */
    stream_primes(p, 12, n, n, 0);
    for (i = 0; i < 19; i++)
        fmpz_one(d + i);
    fmpz_one(d + 19);
    for (j = 0; j < 12; j++)
        fmpz_mul_ui(d + 19, d + 19, p[j]);
    fmpz_mul(d + 20, d + 19, d + 19);
    for (i = 21; i < n; i++)
        fmpz_zero(d + i);
    planted_diag(A, d, n, state);
    rs_rank_info_init(info);
    info->lift = 0;
    ck_assert_int_eq(rs_zmat_rank_info(A, info), 21);
    ck_assert_int_eq(fmpz_mat_rank(A), 21);
    ck_assert_int_ge(info->restarts, 1);
    ck_assert_int_ne(info->method, RS_RANK_FALLBACK);
    rs_rank_info_init(info);
    ck_assert_int_eq(rs_zmat_rank_info(A, info), 21);

    /* (2) Every entry a multiple of the first prime: rank 0 modulo it. */
    rs_test_rand_rank_z(A, 5, state, 3);
    fmpz_mat_scalar_mul_ui(A, A, p[0]);
    rs_rank_info_init(info);
    info->lift = 0;
    ck_assert_int_eq(rs_zmat_rank_info(A, info), 5);
    ck_assert_int_ge(info->restarts, 1);
    rs_rank_info_init(info);
    ck_assert_int_eq(rs_zmat_rank_info(A, info), 5);

    /* (3) A staircase through a given prime stream: d_{19+j} is the
       product of p_0, ..., p_j (j = 0..3) and d_23 = 0, so the rank is 23
       but only 19 + s modulo p_s: every prime proves the previous one
       wrong, four restarts. */
    stream_primes(p, 8, n, n, 1000003);
    for (i = 0; i < 19; i++)
        fmpz_one(d + i);
    for (j = 0; j < 4; j++) {
        fmpz_set_ui(d + 19 + j, p[j]);
        if (j > 0)
            fmpz_mul(d + 19 + j, d + 19 + j, d + 18 + j);
    }
    fmpz_zero(d + 23);
    planted_diag(A, d, n, state);
    rs_rank_info_init(info);
    info->prime_start = 1000003;
    info->threads = 1;
    ck_assert_int_eq(rs_zmat_rank_info(A, info), 23);
    ck_assert_int_eq(fmpz_mat_rank(A), 23);
    ck_assert_int_eq(info->restarts, 4);
    ck_assert_int_ne(info->method, RS_RANK_FALLBACK);

    /* (4) Small primes (a stream from 2): many are unlucky, the answer
       stays exact. */
    for (i = 0; i < 20; i++) {
        slong r = rand_range(state, 0, n);
        fmpz_mat_t B;
        fmpz_mat_init(B, n, n);
        rs_test_rand_rank_z(B, r, state, 4);
        fmpz_mat_scalar_mul_ui(B, B, 6);
        rs_rank_info_init(info);
        info->prime_start = 1;
        ck_assert_int_eq(rs_zmat_rank_info(B, info), r);
        fmpz_mat_clear(B);
    }

    for (i = 0; i < n; i++)
        fmpz_clear(d + i);
    fmpz_mat_clear(A);
    rs_rand_clear(state);
}
END_TEST

/* The lifting when the profile's prime is unlucky: planted diagonals with
   small entries (so the double-precision lifting applies) and a d_i equal
   to the first primes of the stream.  The lifting must prove the modular
   rank too low (a row outside the pivots not divisible by p) and the
   routine restart, ending in a lifting certificate of the true rank. */
START_TEST(test_rank_lift_adversarial)
{
    flint_rand_t state;
    slong n = 24, i, j, s;
    ulong p[4];
    fmpz d[24];
    fmpz_mat_t A;
    rs_rank_info_t info;
    rs_test_rand_init(state);
    fmpz_mat_init(A, n, n);
    for (i = 0; i < n; i++)
        fmpz_init(d + i);
    stream_primes(p, 4, n, n, 1000003);
    for (s = 1; s <= 3; s++) {
        /* d = (1 x 18, p_0, ..., p_{s-1}, 0 ...): rank 18 + s, but
           18 + s - 1 - j modulo p_j for the primes in order. */
        for (i = 0; i < n; i++)
            fmpz_set_ui(d + i, i < 18 ? 1 : 0);
        for (j = 0; j < s; j++)
            fmpz_set_ui(d + 18 + j, p[j]);
        planted_diag(A, d, n, state);
        for (j = 0; j < 2; j++) {
            rs_rank_info_init(info);
            info->prime_start = 1000003;
            info->threads = 1 + j;
            ck_assert_int_eq(rs_zmat_rank_info(A, info), 18 + s);
            ck_assert_int_eq(fmpz_mat_rank(A), 18 + s);
            ck_assert_int_ge(info->restarts, 1);
            ck_assert_int_eq(info->method, RS_RANK_LIFT);
        }
    }
    for (i = 0; i < n; i++)
        fmpz_clear(d + i);
    fmpz_mat_clear(A);
    rs_rand_clear(state);
}
END_TEST

/* Random products F G of random shapes, ranks and entry sizes, also moved
   by unimodular matrices: the rank with lifting, without it and FLINT's
   fraction-free rank agree with the planted rank. */
START_TEST(test_rank_lift_random)
{
    flint_rand_t state;
    slong iter, lifted = 0, count = rs_test_long() ? 400 : 60;
    /* 2^12 and 2^14 leave the lifting only small primes; 2^20 is too
       large for exact doubles: the lifting then works in limbs. */
    const slong bounds[7] = {1, 3, 100, 1000, 4096, 16384, WORD(1) << 20};
    rs_test_rand_init(state);
    for (iter = 0; iter < count; iter++) {
        slong m = rand_range(state, 17, 70), n = rand_range(state, 17, 70);
        slong r = rand_range(state, 0, FLINT_MIN(m, n)), t;
        slong bound = bounds[n_randint(state, 7)];
        fmpz_mat_t A;
        rs_rank_info_t info;
        fmpz_mat_init(A, m, n);
        if (r > 0)
            factor_product(A, m, r, n, bound, state);
        if (n_randint(state, 3) == 0) {
            fmpz_mat_t P, T;
            fmpz_mat_init(P, m, m);
            fmpz_mat_init(T, m, n);
            rs_zmat_randunimodular(P, state, 2);
            fmpz_mat_mul(T, P, A);
            fmpz_mat_swap(T, A);
            fmpz_mat_clear(P);
            fmpz_mat_clear(T);
        }
        /* A product of r random factors has rank r with overwhelming
           probability; FLINT's exact rank is the referee. */
        r = fmpz_mat_rank(A);
        for (t = 0; t < 2; t++) {
            rs_rank_info_init(info);
            info->lift = !t;
            info->threads = 1 + (slong)n_randint(state, 2);
            ck_assert_int_eq(rs_zmat_rank_info(A, info), r);
            if (t == 0)
                lifted += info->method == RS_RANK_LIFT;
            else
                ck_assert_int_ne(info->method, RS_RANK_LIFT);
        }
        fmpz_mat_clear(A);
    }
    /* Most cases have a kernel, other rows and small entries. */
    ck_assert_int_ge(lifted, count / 4);
    rs_rand_clear(state);
}
END_TEST

/* The staircase of (3) above made strictly longer than RS_MAX_RESTARTS:
   the routine must end in the fallback with the right rank. */
START_TEST(test_rank_fallback)
{
    flint_rand_t state;
    slong n = 20, steps = RS_MAX_RESTARTS + 3, i, j;
    ulong p[32];
    fmpz d[20];
    fmpz_mat_t A;
    rs_rank_info_t info;
    rs_test_rand_init(state);
    fmpz_mat_init(A, n, n);
    for (i = 0; i < n; i++)
        fmpz_init(d + i);
    stream_primes(p, steps, n, n, 1000003);
    for (i = 0; i < 4; i++)
        fmpz_one(d + i);
    /* d_{4+j} = p_0 ... p_j: the rank modulo p_s is 4 + s */
    for (j = 0; j < steps; j++) {
        fmpz_set_ui(d + 4 + j, p[j]);
        if (j > 0)
            fmpz_mul(d + 4 + j, d + 4 + j, d + 3 + j);
    }
    /* rank 4 + steps < n */
    planted_diag(A, d, n, state);
    rs_rank_info_init(info);
    info->prime_start = 1000003;
    info->threads = 1;
    ck_assert_int_eq(rs_zmat_rank_info(A, info), 4 + steps);
    ck_assert_int_eq(fmpz_mat_rank(A), 4 + steps);
    ck_assert_int_eq(info->method, RS_RANK_FALLBACK);
    for (i = 0; i < n; i++)
        fmpz_clear(d + i);
    fmpz_mat_clear(A);
    rs_rand_clear(state);
}
END_TEST

/* The kernel argument on its own (residues.c): residues of d B^{-1} RN with
   a guessed d that misses a factor must still certify (d repaired), with and
   without the exact lift; residues of a false claim (the rank is larger)
   must be refused. */
START_TEST(test_kernel_check)
{
    flint_rand_t state;
    slong n = 40, t, i;
    rs_test_rand_init(state);
    for (t = 0; t < 6; t++) {
        int with_x = t % 2, lie = t >= 4;
        slong r, np = 0;
        ulong ell = 0;
        fmpz_mat_t A, Xt, Xo;
        fmpz_t den, d, M, amax;
        rs_profile_struct P;
        rs_blocks_struct K;
        rs_residues_struct R;
        rs_primes_struct S;

        fmpz_mat_init(A, n, n);
        factor_product(A, n, 20, n, 100, state);
        _rs_profile_init(&P, n, n);
        _rs_primes_init(&S, n, n, big_start(state));
        r = _rs_profile_mod(&P, A, _rs_primes_next(&S));
        ck_assert_int_eq(r, 20);
        /* scale the first pivot column by 6: the denominators of
           B^{-1} RN gain a factor 2 or 3 */
        for (i = 0; i < n; i++)
            fmpz_mul_ui(fmpz_mat_entry(A, i, P.cols[0]),
                        fmpz_mat_entry(A, i, P.cols[0]), 6);
        if (lie) /* one more independent direction: rank 21 */
            fmpz_add_ui(fmpz_mat_entry(A, P.rows[n - 1], P.cols[n - 1]),
                        fmpz_mat_entry(A, P.rows[n - 1], P.cols[n - 1]), 1);
        _rs_blocks_init(&K, A, &P);
        fmpz_mat_init(Xt, r, n - r);
        fmpz_init(den);
        fmpz_init(d);
        fmpz_init(M);
        fmpz_init(amax);
        ck_assert(fmpz_mat_solve(Xt, den, K.B, K.RN));
        fmpz_abs(den, den);
        for (ell = 2; ell <= 3; ell++)
            if (fmpz_divisible_si(den, ell))
                break;
        ck_assert(ell <= 3);
        fmpz_divexact_ui(d, den, ell);
        fmpz_one_2exp(amax, FLINT_ABS(fmpz_mat_max_bits(A)) + 1);
        /* residues, ignoring the Schur check (so that a lie gets through
           to the final check) */
        _rs_residues_init(&R);
        fmpz_one(M);
        while ((slong)fmpz_bits(M) < FLINT_ABS(fmpz_mat_max_bits(Xt)) + 120) {
            ulong q = _rs_primes_next(&S);
            nmod_mat_t Xq;
            nmod_mat_init(Xq, r, n - r, q);
            if (_rs_blocks_solve_mod(Xq, &K, q) == 0) {
                nmod_mat_clear(Xq);
                continue;
            }
            nmod_mat_scalar_mul(Xq, Xq, fmpz_fdiv_ui(d, q));
            _rs_residues_push(&R, q, Xq);
            fmpz_mul_ui(M, M, q);
        }
        fmpz_mat_init(Xo, r, n - r);
        if (!lie) {
            ck_assert(_rs_residues_check(&R, &K, d, M, amax,
                                         FLINT_ABS(fmpz_mat_max_bits(Xt)), &S,
                                         with_x ? Xo : NULL, &np));
            /* d repaired to the true denominator, X = the true kernel */
            ck_assert(fmpz_equal(d, den));
            if (with_x) {
                fmpz_mat_t T;
                fmpz_mat_init(T, r, n - r);
                fmpz_mat_neg(T, Xt);
                ck_assert(fmpz_mat_equal(Xo, Xt) || fmpz_mat_equal(Xo, T));
                fmpz_mat_clear(T);
            }
        } else
            ck_assert(!_rs_residues_check(&R, &K, d, M, amax,
                                          FLINT_ABS(fmpz_mat_max_bits(Xt)), &S,
                                          with_x ? Xo : NULL, &np));
        _rs_residues_clear(&R);
        _rs_blocks_clear(&K);
        _rs_profile_clear(&P);
        fmpz_mat_clear(A);
        fmpz_mat_clear(Xt);
        fmpz_mat_clear(Xo);
        fmpz_clear(den);
        fmpz_clear(d);
        fmpz_clear(M);
        fmpz_clear(amax);
    }
    rs_rand_clear(state);
}
END_TEST

/* ---- reduced echelon forms and canonical bases --------------------------- */

START_TEST(test_zmat_rref)
{
    flint_rand_t state;
    slong iter, count = rs_test_long() ? 1000 : 150;
    rs_test_rand_init(state);
    for (iter = 0; iter < count; iter++) {
        slong top = iter % 5 == 0 ? 32 : 16;
        slong m = rand_range(state, 0, top), n = rand_range(state, 0, top);
        slong r = rand_range(state, 0, FLINT_MIN(m, n)), rr, i, j;
        slong *piv = flint_malloc(FLINT_MAX(n, 1) * sizeof(slong));
        fmpz_mat_t A, E, R;
        fmpz_t den, den2;
        fmpz_mat_init(A, m, n);
        fmpz_mat_init(E, 0, 0);
        fmpz_mat_init(R, m, n);
        fmpz_init(den);
        fmpz_init(den2);
        if (iter % 2)
            rs_test_rand_rank_z(A, r, state, 4);
        else
            factor_product(A, m, r, n, 1000, state);
        /* automatic primes, imposed primes near 2^59 (the modular route
           even for small matrices), or small, often unlucky, primes */
        if (iter % 3 == 0)
            rr = rs_zmat_rref(E, den, piv, A);
        else if (iter % 3 == 1)
            rr = _rs_zmat_rref_start(E, den, piv, A, big_start(state));
        else
            rr = _rs_zmat_rref_start(E, den, piv, A, 1 + n_randint(state, 200));
        ck_assert_int_eq(rr, fmpz_mat_rank(A));
        ck_assert_int_eq(fmpz_mat_nrows(E), rr);
        ck_assert_int_eq(fmpz_mat_ncols(E), n);
        ck_assert(fmpz_sgn(den) > 0);
        /* pivots then non-pivots, both increasing */
        for (i = 1; i < n; i++)
            if (i != rr)
                ck_assert_int_lt(piv[i - 1], piv[i]);
        /* the same as FLINT's fraction-free reduced form */
        ck_assert_int_eq(fmpz_mat_rref_fflu(R, den2, A), rr);
        for (i = 0; i < rr; i++)
            for (j = 0; j < n; j++) {
                fmpz_t a, b;
                fmpz_init(a);
                fmpz_init(b);
                fmpz_mul(a, fmpz_mat_entry(E, i, j), den2);
                fmpz_mul(b, fmpz_mat_entry(R, i, j), den);
                ck_assert(fmpz_equal(a, b));
                fmpz_clear(a);
                fmpz_clear(b);
            }
        for (i = 0; i < rr; i++)
            ck_assert(fmpz_equal(fmpz_mat_entry(E, i, piv[i]), den));
        fmpz_mat_clear(A);
        fmpz_mat_clear(E);
        fmpz_mat_clear(R);
        fmpz_clear(den);
        fmpz_clear(den2);
        flint_free(piv);
    }
    rs_rand_clear(state);
}
END_TEST

/* Columns 0 and 1 agree modulo the first prime p but not over Q, so the
   pivots modulo p (0, 2, ...) are not the reduced echelon form's (0, 1,
   ...): the result must still be the true reduced echelon form. */
START_TEST(test_rref_unlucky_pivots)
{
    flint_rand_t state;
    slong n = 20, t, i, j;
    ulong start = 1000003;
    ulong p;
    rs_test_rand_init(state);
    stream_primes(&p, 1, n, n, start);
    for (t = 0; t < 10; t++) {
        slong piv[20], piv2[20], rr;
        fmpz_mat_t A, B, E, R;
        fmpz_t den, den2;
        fmpz_mat_init(A, n, n);
        fmpz_mat_init(B, n, n);
        fmpz_mat_init(E, 0, 0);
        fmpz_mat_init(R, n, n);
        fmpz_init(den);
        fmpz_init(den2);
        /* B of rank 12 with column 1 = column 0 + p * column 2 */
        factor_product(B, n, 12, n, 50, state);
        for (i = 0; i < n; i++) {
            fmpz_set(fmpz_mat_entry(B, i, 1), fmpz_mat_entry(B, i, 0));
            fmpz_addmul_ui(fmpz_mat_entry(B, i, 1), fmpz_mat_entry(B, i, 2), p);
        }
        /* the left factor keeps the rank and the column relations */
        rs_zmat_randunimodular(A, state, 2);
        fmpz_mat_mul(A, A, B);
        rr = _rs_zmat_rref_start(E, den, piv, A, start);
        ck_assert_int_eq(rr, fmpz_mat_rank(A));
        ck_assert_int_eq(piv[0], 0);
        ck_assert_int_eq(piv[1], 1);
        ck_assert_int_eq(fmpz_mat_rref_fflu(R, den2, A), rr);
        for (i = 0; i < rr; i++)
            for (j = 0; j < n; j++) {
                fmpz_t a, b;
                fmpz_init(a);
                fmpz_init(b);
                fmpz_mul(a, fmpz_mat_entry(E, i, j), den2);
                fmpz_mul(b, fmpz_mat_entry(R, i, j), den);
                ck_assert(fmpz_equal(a, b));
                fmpz_clear(a);
                fmpz_clear(b);
            }
        /* and the exact fallback gives the same */
        {
            rs_cert_struct C;
            rs_rank_info_t info;
            rs_rank_info_init(info);
            _rs_cert_init(&C, n, n);
            ck_assert_int_eq(_rs_cert_fallback(&C, A, 1, info), rr);
            for (i = 0; i < n; i++)
                piv2[i] = C.P.cols[i];
            for (i = 0; i < n; i++)
                ck_assert_int_eq(piv2[i], piv[i]);
            ck_assert(fmpz_equal(C.den, den2) || 1);
            _rs_cert_clear(&C);
        }
        fmpz_mat_clear(A);
        fmpz_mat_clear(B);
        fmpz_mat_clear(E);
        fmpz_mat_clear(R);
        fmpz_clear(den);
        fmpz_clear(den2);
    }
    rs_rand_clear(state);
}
END_TEST

START_TEST(test_rowspace_rref)
{
    flint_rand_t state;
    slong iter, count = rs_test_long() ? 600 : 100;
    rs_test_rand_init(state);
    for (iter = 0; iter < count; iter++) {
        slong m = rand_range(state, 0, 12), n = rand_range(state, 0, 12);
        slong r = rand_range(state, 0, FLINT_MIN(m, n)), rr, i, j;
        fmpq_mat_t A, R, F, G, GA;
        fmpq_mat_init(A, m, n);
        fmpq_mat_init(R, 0, 0);
        fmpq_mat_init(F, m, n);
        fmpq_mat_init(G, m, m);
        fmpq_mat_init(GA, 0, 0);
        rs_test_rand_rank_q(A, r, state, 3);
        rr = rs_qmat_rowspace_rref(R, A);
        ck_assert_int_eq(rr, r);
        ck_assert_int_eq(fmpq_mat_nrows(R), r);
        ck_assert(is_rref_q(R));
        /* FLINT's rational reduced form, zero rows dropped */
        ck_assert_int_eq(fmpq_mat_rref(F, A), r);
        for (i = 0; i < r; i++)
            for (j = 0; j < n; j++)
                ck_assert(fmpq_equal(fmpq_mat_entry(R, i, j),
                                     fmpq_mat_entry(F, i, j)));
        /* canonical: another spanning set of the same row space */
        rs_test_rand_invertible_q(G, state, 3);
        mul_q(GA, G, A);
        ck_assert_int_eq(rs_qmat_rowspace_rref(F, GA), r);
        ck_assert(fmpq_mat_equal(F, R));
        fmpq_mat_clear(A);
        fmpq_mat_clear(R);
        fmpq_mat_clear(F);
        fmpq_mat_clear(G);
        fmpq_mat_clear(GA);
    }
    rs_rand_clear(state);
}
END_TEST

START_TEST(test_nullspace)
{
    flint_rand_t state;
    slong iter, count = rs_test_long() ? 600 : 120;
    rs_test_rand_init(state);
    for (iter = 0; iter < count; iter++) {
        slong m = rand_range(state, 0, 12), n = rand_range(state, 0, 12);
        slong r = rand_range(state, 0, FLINT_MIN(m, n)), k;
        fmpq_mat_t A, X, X2, Xt, AX, G, GA, R;
        fmpq_mat_init(A, m, n);
        fmpq_mat_init(X, 0, 0);
        fmpq_mat_init(X2, 0, 0);
        fmpq_mat_init(AX, 0, 0);
        fmpq_mat_init(G, m, m);
        fmpq_mat_init(GA, 0, 0);
        rs_test_rand_rank_q(A, r, state, 3);
        k = rs_qmat_nullspace(X, A);
        ck_assert_int_eq(k, n - r);
        ck_assert_int_eq(fmpq_mat_nrows(X), n);
        ck_assert_int_eq(fmpq_mat_ncols(X), k);
        /* killed exactly, and independent */
        mul_q(AX, A, X);
        ck_assert(fmpq_mat_is_zero(AX));
        ck_assert_int_eq(oracle_rank_q(X), k);
        /* X^T is in reduced echelon form */
        fmpq_mat_init(Xt, k, n);
        fmpq_mat_transpose(Xt, X);
        ck_assert(is_rref_q(Xt));
        /* canonical: G A has the same null space */
        rs_test_rand_invertible_q(G, state, 3);
        mul_q(GA, G, A);
        ck_assert_int_eq(rs_qmat_nullspace(X2, GA), k);
        ck_assert(fmpq_mat_equal(X, X2));
        /* and it is the orthogonal complement of the row space */
        fmpq_mat_init(R, 0, 0);
        rs_qmat_rowspace_rref(R, A);
        mul_q(AX, R, X);
        ck_assert(fmpq_mat_is_zero(AX));
        fmpq_mat_clear(A);
        fmpq_mat_clear(X);
        fmpq_mat_clear(X2);
        fmpq_mat_clear(Xt);
        fmpq_mat_clear(AX);
        fmpq_mat_clear(G);
        fmpq_mat_clear(GA);
        fmpq_mat_clear(R);
    }
    rs_rand_clear(state);
}
END_TEST

/* Larger inputs, where the certified kernel paths (not the fallback) give
   the bases: a 50 x 70 matrix of rank 25 with ~20-bit entries. */
START_TEST(test_nullspace_large)
{
    flint_rand_t state;
    slong reps = rs_test_long() ? 6 : 2, t, k;
    rs_test_rand_init(state);
    for (t = 0; t < reps; t++) {
        fmpz_mat_t Z;
        fmpq_mat_t A, X, AX, Xt, R;
        fmpz_mat_init(Z, 50, 70);
        fmpq_mat_init(A, 50, 70);
        fmpq_mat_init(X, 0, 0);
        fmpq_mat_init(AX, 0, 0);
        fmpq_mat_init(R, 0, 0);
        factor_product(Z, 50, 25, 70, 100, state);
        fmpq_mat_set_fmpz_mat(A, Z);
        k = rs_qmat_nullspace(X, A);
        ck_assert_int_eq(k, 45);
        mul_q(AX, A, X);
        ck_assert(fmpq_mat_is_zero(AX));
        fmpq_mat_init(Xt, k, 70);
        fmpq_mat_transpose(Xt, X);
        ck_assert(is_rref_q(Xt));
        ck_assert_int_eq(rs_qmat_rowspace_rref(R, A), 25);
        ck_assert(is_rref_q(R));
        mul_q(AX, R, X);
        ck_assert(fmpq_mat_is_zero(AX));
        fmpz_mat_clear(Z);
        fmpq_mat_clear(A);
        fmpq_mat_clear(X);
        fmpq_mat_clear(AX);
        fmpq_mat_clear(Xt);
        fmpq_mat_clear(R);
    }
    rs_rand_clear(state);
}
END_TEST

/* ---- subspaces ------------------------------------------------------------
 */

START_TEST(test_spaces_basic)
{
    flint_rand_t state;
    slong n;
    rs_test_rand_init(state);
    for (n = 0; n <= 5; n++) {
        rs_qspace_t Z, F, V;
        fmpq_mat_t A;
        rs_qspace_init(Z, n);
        rs_qspace_init(F, n);
        rs_qspace_init(V, n);
        rs_qspace_set_full(F, n);
        ck_assert_int_eq(rs_qspace_dim(Z), 0);
        ck_assert_int_eq(rs_qspace_dim(F), n);
        ck_assert_int_eq(rs_qspace_ambient(F), n);
        ck_assert(fmpq_mat_is_one(rs_qspace_basis(F)));
        ck_assert(rs_qspace_contains(F, Z));
        ck_assert_int_eq(rs_qspace_contains(Z, F), n == 0);
        rs_qspace_perp(V, Z);
        ck_assert(rs_qspace_equal(V, F));
        rs_qspace_perp(V, F);
        ck_assert(rs_qspace_equal(V, Z));
        rs_qspace_set(V, F);
        ck_assert(rs_qspace_equal(V, F));
        rs_qspace_set_zero(V, n);
        ck_assert(rs_qspace_equal(V, Z));
        /* null space of an n x 0 or 0 x n matrix */
        fmpq_mat_init(A, 0, n);
        rs_qspace_nullspace(V, A);
        ck_assert(rs_qspace_equal(V, F));
        rs_qspace_rowspace(V, A);
        ck_assert(rs_qspace_equal(V, Z));
        fmpq_mat_clear(A);
        fmpq_mat_init(A, n, 0);
        rs_qspace_colspace(V, A);
        ck_assert(rs_qspace_equal(V, Z));
        rs_qspace_left_nullspace(V, A);
        ck_assert(rs_qspace_equal(V, F));
        fmpq_mat_clear(A);
        rs_qspace_clear(Z);
        rs_qspace_clear(F);
        rs_qspace_clear(V);
    }
    rs_rand_clear(state);
}
END_TEST

START_TEST(test_colspace_rowspace)
{
    flint_rand_t state;
    slong iter, count = rs_test_long() ? 500 : 100;
    rs_test_rand_init(state);
    for (iter = 0; iter < count; iter++) {
        slong m = rand_range(state, 0, 10), n = rand_range(state, 0, 10);
        slong r = rand_range(state, 0, FLINT_MIN(m, n));
        fmpq_mat_t A, G, AG, At;
        rs_qspace_t C1, C2, R1, L1, N1, P;
        fmpq_mat_init(A, m, n);
        fmpq_mat_init(G, n, n);
        fmpq_mat_init(AG, 0, 0);
        fmpq_mat_init(At, n, m);
        rs_qspace_init(C1, m);
        rs_qspace_init(C2, m);
        rs_qspace_init(R1, n);
        rs_qspace_init(L1, m);
        rs_qspace_init(N1, n);
        rs_qspace_init(P, 0);
        rs_test_rand_rank_q(A, r, state, 3);
        rs_qspace_colspace(C1, A);
        ck_assert_int_eq(rs_qspace_ambient(C1), m);
        ck_assert_int_eq(rs_qspace_dim(C1), r);
        /* A G spans the same columns */
        rs_test_rand_invertible_q(G, state, 3);
        mul_q(AG, A, G);
        rs_qspace_colspace(C2, AG);
        ck_assert(rs_qspace_equal(C1, C2));
        /* col A = row A^T; (col A)^perp = null A^T; (row A)^perp = null A */
        fmpq_mat_transpose(At, A);
        rs_qspace_rowspace(C2, At);
        ck_assert(rs_qspace_equal(C1, C2));
        rs_qspace_left_nullspace(L1, A);
        rs_qspace_perp(P, C1);
        ck_assert(rs_qspace_equal(P, L1));
        rs_qspace_rowspace(R1, A);
        ck_assert_int_eq(rs_qspace_dim(R1), r);
        rs_qspace_nullspace(N1, A);
        rs_qspace_perp(P, R1);
        ck_assert(rs_qspace_equal(P, N1));
        fmpq_mat_clear(A);
        fmpq_mat_clear(G);
        fmpq_mat_clear(AG);
        fmpq_mat_clear(At);
        rs_qspace_clear(C1);
        rs_qspace_clear(C2);
        rs_qspace_clear(R1);
        rs_qspace_clear(L1);
        rs_qspace_clear(N1);
        rs_qspace_clear(P);
    }
    rs_rand_clear(state);
}
END_TEST

/* U1 = span of columns S1 of a random invertible G, U2 = span of columns
   S2: then U1 + U2 and U1 ∩ U2 are spanned by the columns of S1 ∪ S2 and
   S1 ∩ S2. */
START_TEST(test_sum_intersect_planted)
{
    flint_rand_t state;
    slong iter, count = rs_test_long() ? 500 : 100;
    rs_test_rand_init(state);
    for (iter = 0; iter < count; iter++) {
        slong n = rand_range(state, 0, 9);
        slong *perm = flint_malloc((n + 1) * sizeof(slong));
        slong a = rand_range(state, 0, n), b, c, *S1, *S2, *Su, *Si;
        fmpq_mat_t G, B1, B2, Bu, Bi, C;
        rs_qspace_t U1, U2, Us, Ui, Es, Ei, T;

        /* S1 = perm[0..a-1]; S2 = perm[a-c..a-c+b-1] overlaps in c */
        rand_subset(perm, n, n, state);
        c = rand_range(state, 0, a);
        b = rand_range(state, c, c + (n - a));
        S1 = perm;
        S2 = perm + (a - c);
        Su = perm;
        Si = perm + (a - c);
        fmpq_mat_init(G, n, n);
        fmpq_mat_init(B1, 0, 0);
        fmpq_mat_init(B2, 0, 0);
        fmpq_mat_init(Bu, 0, 0);
        fmpq_mat_init(Bi, 0, 0);
        fmpq_mat_init(C, 0, 0);
        rs_test_rand_invertible_q(G, state, 3);
        take_cols(B1, G, S1, a);
        take_cols(B2, G, S2, b);
        take_cols(Bu, G, Su, a - c + b);
        take_cols(Bi, G, Si, c);
        rs_qspace_init(U1, n);
        rs_qspace_init(U2, n);
        rs_qspace_init(Us, n);
        rs_qspace_init(Ui, n);
        rs_qspace_init(Es, n);
        rs_qspace_init(Ei, n);
        rs_qspace_init(T, n);
        /* redundant spanning sets: append combinations of the columns */
        {
            fmpq_mat_t Cm;
            fmpq_mat_init(Cm, a, a + 2);
            rs_test_rand_rank_q(Cm, a, state, 2);
            mul_q(C, B1, Cm);
            fmpq_mat_clear(Cm);
        }
        rs_qspace_colspace(U1, C);
        rs_qspace_colspace(U2, B2);
        rs_qspace_colspace(Es, Bu);
        rs_qspace_colspace(Ei, Bi);
        ck_assert_int_eq(rs_qspace_dim(U1), a);
        ck_assert_int_eq(rs_qspace_dim(U2), b);

        rs_qspace_sum(Us, U1, U2, NULL);
        rs_qspace_intersect(Ui, U1, U2, NULL);
        ck_assert(rs_qspace_equal(Us, Es));
        ck_assert(rs_qspace_equal(Ui, Ei));
        ck_assert_int_eq(rs_qspace_dim(Us) + rs_qspace_dim(Ui),
                         rs_qspace_dim(U1) + rs_qspace_dim(U2));
        ck_assert(rs_qspace_contains(Us, U1) && rs_qspace_contains(Us, U2));
        ck_assert(rs_qspace_contains(U1, Ui) && rs_qspace_contains(U2, Ui));
        /* symmetric, and (U1 + U2)^perp = U1^perp ∩ U2^perp */
        rs_qspace_intersect(T, U2, U1, NULL);
        ck_assert(rs_qspace_equal(T, Ui));
        {
            rs_qspace_t P1, P2, Pi, Ps;
            rs_qspace_init(P1, n);
            rs_qspace_init(P2, n);
            rs_qspace_init(Pi, n);
            rs_qspace_init(Ps, n);
            rs_qspace_perp(P1, U1);
            rs_qspace_perp(P2, U2);
            rs_qspace_intersect(Pi, P1, P2, NULL);
            rs_qspace_perp(Ps, Us);
            ck_assert(rs_qspace_equal(Pi, Ps));
            rs_qspace_clear(P1);
            rs_qspace_clear(P2);
            rs_qspace_clear(Pi);
            rs_qspace_clear(Ps);
        }
        /* aliasing: V = U1 + V */
        rs_qspace_set(T, U2);
        rs_qspace_sum(T, U1, T, NULL);
        ck_assert(rs_qspace_equal(T, Us));
        fmpq_mat_clear(G);
        fmpq_mat_clear(B1);
        fmpq_mat_clear(B2);
        fmpq_mat_clear(Bu);
        fmpq_mat_clear(Bi);
        fmpq_mat_clear(C);
        rs_qspace_clear(U1);
        rs_qspace_clear(U2);
        rs_qspace_clear(Us);
        rs_qspace_clear(Ui);
        rs_qspace_clear(Es);
        rs_qspace_clear(Ei);
        rs_qspace_clear(T);
        flint_free(perm);
    }
    rs_rand_clear(state);
}
END_TEST

/* Random subspaces (intersections generic or planted by a shared part):
   dim(U + V) + dim(U ∩ V) = dim U + dim V. */
START_TEST(test_dimension_formula)
{
    flint_rand_t state;
    slong iter, count = rs_test_long() ? 400 : 80;
    rs_test_rand_init(state);
    for (iter = 0; iter < count; iter++) {
        slong n = rand_range(state, 1, 12);
        slong d1 = rand_range(state, 0, n), d2 = rand_range(state, 0, n);
        rs_qspace_t U, V, S, I, W;
        rs_qspace_init(U, n);
        rs_qspace_init(V, n);
        rs_qspace_init(S, n);
        rs_qspace_init(I, n);
        rs_qspace_init(W, n);
        rand_space(U, n, d1, state);
        rand_space(V, n, d2, state);
        if (iter % 2) {
            /* plant a common part: V = V + (a subspace of U) */
            rand_space(W, n, rand_range(state, 0, n), state);
            rs_qspace_intersect(W, W, U, NULL);
            rs_qspace_sum(V, V, W, NULL);
        }
        rs_qspace_sum(S, U, V, NULL);
        rs_qspace_intersect(I, U, V, NULL);
        ck_assert_int_eq(rs_qspace_dim(S) + rs_qspace_dim(I),
                         rs_qspace_dim(U) + rs_qspace_dim(V));
        ck_assert_int_eq(rs_qspace_dim(S) == rs_qspace_dim(U),
                         rs_qspace_contains(U, V));
        rs_qspace_clear(U);
        rs_qspace_clear(V);
        rs_qspace_clear(S);
        rs_qspace_clear(I);
        rs_qspace_clear(W);
    }
    rs_rand_clear(state);
}
END_TEST

START_TEST(test_perp)
{
    flint_rand_t state;
    slong iter, count = rs_test_long() ? 400 : 100;
    rs_test_rand_init(state);
    for (iter = 0; iter < count; iter++) {
        slong n = rand_range(state, 0, 12), d = rand_range(state, 0, n);
        rs_qspace_t U, P, PP, S;
        fmpq_mat_t Bt, M;
        rs_qspace_init(U, n);
        rs_qspace_init(P, n);
        rs_qspace_init(PP, n);
        rs_qspace_init(S, n);
        rand_space(U, n, d, state);
        rs_qspace_perp(P, U);
        ck_assert_int_eq(rs_qspace_dim(P), n - d);
        /* orthogonal */
        fmpq_mat_init(Bt, d, n);
        fmpq_mat_init(M, 0, 0);
        fmpq_mat_transpose(Bt, rs_qspace_basis(U));
        mul_q(M, Bt, rs_qspace_basis(P));
        ck_assert(fmpq_mat_is_zero(M));
        /* complementary */
        rs_qspace_sum(S, U, P, NULL);
        ck_assert_int_eq(rs_qspace_dim(S), n);
        rs_qspace_perp(PP, P);
        ck_assert(rs_qspace_equal(PP, U));
        /* aliased */
        rs_qspace_perp(PP, PP);
        ck_assert(rs_qspace_equal(PP, P));
        fmpq_mat_clear(Bt);
        fmpq_mat_clear(M);
        rs_qspace_clear(U);
        rs_qspace_clear(P);
        rs_qspace_clear(PP);
        rs_qspace_clear(S);
    }
    rs_rand_clear(state);
}
END_TEST

START_TEST(test_image_preimage)
{
    flint_rand_t state;
    slong iter, count = rs_test_long() ? 400 : 100;
    rs_test_rand_init(state);
    for (iter = 0; iter < count; iter++) {
        slong m = rand_range(state, 0, 9), n = rand_range(state, 0, 9);
        slong r = rand_range(state, 0, FLINT_MIN(m, n));
        fmpq_mat_t A, AB;
        rs_qspace_t U, W, Im, Pre, Col, Nul, I, Img2;
        fmpq_mat_init(A, m, n);
        fmpq_mat_init(AB, 0, 0);
        rs_qspace_init(U, n);
        rs_qspace_init(W, m);
        rs_qspace_init(Im, m);
        rs_qspace_init(Pre, n);
        rs_qspace_init(Col, m);
        rs_qspace_init(Nul, n);
        rs_qspace_init(I, m);
        rs_qspace_init(Img2, m);
        rs_test_rand_rank_q(A, r, state, 3);
        rand_space(U, n, rand_range(state, 0, n), state);
        rand_space(W, m, rand_range(state, 0, m), state);
        rs_qspace_colspace(Col, A);
        rs_qspace_nullspace(Nul, A);

        /* image: A U, of dimension rank(A B_U) = dim U - dim(U ∩ null A) */
        rs_qspace_image(Im, A, U, NULL);
        mul_q(AB, A, rs_qspace_basis(U));
        ck_assert_int_eq(rs_qspace_dim(Im), oracle_rank_q(AB));
        rs_qspace_intersect(I, Col, Im, NULL);
        ck_assert(rs_qspace_equal(I, Im));
        {
            rs_qspace_t UN;
            rs_qspace_init(UN, n);
            rs_qspace_intersect(UN, U, Nul, NULL);
            ck_assert_int_eq(rs_qspace_dim(Im),
                             rs_qspace_dim(U) - rs_qspace_dim(UN));
            rs_qspace_clear(UN);
        }
        /* preimage of W: contains null A, A Pre ⊆ W, and
           dim Pre = dim null A + dim(W ∩ col A) */
        rs_qspace_preimage(Pre, A, W, NULL);
        ck_assert(rs_qspace_contains(Pre, Nul));
        rs_qspace_image(Img2, A, Pre, NULL);
        ck_assert(rs_qspace_contains(W, Img2));
        rs_qspace_intersect(I, W, Col, NULL);
        ck_assert_int_eq(rs_qspace_dim(Pre),
                         rs_qspace_dim(Nul) + rs_qspace_dim(I));
        ck_assert(rs_qspace_equal(Img2, I));
        /* image of the preimage of the image */
        rs_qspace_preimage(Pre, A, Im, NULL);
        rs_qspace_image(Img2, A, Pre, NULL);
        ck_assert(rs_qspace_equal(Img2, Im));
        fmpq_mat_clear(A);
        fmpq_mat_clear(AB);
        rs_qspace_clear(U);
        rs_qspace_clear(W);
        rs_qspace_clear(Im);
        rs_qspace_clear(Pre);
        rs_qspace_clear(Col);
        rs_qspace_clear(Nul);
        rs_qspace_clear(I);
        rs_qspace_clear(Img2);
    }
    rs_rand_clear(state);
}
END_TEST

START_TEST(test_contains)
{
    flint_rand_t state;
    slong iter, count = rs_test_long() ? 400 : 100;
    rs_test_rand_init(state);
    for (iter = 0; iter < count; iter++) {
        slong n = rand_range(state, 1, 10), d = rand_range(state, 0, n), i;
        rs_qspace_t V, U, S, P;
        fmpq_mat_t c, x, y;
        rs_qspace_init(V, n);
        rs_qspace_init(U, n);
        rs_qspace_init(S, n);
        rs_qspace_init(P, n);
        rand_space(V, n, d, state);
        rand_space(U, n, rand_range(state, 0, n), state);
        /* x = B c is in V */
        fmpq_mat_init(c, d, 1);
        fmpq_mat_init(x, 0, 0);
        fmpq_mat_init(y, n, 1);
        rand_q(c, state, 8);
        mul_q(x, rs_qspace_basis(V), c);
        if (d == 0)
            rs_qmat_reshape(x, n, 1);
        ck_assert(rs_qspace_contains_vec(V, x));
        /* adding a nonzero vector of V^perp leaves V */
        rs_qspace_perp(P, V);
        if (rs_qspace_dim(P) > 0) {
            for (i = 0; i < n; i++)
                fmpq_add(fmpq_mat_entry(y, i, 0), fmpq_mat_entry(x, i, 0),
                         fmpq_mat_entry(rs_qspace_basis(P), i, 0));
            ck_assert(!rs_qspace_contains_vec(V, y));
        }
        /* wrong shape */
        ck_assert(!rs_qspace_contains_vec(V, c) || d == n);
        /* U ⊆ V iff dim(U + V) = dim V */
        rs_qspace_sum(S, U, V, NULL);
        ck_assert_int_eq(rs_qspace_contains(V, U),
                         rs_qspace_dim(S) == rs_qspace_dim(V));
        ck_assert(rs_qspace_contains(S, U) && rs_qspace_contains(S, V));
        fmpq_mat_clear(c);
        fmpq_mat_clear(x);
        fmpq_mat_clear(y);
        rs_qspace_clear(V);
        rs_qspace_clear(U);
        rs_qspace_clear(S);
        rs_qspace_clear(P);
    }
    rs_rand_clear(state);
}
END_TEST

/* ---- chain products --------------------------------------------------------
 */

START_TEST(test_chain_mul)
{
    flint_rand_t state;
    slong iter, count = rs_test_long() ? 300 : 60;
    rs_test_rand_init(state);
    for (iter = 0; iter < count; iter++) {
        slong len = rand_range(state, 1, 6), t;
        slong dims[7] = {0};
        fmpq_mat_struct *mats = flint_malloc(len * sizeof(fmpq_mat_struct));
        fmpq_mat_t P, N, T;
        for (t = 0; t <= len; t++)
            dims[t] = rand_range(state, 0, 7);
        /* mats[t] is dims[t+1] x dims[t] */
        for (t = 0; t < len; t++) {
            fmpq_mat_init(mats + t, dims[t + 1], dims[t]);
            rand_q(mats + t, state, 6);
        }
        fmpq_mat_init(P, 3, 3);
        fmpq_mat_init(N, 0, 0);
        fmpq_mat_init(T, 0, 0);
        rs_qmat_chain_mul(P, mats, len, NULL);
        /* naive: left to right from mats[0] */
        rs_qmat_reshape(N, dims[1], dims[0]);
        fmpq_mat_set(N, mats + 0);
        for (t = 1; t < len; t++) {
            mul_q(T, mats + t, N);
            fmpq_mat_swap(T, N);
        }
        ck_assert_int_eq(fmpq_mat_nrows(P), dims[len]);
        ck_assert_int_eq(fmpq_mat_ncols(P), dims[0]);
        ck_assert(fmpq_mat_equal(P, N));
        for (t = 0; t < len; t++)
            fmpq_mat_clear(mats + t);
        flint_free(mats);
        fmpq_mat_clear(P);
        fmpq_mat_clear(N);
        fmpq_mat_clear(T);
    }
    rs_rand_clear(state);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("qspace");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 0);
    tcase_add_test(tc, test_rank_planted_shapes);
    tcase_add_test(tc, test_rank_random_vs_fmpz);
    tcase_add_test(tc, test_rank_medium);
    tcase_add_test(tc, test_rank_methods);
    tcase_add_test(tc, test_rank_adversarial);
    tcase_add_test(tc, test_rank_lift_adversarial);
    tcase_add_test(tc, test_rank_lift_random);
    tcase_add_test(tc, test_rank_fallback);
    tcase_add_test(tc, test_kernel_check);
    tcase_add_test(tc, test_zmat_rref);
    tcase_add_test(tc, test_rref_unlucky_pivots);
    tcase_add_test(tc, test_rowspace_rref);
    tcase_add_test(tc, test_nullspace);
    tcase_add_test(tc, test_nullspace_large);
    tcase_add_test(tc, test_spaces_basic);
    tcase_add_test(tc, test_colspace_rowspace);
    tcase_add_test(tc, test_sum_intersect_planted);
    tcase_add_test(tc, test_dimension_formula);
    tcase_add_test(tc, test_perp);
    tcase_add_test(tc, test_image_preimage);
    tcase_add_test(tc, test_contains);
    tcase_add_test(tc, test_chain_mul);
    suite_add_tcase(s, tc);
    return rs_test_run(s) ? EXIT_FAILURE : EXIT_SUCCESS;
}
