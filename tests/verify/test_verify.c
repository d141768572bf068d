/* Tests of rs_verify_fiber: it passes on every fiber (d, r) with d in
   {1,2,3}^{L+1}, L <= 3 (a representative subset unless RS_TEST_LONG), also
   for random products W; its counts match independent enumerations; every
   witness is a merge reaching the upper stratum; and each deliberately
   corrupted formula or move makes its check family fail. */
#include <string.h>

#include "testutil.h"

typedef struct {
    slong n;
} counter;

static void count_one(const rs_barcode_t B, void *data)
{
    (void)B;
    ((counter *)data)->n++;
}

/* Runs verify on (d, r) (with W if not NULL) and checks the report
   against independent counts: the strata by brute force, the covers by
   the transitive reduction. */
static void verify_passes(const slong *d, slong L, slong r, const fmpq_mat_t W,
                          ulong seed)
{
    rs_verify_report_t R;
    rs_verify_opts_t o;
    rs_error_t err;
    rs_strata_t S;
    rs_covers_t C;
    counter c = {0};
    slong k, f;
    rs_barcode_t Bl, Bu, M;

    rs_verify_report_init(R);
    rs_verify_opts_init(&o);
    o.seed = seed;
    rs_error_init(err);
    ck_assert_msg(rs_verify_shape(R, d, L, r, W, &o, err) == RS_OK,
                  "verify failed on L = %ld, r = %ld: %s", (long)L, (long)r,
                  err->msg);
    ck_assert(rs_verify_report_passed(R));
    rs_test_all_barcodes(d, L, r, count_one, &c);
    ck_assert_int_eq(R->strata, c.n);
    for (f = 0; f < RS_VERIFY_NUM_CHECKS; f++) {
        ck_assert_int_eq(R->passed[f], R->total[f]);
        ck_assert(R->failure[f] == NULL);
    }
    ck_assert_int_eq(R->total[RS_VERIFY_POINTS], c.n);
    ck_assert_int_eq(R->total[RS_VERIFY_TANGENT_RANK], c.n);
    ck_assert_int_eq(R->total[RS_VERIFY_TANGENT_CHECK], c.n);
    ck_assert_int_eq(R->total[RS_VERIFY_TRANSPOSE], c.n);
    ck_assert_int_eq(R->total[RS_VERIFY_REDUCTION], c.n);
    ck_assert_int_eq(R->total[RS_VERIFY_COMPONENTS], c.n);
    ck_assert_int_eq(R->total[RS_VERIFY_LAMBDA], 1);
    ck_assert_int_eq(R->total[RS_VERIFY_TOP], 1);
    for (k = 0, f = d[0]; k <= L; k++) /* f: the smallest width */
        f = FLINT_MIN(f, d[k]);
    ck_assert_int_eq(R->total[RS_VERIFY_F_Q], f + 2);
    ck_assert(r == 0 ? R->total[RS_VERIFY_PERMUTE] >= 1
                     : R->total[RS_VERIFY_PERMUTE] == 0);

    /* the covers against the brute-force transitive reduction, and every
       witness a merge from the lower barcode to the upper one */
    rs_strata_init(S, d, L, r);
    rs_covers_init(C);
    ck_assert_int_eq(rs_strata_fill(S, 0, err), RS_OK);
    rs_strata_sort(S);
    rs_strata_covers_naive(C, S);
    ck_assert_int_eq(R->covers, C->n);
    ck_assert_int_eq(R->total[RS_VERIFY_COVERS], C->n);
    ck_assert_int_eq(R->total[RS_VERIFY_HASSE], C->n);
    rs_barcode_init(Bl, L);
    rs_barcode_init(Bu, L);
    rs_barcode_init(M, L);
    for (k = 0; k < C->n; k++) {
        const slong *m = R->witness + 4 * k;
        rs_strata_get_barcode(Bl, S, rs_covers_lower(C, k));
        rs_strata_get_barcode(Bu, S, rs_covers_upper(C, k));
        ck_assert(rs_barcode_merge_applies(Bl, m[0], m[1], m[2], m[3]));
        rs_barcode_merge(M, Bl, m[0], m[1], m[2], m[3]);
        ck_assert(rs_barcode_equal(M, Bu));
    }
    rs_barcode_clear(Bl);
    rs_barcode_clear(Bu);
    rs_barcode_clear(M);
    rs_covers_clear(C);
    rs_strata_clear(S);
    rs_verify_report_clear(R);
}

