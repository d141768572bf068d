/* Tests of the double-precision lifting behind RS_RANK_LIFT (lift.c) and
   of its kernels (dkernel.c): exact integer products in doubles checked
   against FLINT's fmpz_mat_mul, balanced residues and exact division
   against fmpz arithmetic, and each stage of the lifting on blocks built
   with a known answer (B = U diag(q, 1, ..., 1) V with U, V unimodular, so
   the denominators of B^{-1} RN divide the prime q; other rows G [B, RN]
   so the rank is exactly r, or not after one entry is changed). */
#include <stdlib.h>

#include "qspace/qspace_internal.h"
#include "testutil.h"

static slong rand_range(flint_rand_t state, slong lo, slong hi)
{
    return lo + (slong)n_randint(state, (ulong)(hi - lo + 1));
}

static void rand_bits(fmpz_mat_t A, flint_rand_t state, slong bits)
{
    slong i, j;
    for (i = 0; i < fmpz_mat_nrows(A); i++)
        for (j = 0; j < fmpz_mat_ncols(A); j++) {
            slong v = (slong)n_randint(state, UWORD(1) << bits);
            fmpz_set_si(fmpz_mat_entry(A, i, j), n_randint(state, 2) ? v : -v);
        }
}

static double *to_doubles(const fmpz_mat_t A)
{
    slong m = fmpz_mat_nrows(A), n = fmpz_mat_ncols(A), i, j;
    double *D = flint_malloc((m * n + 1) * sizeof(double));
    for (i = 0; i < m; i++)
        for (j = 0; j < n; j++)
            D[i * n + j] = (double)fmpz_get_si(fmpz_mat_entry(A, i, j));
    return D;
}

static int equals_doubles(const fmpz_mat_t A, const double *D)
{
    slong m = fmpz_mat_nrows(A), n = fmpz_mat_ncols(A), i, j;
    for (i = 0; i < m; i++)
        for (j = 0; j < n; j++)
            if (fmpz_get_si(fmpz_mat_entry(A, i, j)) != (slong)D[i * n + j])
                return 0;
    return 1;
}

/* C0 + A B in doubles, packed and unpacked, equals the exact product, for
   shapes around the register tiles and blocks and entries whose products
   sum to nearly 2^52. */
START_TEST(test_dgemm_exact)
{
    flint_rand_t state;
    slong iter;
    rs_test_rand_init(state);
    for (iter = 0; iter < 120; iter++) {
        slong m = rand_range(state, 1, 40), n = rand_range(state, 1, 40);
        slong k = rand_range(state, 1, iter % 4 == 0 ? 600 : 60);
        slong kb = FLINT_BIT_COUNT(k), ab = rand_range(state, 1, 50 - kb);
        slong bb = 50 - kb - ab, packed = iter % 2;
        fmpz_mat_t A, B, C, P;
        double *Ad, *Bd, *Cd;
        fmpz_mat_init(A, m, k);
        fmpz_mat_init(B, k, n);
        fmpz_mat_init(C, m, n);
        fmpz_mat_init(P, m, n);
        rand_bits(A, state, ab);
        rand_bits(B, state, FLINT_MAX(bb, 1));
        rand_bits(C, state, 40);
        Ad = to_doubles(A);
        Bd = to_doubles(B);
        Cd = to_doubles(C);
        if (packed) {
            rs_dpack_struct Pk;
            _rs_dpack_init(&Pk, m, k, Ad, k);
            double *work =
                iter % 4 == 1
                    ? flint_malloc(_rs_dgemm_work_len(n) * sizeof(double))
                    : NULL;
            _rs_dgemm_packed(n, &Pk, Bd, n, Cd, n, work);
            flint_free(work);
            _rs_dpack_clear(&Pk);
        } else
            _rs_dgemm(m, n, k, Ad, k, Bd, n, Cd, n);
        fmpz_mat_mul(P, A, B);
        fmpz_mat_add(P, P, C);
        ck_assert(equals_doubles(P, Cd));
        flint_free(Ad);
        flint_free(Bd);
        flint_free(Cd);
        fmpz_mat_clear(A);
        fmpz_mat_clear(B);
        fmpz_mat_clear(C);
        fmpz_mat_clear(P);
    }
    rs_rand_clear(state);
}
END_TEST

