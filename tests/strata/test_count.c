/* Tests of the dense counting programme (count_dp.c) beyond the reach of
   enumeration: against the first, sparse programme (count_hash.c, fmpz
   values in hash maps) at every meeting level, with and without the
   palindrome shortcut, on random widths (bottlenecks, zero widths) and on
   counts with hundreds of digits; identities that hold for any widths
   (the sum over r, reversal); and the exactness of the work bound. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "strata/strata_internal.h"

#define BIG_BUDGET (WORD_MAX / 4)

/* C(f) for a segment of positive widths f[0..M], by the dense programme
   meeting at every level (and once more with the shortcut when f is a
   palindrome), each equal to the sparse programme's. */
static void check_segment_all_levels(const slong *f, slong M, slong step)
{
    fmpz_t want, got;
    rs_cseg_t s;
    slong t, chosen;
    fmpz_init(want);
    fmpz_init(got);
    ck_assert_int_eq(_rs_strata_count_bars_hash(want, f, M, BIG_BUDGET), RS_OK);
    _rs_cseg_init(s, f, M);
    chosen = s->t;
    ck_assert(s->t >= 0 && s->t <= 2 * M);
    ck_assert(!s->use_symmetry || (s->palindrome && s->t == M));
    ck_assert_int_eq(_rs_cseg_count(got, s, NULL), 0);
    ck_assert(fmpz_equal(got, want));
    {
        /* a set flag stops the programme at the second level of a side */
        volatile int cancel = 1;
        slong top = s->use_symmetry ? s->t : FLINT_MAX(s->t, 2 * s->M - s->t);
        ck_assert_int_eq(_rs_cseg_count(got, s, &cancel), top >= 2);
    }
    for (t = 0; t <= 2 * M; t++) {
        if (t % step != 0 && t != M && t != 2 * M)
            continue;
        s->t = t;
        s->use_symmetry = 0;
        _rs_cseg_count(got, s, NULL);
        ck_assert_msg(fmpz_equal(got, want), "level %ld of %ld (chosen %ld)",
                      (long)t, (long)(2 * M), (long)chosen);
        if (s->palindrome && t == M) {
            s->use_symmetry = 1;
            _rs_cseg_count(got, s, NULL);
            ck_assert(fmpz_equal(got, want));
        }
    }
    _rs_cseg_clear(s);
    fmpz_clear(want);
    fmpz_clear(got);
}

START_TEST(test_dense_every_level)
{
    /* random widths: uniform, palindromes, and narrow layers among wide
       ones (the per-coordinate bounds of the dense sets) */
    flint_rand_t state;
    slong trials = rs_test_long() ? 600 : 120, n, M, k, w, f[16];
    rs_test_rand_init(state);
    for (n = 0; n < trials; n++) {
        M = 1 + (slong)n_randint(state, 9);
        w = n % 3 == 0 ? 4 : n % 3 == 1 ? 9 : 25 - 2 * M;
        for (k = 0; k <= M; k++)
            f[k] = 1 + (slong)n_randint(state, w);
        if (n_randint(state, 4) == 0) /* a bottleneck */
            f[n_randint(state, M + 1)] = 1 + (slong)n_randint(state, 2);
        if (n_randint(state, 3) == 0)
            for (k = 0; k <= M / 2; k++)
                f[M - k] = f[k];
        if (n_randint(state, 5) == 0)
            for (k = 0; k <= M; k++)
                f[k] = w;
        check_segment_all_levels(f, M, 1);
    }
    rs_rand_clear(state);
}
END_TEST

START_TEST(test_dense_hundreds_of_digits)
{
    /* long chains: the values need many limbs (widened on the way) */
    slong f[402], M, k, width;
    fmpz_t c, want;
    rs_error_t err;
    flint_rand_t state;
    rs_error_init(err);
    fmpz_init(c);
    fmpz_init(want);
    for (width = 1; width <= 4; width++) {
        M = width == 1 ? 400 : width == 2 ? 300 : 200;
        for (k = 0; k <= M; k++)
            f[k] = width;
        check_segment_all_levels(f, M, 37);
        ck_assert_int_eq(rs_strata_count_bars(c, f, M, 0, NULL, err), RS_OK);
        ck_assert(fmpz_sizeinbase(c, 2) > 200); /* C >= 2^M */
    }
    /* width 1 everywhere: C = 2^M (every gap between layers cut or not) */
    for (k = 0; k <= 400; k++)
        f[k] = 1;
    ck_assert_int_eq(rs_strata_count_bars(c, f, 400, 0, NULL, err), RS_OK);
    fmpz_one(want);
    fmpz_mul_2exp(want, want, 400);
    ck_assert(fmpz_equal(c, want));
    /* random small widths with zeros: the product over segments */
    rs_test_rand_init(state);
    for (k = 0; k <= 300; k++)
        f[k] = (slong)n_randint(state, 30) == 0
                   ? 0
                   : 1 + (slong)n_randint(state, 4);
    ck_assert_int_eq(rs_strata_count_bars(c, f, 300, 0, NULL, err), RS_OK);
    ck_assert_int_eq(_rs_strata_count_bars_hash(want, f, 300, BIG_BUDGET),
                     RS_OK);
    ck_assert(fmpz_equal(c, want));
    for (k = 0; k <= 300; k++)
        f[k] = 1 + (slong)n_randint(state, 5);
    ck_assert_int_eq(rs_strata_count_bars(c, f, 300, 0, NULL, err), RS_OK);
    ck_assert_int_eq(_rs_strata_count_bars_hash(want, f, 300, BIG_BUDGET),
                     RS_OK);
    ck_assert(fmpz_equal(c, want));
    /* C grows with every width (add a bar [k, k]), so C >= 2^300 */
    ck_assert(fmpz_sizeinbase(c, 2) > 300);
    rs_rand_clear(state);
    fmpz_clear(c);
    fmpz_clear(want);
}
END_TEST

