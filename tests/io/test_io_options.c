/* Tests of the command-line value parsers: --dims, --barcode and plain
   counts; messages name the option and the character position. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static void opt_msg(const rs_error_t err, int r, int status, const char *want)
{
    ck_assert_msg(r == status && err->status == status,
                  "status %d (expected %d): %s", r, status, err->msg);
    ck_assert_msg(strncmp(err->msg, want, strlen(want)) == 0,
                  "message\n  %s\nexpected to start with\n  %s", err->msg,
                  want);
}

static void dims_fail(const char *arg, int status, const char *want)
{
    slong *d = NULL, L = -7;
    rs_error_t err;
    rs_error_init(err);
    opt_msg(err, rs_parse_dims(&d, &L, arg, "--dims", err), status, want);
    ck_assert(d == NULL && L == -7);
}

START_TEST(test_dims)
{
    slong *d, L;
    rs_error_t err;
    rs_error_init(err);
    ck_assert_int_eq(rs_parse_dims(&d, &L, "2,3,2", "--dims", err), RS_OK);
    ck_assert(L == 2 && d[0] == 2 && d[1] == 3 && d[2] == 2);
    flint_free(d);
    ck_assert_int_eq(rs_parse_dims(&d, &L, " 0 , 10,\t007 ", "--dims", err),
                     RS_OK);
    ck_assert(L == 2 && d[0] == 0 && d[1] == 10 && d[2] == 7);
    flint_free(d);

    dims_fail("2,x,2", RS_EINPUT,
              "--dims: expected a nonnegative integer at character 3 of "
              "\"2,x,2\"");
    dims_fail("", RS_EINPUT,
              "--dims: expected a nonnegative integer at character 1 of "
              "\"\"");
    dims_fail("-1,2", RS_EINPUT,
              "--dims: expected a nonnegative integer at character 1");
    dims_fail("2,3,", RS_EINPUT,
              "--dims: expected a nonnegative integer at character 5");
    dims_fail("2,,3", RS_EINPUT,
              "--dims: expected a nonnegative integer at character 3");
    dims_fail("2;3", RS_EINPUT,
              "--dims: expected ',' between widths at character 2 of "
              "\"2;3\"");
    dims_fail("2,3.5", RS_EINPUT,
              "--dims: expected ',' between widths at character 4");
    dims_fail("2 3", RS_EINPUT,
              "--dims: expected ',' between widths at character 3");
    dims_fail("4", RS_EINPUT,
              "--dims: expected at least two widths d_0,...,d_L at "
              "character 2 of \"4\"");
    /* characters, not bytes */
    dims_fail("\xC3\xA9,2", RS_EINPUT,
              "--dims: expected a nonnegative integer at character 1");
    dims_fail("2,\xC3\xA9", RS_EINPUT,
              "--dims: expected a nonnegative integer at character 3");
    dims_fail("1,2\xC3\xA9", RS_EINPUT,
              "--dims: expected ',' between widths at character 4");
    dims_fail("99999999999999999999999,1", RS_ELIMIT,
              "--dims: expected a width of at most 1073741824 at character "
              "1");
    /* each width fits, the total does not (rs_dims_check) */
    dims_fail("1073741824,1", RS_ELIMIT, "--dims");
}
END_TEST

START_TEST(test_dims_random)
{
    flint_rand_t state;
    slong iter;
    rs_test_rand_init(state);
    for (iter = 0; iter < 1000; iter++) {
        slong L = 1 + n_randint(state, 12), k, *d, L2;
        slong want[16];
        char buf[256];
        size_t o = 0;
        rs_error_t err;
        rs_error_init(err);
        for (k = 0; k <= L; k++) {
            want[k] = n_randint(state, 3) ? n_randint(state, 10)
                                          : n_randint(state, 100000);
            o += snprintf(buf + o, sizeof buf - o, "%s%s%ld", k ? "," : "",
                          n_randint(state, 4) ? "" : " ", (long)want[k]);
        }
        ck_assert_msg(rs_parse_dims(&d, &L2, buf, "--dims", err) == RS_OK,
                      "%s: %s", buf, err->msg);
        ck_assert_int_eq(L2, L);
        for (k = 0; k <= L; k++)
            ck_assert_int_eq(d[k], want[k]);
        flint_free(d);
    }
    rs_rand_clear(state);
}
END_TEST