/* Balanced residues, axpy and exact division against fmpz arithmetic. */
START_TEST(test_dvec_ops)
{
    flint_rand_t state;
    slong iter, i, len = 64;
    double v[64], y[64], x[64];
    rs_test_rand_init(state);
    for (iter = 0; iter < 200; iter++) {
        ulong p =
            n_nextprime(4096 + n_randint(state, (UWORD(1) << 26) - 8192), 1);
        double pd = (double)p, pinv = 1.0 / pd, h = (pd - 1) / 2;
        slong bad, nbad = 0;
        int zero;
        for (i = 0; i < len; i++) {
            slong bits = rand_range(state, 0, 51);
            slong w = (slong)n_randint(state, UWORD(1) << bits);
            v[i] = (double)(n_randint(state, 2) ? w : -w);
        }
        _rs_dvec_bal_mod(y, v, len, pd, pinv);
        for (i = 0; i < len; i++) {
            slong r = (slong)v[i] % (slong)p;
            ck_assert(y[i] >= -h && y[i] <= h);
            ck_assert_int_eq(((slong)y[i] - r) % (slong)p, 0);
        }
        /* quotients of multiples (some made non-multiples) by p */
        for (i = 0; i < len; i++) {
            slong q = (slong)n_randint(state, (UWORD(1) << 51) / p);
            x[i] = (double)(n_randint(state, 2) ? q : -q);
            v[i] = x[i] * pd;
            if (n_randint(state, 8) == 0) {
                v[i] += (double)rand_range(state, 1, (slong)p - 1);
                nbad++;
            }
        }
        bad = _rs_dvec_div_exact(y, v, len, pd, pinv, &zero);
        ck_assert_int_eq(bad, nbad);
        for (i = 0; i < len && nbad == 0; i++)
            ck_assert(y[i] == x[i]);
        for (i = 0; i < len; i++)
            v[i] = 0;
        ck_assert_int_eq(_rs_dvec_div_exact(y, v, len, pd, pinv, &zero), 0);
        ck_assert(zero);
        /* y += s x */
        for (i = 0; i < len; i++) {
            x[i] = (double)rand_range(state, -(WORD(1) << 25), WORD(1) << 25);
            y[i] = (double)rand_range(state, -(WORD(1) << 40), WORD(1) << 40);
            v[i] = y[i] + 12345.0 * x[i];
        }
        _rs_dvec_axpy(y, 12345.0, x, len);
        for (i = 0; i < len; i++)
            ck_assert(y[i] == v[i]);
    }
    rs_rand_clear(state);
}
END_TEST

/* Blocks of rank r = rows of B: the given nonsingular B, RN with entries
   below 2^rn_bits, and l other rows G [B, RN] (entries of G below
   2^g_bits). */
static void blocks_from_B(rs_blocks_struct *K, const fmpz_mat_t B, slong l,
                          slong k, slong rn_bits, slong g_bits,
                          flint_rand_t state)
{
    slong r = fmpz_mat_nrows(B);
    fmpz_mat_t G;
    K->m = l + r;
    K->n = r + k;
    K->r = r;
    K->k = k;
    fmpz_mat_init_set(K->B, B);
    fmpz_mat_init(K->RN, r, k);
    fmpz_mat_init(K->LC, l, r);
    fmpz_mat_init(K->LN, l, k);
    fmpz_mat_init(G, l, r);
    rand_bits(K->RN, state, rn_bits);
    rand_bits(G, state, g_bits);
    fmpz_mat_mul(K->LC, G, K->B);
    fmpz_mat_mul(K->LN, G, K->RN);
    fmpz_mat_clear(G);
}

/* Blocks of rank r: B = U diag(q, 1, ..., 1) V (det B = +-q), RN random,
   and the other rows G [B, RN]. */
