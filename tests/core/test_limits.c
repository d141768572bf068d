/* Tests of the product size check: the exact cost agrees with the
   matrices rs_net_compute_products really allocates, agrees with a brute
   force sum for widths far beyond a word, and the check refuses exactly
   above the limit, with the sizes in its message. */
#include <stdlib.h>
#include <string.h>

#include "rankstrat/limits.h"
#include "testutil.h"

/* The costs counted directly, pair by pair. */
static void brute_cost(fmpz_t e, fmpz_t r, fmpz_t m, const slong *d, slong L)
{
    slong i, j;
    fmpz_t t;
    fmpz_init(t);
    fmpz_zero(e);
    fmpz_zero(r);
    fmpz_zero(m);
    for (j = 0; j <= L; j++)
        for (i = 0; i <= j; i++) {
            fmpz_set_si(t, d[j]);
            fmpz_mul_si(t, t, d[i]);
            fmpz_add(e, e, t);
            fmpz_add_si(r, r, d[j]);
            fmpz_add_ui(m, m, 1);
        }
    fmpz_clear(t);
}

START_TEST(test_cost_matches_allocation)
{
    flint_rand_t state;
    slong trial, d[8];
    rs_test_rand_init(state);
    for (trial = 0; trial < 200; trial++) {
        slong L = 1 + (slong)n_randint(state, 6), i, j, k;
        fmpz_t e, r, m, ae, ar, am;
        rs_net_t N;
        for (k = 0; k <= L; k++)
            d[k] = (slong)n_randint(state, 5); /* zero widths included */
        rs_net_init(N, d, L);
        rs_net_compute_products(N);
        fmpz_init(e);
        fmpz_init(r);
        fmpz_init(m);
        fmpz_init(ae);
        fmpz_init(ar);
        fmpz_init(am);
        /* what the network really holds */
        for (j = 0; j <= L; j++)
            for (i = 0; i <= j; i++) {
                const fmpq_mat_struct *P = rs_net_product(N, j, i);
                fmpz_add_si(ae, ae, fmpq_mat_nrows(P) * fmpq_mat_ncols(P));
                fmpz_add_si(ar, ar, fmpq_mat_nrows(P));
                fmpz_add_ui(am, am, 1);
            }
        rs_limits_product_cost(e, r, m, d, L);
        ck_assert(fmpz_equal(e, ae));
        ck_assert(fmpz_equal(r, ar));
        ck_assert(fmpz_equal(m, am));
        rs_limits_product_cost(NULL, NULL, NULL, d, L); /* all optional */
        fmpz_clear(e);
        fmpz_clear(r);
        fmpz_clear(m);
        fmpz_clear(ae);
        fmpz_clear(ar);
        fmpz_clear(am);
        rs_net_clear(N);
    }
    rs_rand_clear(state);
}
END_TEST

START_TEST(test_huge_widths_and_threshold)
{
    flint_rand_t state;
    slong trial;
    rs_test_rand_init(state);
    for (trial = 0; trial < 300; trial++) {
        slong L = 1 + (slong)n_randint(state, 40), k, d[41], max;
        fmpz_t e, r, m, be, br, bm, total;
        rs_error_t err;
        char *s;
        /* widths up to 2^40: sums of products far beyond a word */
        for (k = 0; k <= L; k++)
            d[k] =
                n_randint(state, 3) == 0
                    ? 0
                    : (slong)n_randint(state, UWORD(1) << n_randint(state, 41));
        fmpz_init(e);
        fmpz_init(r);
        fmpz_init(m);
        fmpz_init(be);
        fmpz_init(br);
        fmpz_init(bm);
        fmpz_init(total);
        rs_limits_product_cost(e, r, m, d, L);
        brute_cost(be, br, bm, d, L);
        ck_assert(fmpz_equal(e, be) && fmpz_equal(r, br) && fmpz_equal(m, bm));
        fmpz_add(total, e, r);
        fmpz_add(total, total, m);
        /* refused exactly above the limit */
        if (fmpz_fits_si(total)) {
            max = fmpz_get_si(total);
            rs_error_init(err);
            ck_assert_int_eq(rs_limits_check_products(d, L, max, "--x", err),
                             RS_OK);
            ck_assert_int_eq(err->status, RS_OK);
            ck_assert_int_eq(
                rs_limits_check_products(d, L, max - 1, "--x", err), RS_ELIMIT);
        } else {
            max = WORD_MAX;
            rs_error_init(err);
            ck_assert_int_eq(rs_limits_check_products(d, L, max, "--x", err),
                             RS_ELIMIT);
        }
        /* the message gives the sizes and names the limit */
        s = fmpz_get_str(NULL, 10, e);
        ck_assert_msg(strstr(err->msg, s) != NULL, "%s", err->msg);
        ck_assert_msg(strstr(err->msg, "(--x)") != NULL, "%s", err->msg);
        ck_assert(strchr(err->msg, '\n') == NULL);
        flint_free(s);
        fmpz_clear(e);
        fmpz_clear(r);
        fmpz_clear(m);
        fmpz_clear(be);
        fmpz_clear(br);
        fmpz_clear(bm);
        fmpz_clear(total);
    }
    rs_rand_clear(state);
}
END_TEST

START_TEST(test_refusal_message)
{
    /* d = (10^6, 0, 10^6): no weights at all, yet an n x n product */
    slong d[3] = {1000000, 0, 1000000};
    rs_error_t err;
    rs_error_init(err);
    ck_assert_int_eq(
        rs_limits_check_products(d, 2, 10000000, "--max-entries", err),
        RS_ELIMIT);
    ck_assert_str_eq(err->msg,
                     "the partial products W_ji would need 3000000000000 "
                     "entries, 4000000 rows and 6 matrices (at least "
                     "48000032000192 bytes), more than the limit of "
                     "10000000 on their sum (--max-entries)");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("limits");
    TCase *tc = tcase_create("products");
    tcase_set_timeout(tc, 0);
    tcase_add_test(tc, test_cost_matches_allocation);
    tcase_add_test(tc, test_huge_widths_and_threshold);
    tcase_add_test(tc, test_refusal_message);
    suite_add_tcase(s, tc);
    return rs_test_run(s) ? EXIT_FAILURE : EXIT_SUCCESS;
}