static void barcode_fail(const char *arg, slong L, int status, const char *want)
{
    rs_barcode_t B;
    rs_error_t err;
    rs_error_init(err);
    rs_barcode_init(B, 1);
    rs_barcode_set_entry(B, 0, 1, 5);
    opt_msg(err, rs_parse_barcode(B, L, arg, "--barcode", err), status, want);
    /* untouched */
    ck_assert(B->L == 1 && rs_barcode_get(B, 0, 1) == 5 &&
              rs_barcode_get(B, 0, 0) == 0 && rs_barcode_get(B, 1, 1) == 0);
    rs_barcode_clear(B);
}

START_TEST(test_barcode)
{
    rs_barcode_t B;
    rs_error_t err;
    rs_error_init(err);
    rs_barcode_init(B, 1);
    ck_assert_int_eq(rs_parse_barcode(B, 2, "0-2x2,1-1", "--barcode", err),
                     RS_OK);
    ck_assert_int_eq(B->L, 2);
    ck_assert_int_eq(rs_barcode_get(B, 0, 2), 2);
    ck_assert_int_eq(rs_barcode_get(B, 1, 1), 1);
    ck_assert_int_eq(rs_barcode_num_strands(B), 3);
    /* repeated bars add; blanks around bars */
    ck_assert_int_eq(
        rs_parse_barcode(B, 3, " 0-0, 1-3x2 ,0-0x3,1-3", "--barcode", err),
        RS_OK);
    ck_assert_int_eq(rs_barcode_get(B, 0, 0), 4);
    ck_assert_int_eq(rs_barcode_get(B, 1, 3), 3);
    ck_assert_int_eq(rs_barcode_num_strands(B), 7);
    ck_assert_int_eq(rs_parse_barcode(B, 2, "", "--barcode", err), RS_OK);
    ck_assert_int_eq(rs_barcode_num_strands(B), 0);
    ck_assert_int_eq(rs_parse_barcode(B, 2, "-", "--barcode", err), RS_OK);
    ck_assert_int_eq(rs_barcode_num_strands(B), 0);
    rs_barcode_clear(B);

    barcode_fail("2-1", 2, RS_EINPUT,
                 "--barcode: expected a bar i-j with i <= j at character 1 "
                 "of \"2-1\"");
    barcode_fail("0-0,0-3", 2, RS_EINPUT,
                 "--barcode: expected a layer index between 0 and L = 2 at "
                 "character 7");
    barcode_fail("3-3", 2, RS_EINPUT,
                 "--barcode: expected a layer index between 0 and L = 2 at "
                 "character 1");
    barcode_fail("0-1x0", 2, RS_EINPUT,
                 "--barcode: expected a multiplicity m >= 1 after 'x' at "
                 "character 5");
    barcode_fail("0-1x", 2, RS_EINPUT,
                 "--barcode: expected a multiplicity m >= 1 after 'x' at "
                 "character 5");
    barcode_fail("0-1y", 2, RS_EINPUT,
                 "--barcode: expected ',' or 'xm' after a bar at character "
                 "4");
    barcode_fail("0", 2, RS_EINPUT,
                 "--barcode: expected '-' in the bar i-j at character 2");
    barcode_fail("0-", 2, RS_EINPUT,
                 "--barcode: expected the layer index j of a bar i-j at "
                 "character 3");
    barcode_fail("a-1", 2, RS_EINPUT,
                 "--barcode: expected a bar i-j or i-jxm (a layer index i "
                 "first) at character 1");
    barcode_fail("0-1,", 2, RS_EINPUT,
                 "--barcode: expected a bar i-j or i-jxm (a layer index i "
                 "first) at character 5");
    barcode_fail("0-1x99999999999999999999", 2, RS_ELIMIT,
                 "--barcode: expected multiplicities adding up to at most "
                 "1073741824 at character 1");
    barcode_fail("0-1x1073741824,1-1", 2, RS_ELIMIT,
                 "--barcode: expected multiplicities adding up to at most "
                 "1073741824 at character 16");
}
END_TEST