static void planted_blocks(rs_blocks_struct *K, slong l, slong r, slong k,
                           ulong q, flint_rand_t state)
{
    fmpz_mat_t U, V, D, B;
    fmpz_mat_init(U, r, r);
    fmpz_mat_init(V, r, r);
    fmpz_mat_init(D, r, r);
    fmpz_mat_init(B, r, r);
    rs_zmat_randunimodular(U, state, 2);
    rs_zmat_randunimodular(V, state, 2);
    fmpz_mat_one(D);
    fmpz_set_ui(fmpz_mat_entry(D, 0, 0), q);
    fmpz_mat_mul(B, U, D);
    fmpz_mat_mul(D, B, V);
    blocks_from_B(K, D, l, k, 6, 3, state);
    fmpz_mat_clear(U);
    fmpz_mat_clear(V);
    fmpz_mat_clear(D);
    fmpz_mat_clear(B);
}

/* Each stage on planted blocks: the proof ends for the full denominator,
   recovers a missing prime factor from d = 1 or a wrong d, proves the rank
   higher after one entry of LN changes, and the whole chain agrees. */
START_TEST(test_lift_stages)
{
    flint_rand_t state;
    slong iter;
    const ulong qs[4] = {2, 3, 5, 101};
    rs_test_rand_init(state);
    for (iter = 0; iter < 40; iter++) {
        slong r = rand_range(state, 2, 30), k = rand_range(state, 1, 40);
        slong l = rand_range(state, 1, 30), pred = 0, threads = 1 + iter % 2;
        slong nprimes = 0;
        ulong q = qs[n_randint(state, 4)];
        rs_blocks_struct K;
        rs_lift_struct F;
        fmpz_t d, det;
        fmpz_init(d);
        fmpz_init(det);
        planted_blocks(&K, l, r, k, q, state);
        fmpz_mat_det(det, K.B);
        fmpz_abs(det, det);
        ck_assert(fmpz_equal_ui(det, q));

        ck_assert(_rs_lift_init(&F, &K, 0));
        /* |det B| is a multiple of every denominator. */
        ck_assert_int_eq(_rs_lift_prove(&F, det, 0, threads, NULL, NULL), 1);
        /* d = 1 and d = 7 q + 1 lack the factor q (unless B^{-1} RN
           happens to be integral); the proof finds it. */
        fmpz_one(d);
        ck_assert_int_eq(_rs_lift_prove(&F, d, 0, threads, NULL, NULL), 1);
        fmpz_set_ui(d, 7 * q + 1);
        ck_assert_int_eq(_rs_lift_prove(&F, d, 0, threads, NULL, NULL), 1);
        /* The guess, whatever it is, leads to the proof. */
        ck_assert(_rs_lift_guess(d, &pred, &F, &K, threads));
        ck_assert(fmpz_sgn(d) > 0);
        ck_assert_int_eq(_rs_lift_prove(&F, d, pred, threads, NULL, NULL), 1);
        _rs_lift_clear(&F);
        ck_assert_int_eq(_rs_lift_certify(&K, threads, 0, &nprimes, NULL, NULL),
                         1);
        ck_assert_int_eq(nprimes, 1);

        /* One entry off the row space of [B, RN]: rank r + 1. */
        fmpz_add_ui(fmpz_mat_entry(K.LN, l - 1, k - 1),
                    fmpz_mat_entry(K.LN, l - 1, k - 1), 1);
        ck_assert(_rs_lift_init(&F, &K, 0));
        ck_assert_int_eq(_rs_lift_prove(&F, det, 0, threads, NULL, NULL), -1);
        fmpz_one(d);
        ck_assert_int_eq(_rs_lift_prove(&F, d, 0, threads, NULL, NULL), -1);
        _rs_lift_clear(&F);
        ck_assert_int_eq(_rs_lift_certify(&K, threads, 0, &nprimes, NULL, NULL),
                         -1);

        /* Entries of 2^45: no exact double arithmetic on whole entries,
           so the lifting splits them into limbs (test_lift_limbs.c); B
           stays nonsingular, and the rows of [LC, LN] are off the row
           space of [B, RN] (rank r + 1). */
        fmpz_add_ui(fmpz_mat_entry(K.B, 0, 0), fmpz_mat_entry(K.B, 0, 0),
                    UWORD(1) << 45);
        ck_assert(_rs_lift_init(&F, &K, 0));
        ck_assert(F.b > 0);
        _rs_lift_clear(&F);
        ck_assert_int_eq(_rs_lift_certify(&K, threads, 0, &nprimes, NULL, NULL),
                         -1);

        fmpz_clear(d);
        fmpz_clear(det);
        _rs_blocks_clear(&K);
    }
    rs_rand_clear(state);
}
END_TEST

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