/* Every (d, r) with d in {1,2,3}^{L+1}, L <= 3; without RS_TEST_LONG only
   L <= 2 and the L = 3 shapes of `some`; with it also d in {1,2}^5. */
START_TEST(test_sweep)
{
    slong L, k, d[8], r, n = 0, hi = 3;
    int all = rs_test_long();
    static const slong some[][4] = {{1, 2, 2, 1}, {2, 2, 2, 2}, {3, 3, 3, 3},
                                    {2, 1, 1, 2}, {1, 3, 2, 3}, {3, 1, 2, 2},
                                    {2, 3, 3, 1}, {1, 1, 1, 1}};
    for (L = 1; L <= (all ? 4 : 3); L++) {
        hi = L == 4 ? 2 : 3;
        for (k = 0; k <= L; k++)
            d[k] = 1;
        for (;;) {
            int run = all || L <= 2;
            /* some[] holds L = 3 shapes only */
            slong m = d[0], s;
            for (s = 0; !run && s < (slong)(sizeof some / sizeof some[0]); s++)
                run = memcmp(some[s], d, 4 * sizeof(slong)) == 0;
            for (k = 1; k <= L; k++)
                m = FLINT_MIN(m, d[k]);
            for (r = 0; run && r <= m; r++) {
                verify_passes(d, L, r, NULL, 1);
                n++;
            }
            for (k = 0; k <= L && d[k] == hi; k++)
                d[k] = 1;
            if (k > L)
                break;
            d[k]++;
        }
    }
    ck_assert_int_gt(n, all ? 200 : 60);
}
END_TEST

/* Random shapes (widths 0..3, L <= 4), random seeds, random products. */
START_TEST(test_random_products)
{
    flint_rand_t st;
    slong iter, n_iter = rs_test_long() ? 200 : 25;
    rs_test_rand_init(st);
    for (iter = 0; iter < n_iter; iter++) {
        slong d[8], L = 1 + n_randint(st, 4), k, m, r;
        fmpq_mat_t W;
        for (k = 0; k <= L; k++)
            d[k] = n_randint(st, 4);
        m = d[0];
        for (k = 1; k <= L; k++)
            m = FLINT_MIN(m, d[k]);
        r = n_randint(st, m + 1);
        fmpq_mat_init(W, d[L], d[0]);
        rs_test_rand_rank_q(W, r, st, 4);
        verify_passes(d, L, r, W, n_randint(st, 1000));
        fmpq_mat_clear(W);
    }
    rs_rand_clear(st);
}
END_TEST

/* The fibers the speed goals name, checked for correctness here. */
START_TEST(test_goal_fibers)
{
    slong d1[4] = {3, 3, 3, 3}, d2[5] = {2, 2, 2, 2, 2};
    rs_verify_report_t R;
    rs_verify_opts_t o;
    rs_error_t err;
    rs_verify_report_init(R);
    rs_verify_opts_init(&o);
    rs_error_init(err);
    ck_assert_int_eq(rs_verify_shape(R, d1, 3, 1, NULL, &o, err), RS_OK);
    ck_assert_int_eq(R->strata, 27);
    ck_assert_int_eq(R->covers, 49);
    ck_assert_int_eq(rs_verify_shape(R, d2, 4, 0, NULL, &o, err), RS_OK);
    ck_assert_int_eq(R->strata, 109);
    ck_assert_int_eq(R->covers, 282);
    rs_verify_report_clear(R);
}
END_TEST