START_TEST(test_count_identities)
{
    /* for any widths: C(e) = sum_r count(e, r) (remove the [0, L] bars),
       and the count is invariant under reversing the widths (transpose),
       which swaps the roles of the two halves */
    flint_rand_t state;
    slong trials = rs_test_long() ? 12 : 3, n, L, k, r, m, d[12], dr[12];
    fmpz_t c, x, total;
    rs_error_t err;
    rs_error_init(err);
    fmpz_init(c);
    fmpz_init(x);
    fmpz_init(total);
    rs_test_rand_init(state);
    for (n = 0; n < trials; n++) {
        L = 6 + (slong)n_randint(state, 5);
        for (k = 0; k <= L; k++)
            d[k] = 8 + (slong)n_randint(state, 10);
        for (k = 0; k <= L; k++)
            dr[k] = d[L - k];
        m = d[0];
        for (k = 1; k <= L; k++)
            m = FLINT_MIN(m, d[k]);
        ck_assert_int_eq(rs_strata_count_bars(c, d, L, 0, NULL, err), RS_OK);
        fmpz_zero(total);
        for (r = 0; r <= m; r++) {
            ck_assert_int_eq(rs_strata_count(x, d, L, r, 0, NULL, err), RS_OK);
            fmpz_add(total, total, x);
        }
        ck_assert(fmpz_equal(c, total));
        r = (slong)n_randint(state, m + 1);
        ck_assert_int_eq(rs_strata_count(c, d, L, r, 0, NULL, err), RS_OK);
        ck_assert_int_eq(rs_strata_count(x, dr, L, r, 0, NULL, err), RS_OK);
        ck_assert(fmpz_equal(c, x));
    }
    rs_rand_clear(state);
    fmpz_clear(c);
    fmpz_clear(x);
    fmpz_clear(total);
}
END_TEST

START_TEST(test_work_bound)
{
    /* the plan's work is exact: a bound of exactly the work counts, one
       less refuses; hopeless shapes are refused by the default bound */
    slong d[5] = {12, 15, 11, 14, 13}, big[4], w, w2, k;
    slong three[3] = {WORD(1000000000), WORD(1000000000), WORD(1000000000)};
    fmpz_t c, c2, x;
    rs_error_t err;
    rs_error_init(err);
    fmpz_init(c);
    fmpz_init(c2);
    fmpz_init(x);
    ck_assert_int_eq(rs_strata_count(c, d, 4, 2, BIG_BUDGET, &w, err), RS_OK);
    ck_assert(w > 0);
    ck_assert_int_eq(rs_strata_count(c2, d, 4, 2, w, &w2, err), RS_OK);
    ck_assert_int_eq(w2, w);
    ck_assert(fmpz_equal(c, c2));
    ck_assert_int_eq(rs_strata_count(c2, d, 4, 2, w - 1, &w2, err), RS_ELIMIT);
    ck_assert(w2 > w - 1);
    ck_assert(fmpz_is_zero(c2));
    ck_assert(strstr(err->msg, "--max-work") != NULL);
    big[0] = big[1] = big[2] = big[3] = WORD(1000000);
    ck_assert_int_eq(rs_strata_count(c, big, 3, 0, 0, &w, err), RS_ELIMIT);
    ck_assert(w > RS_STRATA_COUNT_DEFAULT_WORK);
    ck_assert_int_eq(rs_strata_count(c, three, 2, 0, 0, &w, err), RS_ELIMIT);
    /* ... but a huge width at an end costs nothing (the first skew is
       known) */
    big[0] = WORD(1000000);
    big[1] = big[2] = 3;
    big[3] = WORD(2000000);
    ck_assert_int_eq(rs_strata_count(c, big, 3, 0, 0, &w, err), RS_OK);
    ck_assert(w < 1000);
    ck_assert_int_eq(_rs_strata_count_bars_hash(c2, big, 3, BIG_BUDGET), RS_OK);
    for (k = 0; k <= 3; k++)
        big[k]--;
    ck_assert_int_eq(_rs_strata_count_bars_hash(x, big, 3, BIG_BUDGET), RS_OK);
    fmpz_sub(c2, c2, x);
    ck_assert(fmpz_equal(c, c2));
    fmpz_clear(x);
    fmpz_clear(c);
    fmpz_clear(c2);
}
END_TEST

int main(void)
{
    int failed;
    Suite *s = suite_create("strata_count");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 0);
    tcase_add_test(tc, test_dense_every_level);
    tcase_add_test(tc, test_dense_hundreds_of_digits);
    tcase_add_test(tc, test_count_identities);
    tcase_add_test(tc, test_work_bound);
    suite_add_tcase(s, tc);
    failed = rs_test_run(s);
    flint_cleanup_master();
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
