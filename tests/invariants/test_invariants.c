/* Tests of the fiber invariants (docs/math.md section 10): point counts of
   every stratum against brute force over F_2 and F_3, the worked values,
   lambda = codim/2 = Aoyagi and the component formula over sweeps of
   shapes, identities of the q-polynomials, the cache. */
#include <string.h>

#include "testutil.h"

/* ---- brute force over F_p ------------------------------------------- */

/* rank of the m x n matrix a (row-major, entries mod p), destroyed */
static slong rank_mod(slong *a, slong m, slong n, slong p)
{
    slong r = 0, c, i, j;
    for (c = 0; c < n && r < m; c++) {
        slong piv = -1, inv = 1;
        for (i = r; i < m; i++)
            if (a[i * n + c] != 0) {
                piv = i;
                break;
            }
        if (piv < 0)
            continue;
        for (j = 0; j < n; j++) {
            slong t = a[r * n + j];
            a[r * n + j] = a[piv * n + j];
            a[piv * n + j] = t;
        }
        while ((a[r * n + c] * inv) % p != 1)
            inv++;
        for (i = r + 1; i < m; i++) {
            slong f = (a[i * n + c] * inv) % p;
            for (j = 0; j < n; j++)
                a[i * n + j] = ((a[i * n + j] - f * a[r * n + j]) % p + p) % p;
        }
        r++;
    }
    return r;
}

/* c = a b (entries mod p), a m x k, b k x n */
static void mul_mod(slong *c, const slong *a, const slong *b, slong m, slong k,
                    slong n, slong p)
{
    slong i, j, t;
    for (i = 0; i < m; i++)
        for (j = 0; j < n; j++) {
            slong s = 0;
            for (t = 0; t < k; t++)
                s += a[i * k + t] * b[t * n + j];
            c[i * n + j] = s % p;
        }
}

/* Every weight tuple over F_p: counts tuples per (rank list) and compares
   with R_{d_L,d_0,r}(p) |S_b(F_p)| for every stratum of every rank r (the
   tuples whose product has rank r lie over R(p) matrices of rank r, each
   with the same fiber). */
static void brute_force(const slong *d, slong L, slong p)
{
    slong N = rs_weight_space_dim(d, L), k, i, j, n, total = 1, m = d[0];
    slong *digits = flint_calloc(N, sizeof(slong));
    slong *off = flint_malloc((L + 1) * sizeof(slong));
    slong maxd = 0;
    slong *prod, *tmp, *scratch;
    rs_strata_t *S;
    slong **counts, r;
    rs_ranks_t R;
    rs_barcode_t B;
    fmpz_poly_t poly, Rp;
    fmpz_t v, w;
    rs_error_t err;

    rs_error_init(err);
    for (k = 0; k <= L; k++) {
        maxd = FLINT_MAX(maxd, d[k]);
        m = FLINT_MIN(m, d[k]);
    }
    for (k = 1, n = 0; k <= L; k++) {
        off[k] = n;
        n += d[k] * d[k - 1];
    }
    for (k = 0; k < N; k++)
        total *= p;
    prod = flint_malloc((maxd * maxd + 1) * sizeof(slong));
    tmp = flint_malloc((maxd * maxd + 1) * sizeof(slong));
    scratch = flint_malloc((maxd * maxd + 1) * sizeof(slong));
    S = flint_malloc((m + 1) * sizeof(rs_strata_t));
    counts = flint_malloc((m + 1) * sizeof(slong *));
    for (r = 0; r <= m; r++) {
        rs_strata_init(S[r], d, L, r);
        ck_assert_int_eq(rs_strata_fill(S[r], 0, err), RS_OK);
        counts[r] = flint_calloc(S[r]->n, sizeof(slong));
    }
    rs_ranks_init(R, L);
    rs_barcode_init(B, L);
    for (n = 0; n < total; n++) {
        slong id;
        /* rank list: r_{ji} = rank W_j .. W_{i+1} */
        for (i = 0; i <= L; i++)
            rs_ranks_set_entry(R, i, i, d[i]);
        for (i = 0; i < L; i++) {
            /* prod = W_{i+1} */
            memcpy(prod, digits + off[i + 1], d[i + 1] * d[i] * sizeof(slong));
            for (j = i + 1; j <= L; j++) {
                if (j > i + 1) {
                    mul_mod(tmp, digits + off[j], prod, d[j], d[j - 1], d[i],
                            p);
                    memcpy(prod, tmp, d[j] * d[i] * sizeof(slong));
                }
                memcpy(scratch, prod, d[j] * d[i] * sizeof(slong));
                rs_ranks_set_entry(R, i, j, rank_mod(scratch, d[j], d[i], p));
            }
        }
        r = rs_ranks_get(R, 0, L);
        ck_assert(rs_ranks_is_valid(R, d, r)); /* over F_p too */
        id = rs_strata_find(S[r], R);
        ck_assert_int_ge(id, 0);
        counts[r][id]++;
        for (k = 0; k < N && ++digits[k] == p; k++)
            digits[k] = 0;
    }
    fmpz_poly_init(poly);
    fmpz_poly_init(Rp);
    fmpz_init(v);
    fmpz_init(w);
    for (r = 0; r <= m; r++) {
        slong id;
        rs_qpoly_rank_matrices(Rp, d[L], d[0], r);
        fmpz_poly_evaluate_fmpz(w, Rp, (fmpz_set_si(v, p), v));
        for (id = 0; id < S[r]->n; id++) {
            rs_strata_get_barcode(B, S[r], id);
            ck_assert_int_eq(rs_stratum_points(poly, B, err), RS_OK);
            fmpz_set_si(v, p);
            fmpz_poly_evaluate_fmpz(v, poly, v);
            fmpz_mul(v, v, w);
            ck_assert_msg(fmpz_equal_si(v, counts[r][id]),
                          "p = %ld, rank %ld, stratum %ld: %ld tuples, "
                          "polynomial gives %ld",
                          (long)p, (long)r, (long)id, (long)counts[r][id],
                          (long)fmpz_get_si(v));
        }
        flint_free(counts[r]);
        rs_strata_clear(S[r]);
    }
    fmpz_clear(v);
    fmpz_clear(w);
    fmpz_poly_clear(poly);
    fmpz_poly_clear(Rp);
    rs_ranks_clear(R);
    rs_barcode_clear(B);
    flint_free(S);
    flint_free(counts);
    flint_free(prod);
    flint_free(tmp);
    flint_free(scratch);
    flint_free(digits);
    flint_free(off);
}

