/* The cost model: estimates grow with what they must grow with (bits of
   the entries, widths, layers, the number of matrices even when empty),
   the check names the option that raises the violated limit, and the
   default limits are sane. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

START_TEST(test_cost_monotone)
{
    slong d[] = {20, 20, 20, 20}, z[4097], L;
    rs_cost_t a, b;
    rs_cost_zero(&a);
    rs_cost_zero(&b);
    rs_cost_ranks(&a, d, 3, 8);
    rs_cost_ranks(&b, d, 3, 8000);
    /* a thousand times the bits: far more memory and work */
    ck_assert(b.bytes > 50 * a.bytes);
    ck_assert(b.work > 1000 * a.work);
    /* empty layers still cost one matrix each, L^2/2 of them */
    for (L = 0; L <= 4096; L++)
        z[L] = 0;
    rs_cost_zero(&a);
    rs_cost_zero(&b);
    rs_cost_ranks(&a, z, 1024, 0);
    rs_cost_ranks(&b, z, 4096, 0);
    ck_assert(a.work > 0 && b.work > 15 * a.work && b.work < 17 * a.work);
    /* a triangle of (L+1)(L+2)/2 words */
    rs_cost_zero(&a);
    rs_cost_triangle(&a, 9);
    ck_assert(a.bytes == 8 * 55);
    /* a matrix: its entries at 16 bytes each at least */
    ck_assert(rs_cost_qmat_bytes(1000, 1000, 10) >= 16e6);
    /* bits count numerator and denominator together */
    ck_assert(rs_cost_qmat_bytes(10, 10, 1e6) > 100 * 1e6 / 8);
}
END_TEST

START_TEST(test_cost_check)
{
    rs_cost_limits_t lim;
    rs_cost_t c;
    rs_error_t err;
    rs_error_init(err);
    rs_cost_limits_default(&lim);
    ck_assert(lim.max_memory >= 1e6);
    ck_assert(lim.max_work == RS_COST_DEFAULT_WORK);
    ck_assert(lim.max_work == (double)RS_STRATA_COUNT_DEFAULT_WORK);
    c.bytes = lim.max_memory;
    c.work = lim.max_work;
    ck_assert_int_eq(rs_cost_check(&c, &lim, "x", err), RS_OK);
    c.bytes = 2 * lim.max_memory;
    ck_assert_int_eq(rs_cost_check(&c, &lim, "the thing", err), RS_ELIMIT);
    ck_assert(strstr(err->msg, "--max-memory") != NULL);
    ck_assert(strstr(err->msg, "the thing") != NULL);
    c.bytes = 0;
    c.work = 3 * lim.max_work;
    ck_assert_int_eq(rs_cost_check(&c, &lim, "the thing", err), RS_ELIMIT);
    ck_assert(strstr(err->msg, "--max-work") != NULL);
    ck_assert(strstr(err->msg, "6e+08") != NULL);
    ck_assert_int_eq(rs_cost_check(NULL, &lim, "x", err), RS_EINPUT);
    /* NULL arguments of the estimates are no-ops, not crashes */
    c.bytes = c.work = 1;
    rs_cost_limits_set(NULL, NULL);
    rs_cost_fiber(NULL, NULL, 3, 1, 1, 1);
    rs_cost_fiber(&c, NULL, 3, 1, 1, 1);
    rs_cost_canonical(&c, NULL, 2, 1);
    rs_cost_move(&c, NULL, 5);
    ck_assert(c.bytes == 1 && c.work == 1);
    ck_assert_int_eq(rs_cost_mat_bits(NULL), 0);
    ck_assert_int_eq(rs_cost_net_bits(NULL), 0);
    /* sizes in powers of 1024, never in exponent notation */
    lim.max_memory = 1000;
    c.bytes = 1023.9 * 1024;
    c.work = 0;
    ck_assert_int_eq(rs_cost_check(&c, &lim, "y", err), RS_ELIMIT);
    ck_assert_str_eq(err->msg, "estimated 1024 KiB of memory for y, more than "
                               "the limit 1000 B (raise it with --max-memory)");
    lim.max_memory = 1536;
    c.bytes = 3.5 * 1024 * 1024 * 1024;
    ck_assert_int_eq(rs_cost_check(&c, &lim, "y", err), RS_ELIMIT);
    ck_assert_str_eq(err->msg,
                     "estimated 3.5 GiB of memory for y, more than "
                     "the limit 1.5 KiB (raise it with --max-memory)");
}
END_TEST

START_TEST(test_cost_net_bits)
{
    slong d[] = {2, 2};
    rs_net_t N;
    rs_net_init(N, d, 1);
    ck_assert_int_eq(rs_cost_net_bits(N), 1); /* 0/1 */
    fmpz_set_str(fmpq_mat_entry_num(rs_net_weight_mut(N, 1), 1, 0),
                 "1000000000000000000000000000000", 10); /* 10^30: 100 bits */
    fmpz_set_ui(fmpq_mat_entry_den(rs_net_weight_mut(N, 1), 0, 1), 7);
    ck_assert_int_eq(rs_cost_net_bits(N), 100 + 1);
    rs_net_clear(N);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("cost");
    TCase *tc = tcase_create("cost");
    tcase_set_timeout(tc, 0);
    tcase_add_test(tc, test_cost_monotone);
    tcase_add_test(tc, test_cost_check);
    tcase_add_test(tc, test_cost_net_bits);
    suite_add_tcase(s, tc);
    return rs_test_run(s) ? EXIT_FAILURE : EXIT_SUCCESS;
}