START_TEST(test_barcode_random)
{
    /* random barcodes printed by rs_barcode_fprint_arg, and by a
       spelling that splits multiplicities into repeated bars in random
       order, read back equal */
    flint_rand_t state;
    slong iter;
    rs_test_rand_init(state);
    for (iter = 0; iter < 500; iter++) {
        slong L = 1 + n_randint(state, 5), i, j;
        rs_barcode_t B, C;
        rs_error_t err;
        char *buf, text[4096];
        size_t len, o = 0;
        FILE *f;
        rs_error_init(err);
        rs_barcode_init(B, L);
        rs_barcode_init(C, 1);
        for (i = 0; i <= L; i++)
            for (j = i; j <= L; j++)
                if (n_randint(state, 3) == 0)
                    rs_barcode_set_entry(B, i, j, 1 + n_randint(state, 4));
        f = open_memstream(&buf, &len);
        rs_barcode_fprint_arg(f, B);
        fclose(f);
        ck_assert_msg(rs_parse_barcode(C, L, buf, "--barcode", err) == RS_OK,
                      "%s: %s", buf, err->msg);
        ck_assert(rs_barcode_equal(B, C));
        free(buf);
        for (j = L; j >= 0; j--)
            for (i = 0; i <= j; i++) {
                slong m = rs_barcode_get(B, i, j);
                while (m > 0) {
                    slong part = 1 + n_randint(state, m);
                    o += snprintf(text + o, sizeof text - o, "%s%ld-%ld",
                                  o ? "," : "", (long)i, (long)j);
                    if (part > 1 || n_randint(state, 2))
                        o += snprintf(text + o, sizeof text - o, "x%ld",
                                      (long)part);
                    m -= part;
                }
            }
        text[o] = '\0';
        ck_assert_msg(rs_parse_barcode(C, L, text, "--barcode", err) == RS_OK,
                      "%s: %s", text, err->msg);
        ck_assert_msg(rs_barcode_equal(B, C), "%s", text);
        rs_barcode_clear(B);
        rs_barcode_clear(C);
    }
    rs_rand_clear(state);
}
END_TEST

START_TEST(test_slong)
{
    slong v = -3;
    rs_error_t err;
    rs_error_init(err);
    ck_assert_int_eq(rs_parse_slong(&v, "12", 100, "--rank", err), RS_OK);
    ck_assert_int_eq(v, 12);
    ck_assert_int_eq(rs_parse_slong(&v, "0", 0, "--rank", err), RS_OK);
    ck_assert_int_eq(v, 0);
    ck_assert_int_eq(rs_parse_slong(&v, "9223372036854775806", WORD_MAX,
                                    "--max-strata", err),
                     RS_OK);
    ck_assert_int_eq(v, WORD_MAX - 1);
    /* the bound itself is allowed, even WORD_MAX (found by fuzzing) */
    ck_assert_int_eq(rs_parse_slong(&v, "9223372036854775807", WORD_MAX,
                                    "--max-strata", err),
                     RS_OK);
    ck_assert_int_eq(v, WORD_MAX);
    ck_assert_int_eq(rs_parse_slong(&v, "10", 10, "--rank", err), RS_OK);
    ck_assert_int_eq(v, 10);
    v = -3;
    opt_msg(err,
            rs_parse_slong(&v, "9223372036854775807", WORD_MAX - 1,
                           "--max-strata", err),
            RS_EINPUT,
            "--max-strata: expected a value of at most 9223372036854775806");
    opt_msg(err,
            rs_parse_slong(&v, "9223372036854775808", WORD_MAX, "--max-strata",
                           err),
            RS_EINPUT,
            "--max-strata: expected a value of at most 9223372036854775807");
    opt_msg(err, rs_parse_slong(&v, "", 10, "--rank", err), RS_EINPUT,
            "--rank: expected a nonnegative integer at character 1 of "
            "\"\"");
    opt_msg(err, rs_parse_slong(&v, "1x", 10, "--rank", err), RS_EINPUT,
            "--rank: expected a nonnegative integer at character 2 of "
            "\"1x\"");
    opt_msg(err, rs_parse_slong(&v, "-1", 10, "--rank", err), RS_EINPUT,
            "--rank: expected a nonnegative integer at character 1");
    opt_msg(err, rs_parse_slong(&v, " 1", 10, "--rank", err), RS_EINPUT,
            "--rank: expected a nonnegative integer at character 1");
    opt_msg(err, rs_parse_slong(&v, "11", 10, "--rank", err), RS_EINPUT,
            "--rank: expected a value of at most 10 at character 1");
    opt_msg(err,
            rs_parse_slong(&v, "99999999999999999999999999", WORD_MAX,
                           "--max-strata", err),
            RS_EINPUT, "--max-strata: expected a value of at most");
    ck_assert_int_eq(v, -3);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("io_options");
    TCase *tc = tcase_create("options");
    tcase_set_timeout(tc, 0);
    tcase_add_test(tc, test_dims);
    tcase_add_test(tc, test_dims_random);
    tcase_add_test(tc, test_barcode);
    tcase_add_test(tc, test_barcode_random);
    tcase_add_test(tc, test_slong);
    suite_add_tcase(s, tc);
    return rs_test_run(s) ? EXIT_FAILURE : EXIT_SUCCESS;
}