START_TEST(test_brute_force)
{
    static const slong shapes[][6] = {
        /* L, d_0..d_L */
        {2, 1, 1, 1},    {2, 1, 2, 1},       {2, 2, 1, 2},    {2, 2, 2, 2},
        {3, 1, 1, 1, 1}, {2, 2, 2, 1},       {3, 1, 2, 2, 1}, {2, 1, 3, 2},
        {3, 2, 1, 2, 1}, {4, 1, 1, 1, 1, 1}, {1, 2, 3}};
    slong s, n = sizeof shapes / sizeof shapes[0];
    for (s = 0; s < n; s++) {
        slong L = shapes[s][0];
        const slong *d = shapes[s] + 1;
        slong N = rs_weight_space_dim(d, L);
        brute_force(d, L, 2);
        if (N <= (rs_test_long() ? 10 : 8))
            brute_force(d, L, 3);
        if (N <= (rs_test_long() ? 6 : 4))
            brute_force(d, L, 5);
    }
}
END_TEST

/* ---- worked values of docs/math.md section 10 ---------------------- */

static void check_poly(const fmpz_poly_t p, const char *want)
{
    char *s = fmpz_poly_get_str_pretty(p, "q");
    ck_assert_msg(strcmp(s, want) == 0, "got %s, expected %s", s, want);
    flint_free(s);
}

static void invariants_of(rs_invariants_t I, const slong *d, slong L, slong r)
{
    rs_error_t err;
    rs_error_init(err);
    ck_assert_msg(rs_invariants_compute(I, d, L, r, 0, 0, err) == RS_OK, "%s",
                  err->msg);
}