/* The kernel data: for blocks with a random B (denominators of thousands
   of bits, so the digits are folded over several rounds), the lifting's Y
   and den satisfy [B; LC] Y = den [RN; LN] exactly and Y / den is
   B^{-1} RN as FLINT solves it. */
START_TEST(test_lift_solution)
{
    flint_rand_t state;
    slong iter;
    rs_test_rand_init(state);
    for (iter = 0; iter < 8; iter++) {
        slong r = rand_range(state, 20, 90), k = rand_range(state, 1, 50);
        slong l = rand_range(state, 1, 30), nprimes = 0;
        rs_blocks_struct K;
        fmpz_mat_t B, Y, X;
        fmpz_t den, fden;
        fmpq_mat_t Q1, Q2;
        fmpz_mat_init(B, r, r);
        do
            rand_bits(B, state, 8);
        while (fmpz_mat_rank(B) < r);
        blocks_from_B(&K, B, l, k, 8, 2, state);
        fmpz_mat_clear(B);
        fmpz_mat_init(Y, r, k);
        fmpz_init(den);
        ck_assert_int_eq(
            _rs_lift_certify(&K, 1 + iter % 2, 0, &nprimes, Y, den), 1);
        ck_assert(fmpz_sgn(den) > 0);
        assert_rows_hold(K.B, K.RN, Y, den);
        assert_rows_hold(K.LC, K.LN, Y, den);
        /* the same rationals as FLINT's solution */
        fmpz_mat_init(X, r, k);
        fmpz_init(fden);
        ck_assert(fmpz_mat_solve(X, fden, K.B, K.RN));
        fmpq_mat_init(Q1, r, k);
        fmpq_mat_init(Q2, r, k);
        fmpq_mat_set_fmpz_mat_div_fmpz(Q1, Y, den);
        fmpq_mat_set_fmpz_mat_div_fmpz(Q2, X, fden);
        ck_assert(fmpq_mat_equal(Q1, Q2));
        fmpq_mat_clear(Q1);
        fmpq_mat_clear(Q2);
        fmpz_mat_clear(X);
        fmpz_clear(fden);
        fmpz_mat_clear(Y);
        fmpz_clear(den);
        _rs_blocks_clear(&K);
    }
    rs_rand_clear(state);
}
END_TEST

/* No kernel or no other rows: nothing to lift. */
START_TEST(test_lift_declines)
{
    flint_rand_t state;
    rs_blocks_struct K;
    rs_lift_struct F;
    rs_test_rand_init(state);
    planted_blocks(&K, 0, 5, 3, 2, state);
    ck_assert(!_rs_lift_init(&F, &K, 0));
    _rs_lift_clear(&F);
    _rs_blocks_clear(&K);
    planted_blocks(&K, 4, 5, 0, 2, state);
    ck_assert(!_rs_lift_init(&F, &K, 0));
    _rs_lift_clear(&F);
    _rs_blocks_clear(&K);
    rs_rand_clear(state);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("lift");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 0);
    tcase_add_test(tc, test_dgemm_exact);
    tcase_add_test(tc, test_dvec_ops);
    tcase_add_test(tc, test_lift_stages);
    tcase_add_test(tc, test_lift_solution);
    tcase_add_test(tc, test_lift_declines);
    suite_add_tcase(s, tc);
    return rs_test_run(s) ? EXIT_FAILURE : EXIT_SUCCESS;
}