/* Each corruption makes its own family fail (and verify return
   RS_EINTERNAL with a message naming a failure). */
START_TEST(test_corrupt)
{
    static const int family[RS_VERIFY_NUM_CORRUPT] = {-1,
                                                      RS_VERIFY_POINTS,
                                                      RS_VERIFY_TANGENT_RANK,
                                                      RS_VERIFY_TANGENT_CHECK,
                                                      RS_VERIFY_COVERS,
                                                      RS_VERIFY_HASSE,
                                                      RS_VERIFY_TRANSPOSE,
                                                      RS_VERIFY_REDUCTION,
                                                      RS_VERIFY_LAMBDA,
                                                      RS_VERIFY_TOP,
                                                      RS_VERIFY_F_Q,
                                                      RS_VERIFY_PERMUTE,
                                                      RS_VERIFY_COMPONENTS};
    static const struct {
        slong L, r, d[5];
    } shapes[3] = {
        {2, 0, {2, 2, 2}}, {3, 1, {2, 2, 2, 2}}, {3, 0, {1, 2, 2, 1}}};
    int c, s;
    for (c = 1; c < RS_VERIFY_NUM_CORRUPT; c++)
        for (s = 0; s < 3; s++) {
            rs_verify_report_t R;
            rs_verify_opts_t o;
            rs_error_t err;
            int f = family[c];
            /* the permutation family checks zero fibers only */
            if (c == RS_VERIFY_CORRUPT_PERMUTE && shapes[s].r != 0)
                continue;
            rs_verify_report_init(R);
            rs_verify_opts_init(&o);
            o.corrupt = c;
            rs_error_init(err);
            ck_assert_int_eq(rs_verify_shape(R, shapes[s].d, shapes[s].L,
                                             shapes[s].r, NULL, &o, err),
                             RS_EINTERNAL);
            ck_assert(strstr(err->msg, "failed") != NULL);
            ck_assert(!rs_verify_report_passed(R));
            ck_assert_msg(R->passed[f] < R->total[f],
                          "corruption %d did not fail family %s", c,
                          rs_verify_check_name(f));
            ck_assert(R->failure[f] != NULL);
            rs_verify_report_clear(R);
        }
}
END_TEST

START_TEST(test_input_errors)
{
    slong d[3] = {2, 3, 2};
    rs_verify_report_t R;
    rs_verify_opts_t o;
    rs_error_t err;
    fmpq_mat_t W;
    rs_verify_report_init(R);
    rs_verify_opts_init(&o);
    rs_error_init(err);
    fmpq_mat_init(W, 2, 2);
    fmpq_mat_one(W); /* rank 2, but the fiber asked for is rank 1 */
    ck_assert_int_eq(rs_verify_shape(R, d, 2, 1, W, &o, err), RS_EINPUT);
    fmpq_mat_clear(W);
    fmpq_mat_init(W, 3, 2);
    ck_assert_int_eq(rs_verify_shape(R, d, 2, 0, W, &o, err), RS_EINPUT);
    fmpq_mat_clear(W);
    ck_assert_int_eq(rs_verify_shape(R, d, 2, 3, NULL, &o, err), RS_EINPUT);
    rs_verify_report_clear(R);
}
END_TEST

int main(void)
{
    int failed;
    Suite *s = suite_create("verify");
    TCase *tc = tcase_create("verify");
    tcase_set_timeout(tc, 0);
    tcase_add_test(tc, test_sweep);
    tcase_add_test(tc, test_random_products);
    tcase_add_test(tc, test_goal_fibers);
    tcase_add_test(tc, test_corrupt);
    tcase_add_test(tc, test_input_errors);
    suite_add_tcase(s, tc);
    failed = rs_test_run(s);
    /* FLINT caches freed integers; releasing them keeps valgrind's leak
       report clean (with CK_FORK=no) */
    flint_cleanup_master();
    return failed ? 1 : 0;
}