START_TEST(test_worked_values)
{
    slong d222[] = {2, 2, 2}, d111[] = {1, 1, 1}, d121[] = {1, 2, 1};
    slong d5[] = {2, 2, 2, 2, 2}, l, s;
    rs_invariants_t I;
    rs_strata_t S;
    rs_barcode_t B;
    fmpz_poly_t p;
    rs_error_t err;
    char *str;
    fmpq_t lam;

    rs_error_init(err);
    rs_invariants_init(I);
    invariants_of(I, d222, 2, 0);
    str = rs_invariants_lambda_str(I->lambda);
    ck_assert_str_eq(str, "3/2");
    flint_free(str);
    ck_assert(fmpq_equal(I->lambda, I->lambda_aoyagi));
    ck_assert_int_eq(I->theta, 1);
    ck_assert(fmpz_equal_si(I->top_plr, 1));
    ck_assert(fmpz_equal_si(I->top_strata, 1));
    check_poly(I->points, "q^5+3*q^4-2*q^3-2*q^2+q");
    check_poly(I->points_strata, "q^5+3*q^4-2*q^3-2*q^2+q");
    ck_assert(fmpz_equal_si(I->euler, 1));
    ck_assert_int_eq(I->by_dim[5], 1); /* dimensions 5, 4, 4, 3, 3, 0 */
    ck_assert_int_eq(I->by_dim[4], 2);
    ck_assert_int_eq(I->by_dim[3], 2);
    ck_assert_int_eq(I->by_dim[0], 1);
    rs_invariants_clear(I);

    rs_invariants_init(I);
    invariants_of(I, d111, 2, 0);
    str = rs_invariants_lambda_str(I->lambda);
    ck_assert_str_eq(str, "1/2");
    flint_free(str);
    ck_assert_int_eq(I->theta, 2);
    rs_invariants_clear(I);

    /* (2,2,2,2,2), r = 0: l = 4, s = 10, delta = -2, C(4,2) = 6 */
    rs_invariants_init(I);
    ck_assert_int_eq(rs_invariants_aoyagi(I->lambda_aoyagi, &I->theta, &l, &s,
                                          d5, 4, 0, err),
                     RS_OK);
    ck_assert_int_eq(l, 4);
    ck_assert_int_eq(s, 10);
    invariants_of(I, d5, 4, 0);
    ck_assert(fmpz_equal_si(I->top_plr, 6));
    ck_assert(fmpz_equal_si(I->top_strata, 6));
    rs_invariants_clear(I);

    /* L = 1: lambda = d_0 d_1 / 2, theta = 1 */
    fmpq_init(lam);
    for (l = 0; l <= 4; l++)
        for (s = 0; s <= 4; s++) {
            slong d[2] = {l, s}, r;
            for (r = 0; r <= FLINT_MIN(l, s); r++) {
                rs_invariants_init(I);
                invariants_of(I, d, 1, r);
                fmpq_set_si(lam, l * s, 2);
                ck_assert(fmpq_equal(I->lambda_aoyagi, lam));
                ck_assert_int_eq(I->theta, 1);
                rs_invariants_clear(I);
            }
        }
    fmpq_clear(lam);

    /* (2,2,2), r = 1: strata q^4 - q^3 - q^2 + q (twice), q^3 - q */
    fmpz_poly_init(p);
    rs_strata_init(S, d222, 2, 1);
    ck_assert_int_eq(rs_strata_fill(S, 0, err), RS_OK);
    rs_strata_sort(S);
    rs_barcode_init(B, 2);
    ck_assert_int_eq(S->n, 3);
    for (l = 0; l < 3; l++) {
        rs_strata_get_barcode(B, S, l);
        ck_assert_int_eq(rs_stratum_points(p, B, err), RS_OK);
        check_poly(p, l < 2 ? "q^4-q^3-q^2+q" : "q^3-q");
    }
    rs_strata_clear(S);
    /* (1,2,1), r = 0: 1, q^2 - 1 (twice), q^3 - q^2 - q + 1; fiber
       q^3 + q^2 - q */
    rs_strata_init(S, d121, 2, 0);
    ck_assert_int_eq(rs_strata_fill(S, 0, err), RS_OK);
    rs_strata_sort(S);
    ck_assert_int_eq(S->n, 4);
    for (l = 0; l < 4; l++) {
        rs_strata_get_barcode(B, S, l);
        ck_assert_int_eq(rs_stratum_points(p, B, err), RS_OK);
        check_poly(p, l == 0 ? "q^3-q^2-q+1" : l < 3 ? "q^2-1" : "1");
    }
    rs_strata_clear(S);
    ck_assert_int_eq(rs_fiber_points(p, d121, 2, 0, err), RS_OK);
    check_poly(p, "q^3+q^2-q");
    rs_barcode_clear(B);
    fmpz_poly_clear(p);
}
END_TEST

/* Aoyagi & Watanabe (2005) for L = 2: theta = 2 exactly when d_1 - r >=
   |d_0 - d_2|, d_1 + r <= d_0 + d_2 and d_0 + d_1 + d_2 + r is odd. */
START_TEST(test_theta_reduced_rank)
{
    slong a, b, c, r, n = 0, hi = rs_test_long() ? 8 : 6;
    rs_error_t err;
    fmpq_t lam;
    rs_error_init(err);
    fmpq_init(lam);
    for (a = 0; a <= hi; a++)
        for (b = 0; b <= hi; b++)
            for (c = 0; c <= hi; c++)
                for (r = 0; r <= FLINT_MIN(a, FLINT_MIN(b, c)); r++) {
                    slong d[3] = {a, b, c}, theta;
                    int two = b - r >= FLINT_ABS(a - c) && b + r <= a + c &&
                              (a + b + c + r) % 2 == 1;
                    ck_assert_int_eq(rs_invariants_aoyagi(lam, &theta, NULL,
                                                          NULL, d, 2, r, err),
                                     RS_OK);
                    ck_assert_int_eq(theta, two ? 2 : 1);
                    n++;
                }
    ck_assert_int_gt(n, 100);
    fmpq_clear(lam);
}
END_TEST

/* lambda = codim/2 = Aoyagi and the strata of top dimension = the Pepin
   Lehalleur-Rimanyi count, over every shape with widths <= 3 and L <= 3
   (widths <= 4, L <= 4 with RS_TEST_LONG: the 3,144 fibers of docs/math.md);
   rs_invariants_compute runs both and fails on a disagreement. */
static slong sweep_count;

static void sweep_one(const slong *d, slong L, slong r)
{
    rs_invariants_t I;
    rs_invariants_init(I);
    invariants_of(I, d, L, r);
    ck_assert(I->listed);
    ck_assert_int_eq(I->check_lambda, RS_INV_AGREE);
    ck_assert_int_eq(I->check_top, RS_INV_AGREE);
    ck_assert_int_eq(I->check_points, RS_INV_AGREE);
    ck_assert_int_eq(I->codim, I->N - rs_fiber_dim(d, L, r));
    ck_assert(fmpz_equal(I->top_strata, I->top_plr));
    rs_invariants_clear(I);
    sweep_count++;
}

START_TEST(test_lambda_sweep)
{
    sweep_count = 0;
    if (rs_test_long())
        rs_test_for_all_shapes(1, 4, 4, sweep_one);
    else
        rs_test_for_all_shapes(1, 3, 3, sweep_one);
    ck_assert_int_gt(sweep_count, rs_test_long() ? 1000 : 100);
}
END_TEST

/* The closed forms still run, and say what was skipped, when the strata
   are not listed. */
START_TEST(test_not_listed)
{
    slong d[] = {3, 3, 3, 3, 3};
    rs_invariants_t I, J;
    rs_error_t err;
    rs_error_init(err);
    rs_invariants_init(I);
    rs_invariants_init(J);
    ck_assert_int_eq(rs_invariants_compute(I, d, 4, 0, 100, 0, err), RS_OK);
    invariants_of(J, d, 4, 0);
    ck_assert(!I->listed && I->count_known);
    ck_assert(fmpz_equal_si(I->count, 535));
    ck_assert_int_eq(I->check_top, RS_INV_SKIPPED);
    ck_assert_int_eq(I->check_points, RS_INV_SKIPPED);
    ck_assert_int_eq(I->check_leading, RS_INV_AGREE);
    ck_assert_int_eq(I->codim, J->codim);
    ck_assert(fmpq_equal(I->lambda, J->lambda));
    ck_assert(fmpz_poly_equal(I->points, J->points_strata));
    rs_invariants_clear(I);
    rs_invariants_clear(J);
    /* an empty fiber */
    rs_invariants_init(I);
    ck_assert_int_eq(rs_invariants_compute(I, d, 4, 4, 0, 0, err), RS_EINPUT);
    rs_invariants_clear(I);
}
END_TEST

/* ---- q-polynomials ------------------------------------------------------ */

START_TEST(test_qpoly)
{
    fmpz_poly_t p, s, t;
    fmpz_t v;
    slong m, n, r;
    flint_rand_t st;
    rs_error_t err;
    rs_error_init(err);
    fmpz_poly_init(p);
    fmpz_poly_init(s);
    fmpz_poly_init(t);
    fmpz_init(v);
    /* |GL_2(F_2)| = 6, |GL_3(F_2)| = 168, |GL_2(F_3)| = 48 */
    rs_qpoly_gl(p, 2);
    fmpz_poly_evaluate_fmpz(v, p, (fmpz_set_si(v, 2), v));
    ck_assert(fmpz_equal_si(v, 6));
    fmpz_poly_evaluate_fmpz(v, p, (fmpz_set_si(v, 3), v));
    ck_assert(fmpz_equal_si(v, 48));
    rs_qpoly_gl(p, 3);
    fmpz_poly_evaluate_fmpz(v, p, (fmpz_set_si(v, 2), v));
    ck_assert(fmpz_equal_si(v, 168));
    /* sum_r R_{m,n,r} = q^{mn}; R_{n,n,n} = |GL_n| */
    for (m = 0; m <= 5; m++)
        for (n = 0; n <= 5; n++) {
            fmpz_poly_zero(s);
            for (r = 0; r <= 6; r++) {
                rs_qpoly_rank_matrices(p, m, n, r);
                fmpz_poly_add(s, s, p);
            }
            fmpz_poly_one(t);
            fmpz_poly_shift_left(t, t, m * n);
            ck_assert(fmpz_poly_equal(s, t));
        }
    for (n = 0; n <= 5; n++) {
        rs_qpoly_rank_matrices(p, n, n, n);
        rs_qpoly_gl(t, n);
        ck_assert(fmpz_poly_equal(p, t));
    }
    /* sum over r of R_{d_L,d_0,r} |F_r| = q^N from the layer programme,
       on random shapes */
    rs_test_rand_init(st);
    for (m = 0; m < 30; m++) {
        slong d[6], L = 1 + n_randint(st, 5), k, lo;
        for (k = 0; k <= L; k++)
            d[k] = n_randint(st, 5);
        lo = d[0];
        for (k = 1; k <= L; k++)
            lo = FLINT_MIN(lo, d[k]);
        fmpz_poly_zero(s);
        for (r = 0; r <= lo; r++) {
            ck_assert_int_eq(rs_fiber_points(p, d, L, r, err), RS_OK);
            rs_qpoly_rank_matrices(t, d[L], d[0], r);
            fmpz_poly_mul(p, p, t);
            fmpz_poly_add(s, s, p);
        }
        fmpz_poly_one(t);
        fmpz_poly_shift_left(t, t, rs_weight_space_dim(d, L));
        ck_assert(fmpz_poly_equal(s, t));
    }
    rs_rand_clear(st);
    fmpz_clear(v);
    fmpz_poly_clear(p);
    fmpz_poly_clear(s);
    fmpz_poly_clear(t);
}
END_TEST

/* The cache gives every stratum's polynomial, shared among strata. */
START_TEST(test_cache)
{
    slong d[] = {3, 4, 3, 4}, id, e;
    rs_strata_t S;
    rs_points_cache_t c;
    rs_barcode_t B;
    fmpz_poly_t p, q;
    const fmpz_poly_struct *cof;
    rs_error_t err;
    rs_error_init(err);
    rs_strata_init(S, d, 3, 1);
    ck_assert_int_eq(rs_strata_fill(S, 0, err), RS_OK);
    rs_points_cache_init(c, 4);
    rs_barcode_init(B, 3);
    fmpz_poly_init(p);
    fmpz_poly_init(q);
    for (id = 0; id < S->n; id++) {
        rs_strata_get_barcode(B, S, id);
        ck_assert_int_eq(rs_points_cache_get(&cof, &e, c, B, err), RS_OK);
        fmpz_poly_shift_left(q, cof, e);
        ck_assert_int_eq(rs_stratum_points(p, B, err), RS_OK);
        ck_assert(fmpz_poly_equal(p, q));
        ck_assert_int_eq(fmpz_poly_degree(p), rs_strata_dim(S, id));
    }
    ck_assert_int_lt(c->n, S->n);
    fmpz_poly_clear(p);
    fmpz_poly_clear(q);
    rs_barcode_clear(B);
    rs_points_cache_clear(c);
    rs_strata_clear(S);
}
END_TEST

int main(void)
{
    int failed;
    Suite *s = suite_create("invariants");
    TCase *tc = tcase_create("invariants");
    tcase_set_timeout(tc, 0);
    tcase_add_test(tc, test_brute_force);
    tcase_add_test(tc, test_worked_values);
    tcase_add_test(tc, test_theta_reduced_rank);
    tcase_add_test(tc, test_lambda_sweep);
    tcase_add_test(tc, test_not_listed);
    tcase_add_test(tc, test_qpoly);
    tcase_add_test(tc, test_cache);
    suite_add_tcase(s, tc);
    failed = rs_test_run(s);
    flint_cleanup_master();
    return failed ? 1 : 0;
}
