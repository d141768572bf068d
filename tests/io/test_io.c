/* Tests of the network and matrix readers: one test per class of bad input
   (exact "FILE:LINE:COL: expected ..." message, status, and the output
   object left unchanged), the accepted syntax (CRLF, comments, tabs, zero
   widths, huge numbers), and the JSON form agreeing with the text form. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

/* ---- helpers ------------------------------------------------------- */

/* A recognisable network that failed reads must leave alone. */
static void sentinel_init(rs_net_t N)
{
    slong d[2] = {1, 2};
    rs_net_init(N, d, 1);
    fmpq_set_si(fmpq_mat_entry(rs_net_weight_mut(N, 1), 0, 0), 5, 7);
    fmpq_set_si(fmpq_mat_entry(rs_net_weight_mut(N, 1), 1, 0), -1, 1);
}

static int sentinel_intact(const rs_net_t N)
{
    fmpq_t a, b;
    int ok;
    if (rs_net_num_layers(N) != 1 || rs_net_width(N, 0) != 1 ||
        rs_net_width(N, 1) != 2)
        return 0;
    fmpq_init(a);
    fmpq_init(b);
    fmpq_set_si(a, 5, 7);
    fmpq_set_si(b, -1, 1);
    ok = fmpq_equal(fmpq_mat_entry(rs_net_weight(N, 1), 0, 0), a) &&
         fmpq_equal(fmpq_mat_entry(rs_net_weight(N, 1), 1, 0), b);
    fmpq_clear(a);
    fmpq_clear(b);
    return ok;
}

/* Reads data[0..len) as a network named `name`; expects status and a
   message starting with `want`; checks the output is untouched. */
static void net_fails_n(const char *data, size_t len, const char *name,
                        const rs_io_limits_t *lim, int status, const char *want)
{
    rs_net_t N;
    rs_error_t err;
    int r;
    rs_error_init(err);
    sentinel_init(N);
    r = rs_net_read_buffer(N, data, len, name, lim, err);
    ck_assert_msg(r == status && err->status == status,
                  "status %d (expected %d) for message: %s", r, status,
                  err->msg);
    ck_assert_msg(strncmp(err->msg, want, strlen(want)) == 0,
                  "message\n  %s\nexpected to start with\n  %s", err->msg,
                  want);
    ck_assert_msg(strchr(err->msg, '\n') == NULL, "multi-line message");
    ck_assert_msg(sentinel_intact(N), "output changed by a failed read");
    rs_net_clear(N);
}

static void net_fails(const char *text, int status, const char *want)
{
    net_fails_n(text, strlen(text), "t.net", NULL, status, want);
}

static void net_fails_lim(const char *text, const rs_io_limits_t *lim,
                          int status, const char *want)
{
    net_fails_n(text, strlen(text), "t.net", lim, status, want);
}

/* For one-line JSON: the error must be at the column where `needle`
   (+ delta) occurs in text. */
static void json_fails_at(const char *text, const char *needle, int delta,
                          int status, const char *expected)
{
    char want[512];
    const char *at = strstr(text, needle);
    ck_assert_msg(at != NULL, "bad test: no %s in %s", needle, text);
    snprintf(want, sizeof want, "t.json:1:%ld: %s",
             (long)(at - text) + 1 + delta, expected);
    net_fails_n(text, strlen(text), "t.json", NULL, status, want);
}

static void net_reads(rs_net_t N, const char *text)
{
    rs_error_t err;
    int r;
    rs_error_init(err);
    r = rs_net_read_buffer(N, text, strlen(text), "t.net", NULL, err);
    ck_assert_msg(r == RS_OK, "read failed: %s\n--- input:\n%s", err->msg,
                  text);
}

static int entry_is(const rs_net_t N, slong k, slong i, slong j, slong p,
                    ulong q)
{
    fmpq_t x;
    int ok;
    fmpq_init(x);
    fmpq_set_si(x, p, q);
    ok = fmpq_equal(fmpq_mat_entry(rs_net_weight(N, k), i, j), x);
    fmpq_clear(x);
    return ok;
}

static int nets_equal(const rs_net_t A, const rs_net_t B)
{
    slong k, L = rs_net_num_layers(A);
    if (L != rs_net_num_layers(B))
        return 0;
    for (k = 0; k <= L; k++)
        if (rs_net_width(A, k) != rs_net_width(B, k))
            return 0;
    for (k = 1; k <= L; k++)
        if (!fmpq_mat_equal(rs_net_weight(A, k), rs_net_weight(B, k)))
            return 0;
    return 1;
}

static void mat_fails_n(const char *data, size_t len, const rs_io_limits_t *lim,
                        int status, const char *want)
{
    fmpq_mat_t M;
    rs_error_t err;
    int r;
    rs_error_init(err);
    fmpq_mat_init(M, 1, 1);
    fmpq_set_si(fmpq_mat_entry(M, 0, 0), 3, 4);
    r = rs_matrix_read_buffer(M, data, len, "t.mat", lim, err);
    ck_assert_msg(r == status && err->status == status,
                  "status %d for message: %s", r, err->msg);
    ck_assert_msg(strncmp(err->msg, want, strlen(want)) == 0,
                  "message\n  %s\nexpected to start with\n  %s", err->msg,
                  want);
    ck_assert(fmpq_mat_nrows(M) == 1 && fmpq_mat_ncols(M) == 1);
    ck_assert(fmpz_equal_si(fmpq_mat_entry_num(M, 0, 0), 3) &&
              fmpz_equal_si(fmpq_mat_entry_den(M, 0, 0), 4));
    fmpq_mat_clear(M);
}

static void mat_fails(const char *text, int status, const char *want)
{
    mat_fails_n(text, strlen(text), NULL, status, want);
}

/* ---- the text format: accepted syntax -------------------------------- */

static const char *demo_text = "# the example of docs/formats.md\n"
                               "dims 2 3 2\n"
                               "W1\n"
                               "1    0\n"
                               "0    1/2\n"
                               "-3   4\n"
                               "W2\n"
                               "1 2 3\n"
                               "0 0 -7/3\n";

static void check_demo(const rs_net_t N)
{
    ck_assert_int_eq(rs_net_num_layers(N), 2);
    ck_assert_int_eq(rs_net_width(N, 0), 2);
    ck_assert_int_eq(rs_net_width(N, 1), 3);
    ck_assert_int_eq(rs_net_width(N, 2), 2);
    ck_assert(entry_is(N, 1, 0, 0, 1, 1) && entry_is(N, 1, 0, 1, 0, 1));
    ck_assert(entry_is(N, 1, 1, 1, 1, 2) && entry_is(N, 1, 2, 0, -3, 1));
    ck_assert(entry_is(N, 1, 2, 1, 4, 1) && entry_is(N, 2, 0, 2, 3, 1));
    ck_assert(entry_is(N, 2, 1, 2, -7, 3) && entry_is(N, 2, 1, 0, 0, 1));
}

START_TEST(test_text_accepts)
{
    rs_net_t N;
    rs_net_init_empty(N);
    net_reads(N, demo_text);
    check_demo(N);
    /* CRLF line ends, tabs, indented and trailing comments, blank lines
       made of blanks, a byte order mark, no final line end */
    net_reads(N, "\xEF\xBB\xBF"
                 "  # header\r\n"
                 "\r\n"
                 "\tdims\t2 3   2 # widths\r\n"
                 "W1\r\n"
                 "1\t0\r\n"
                 " \t \r\n"
                 "  0 1/2\r\n"
                 "-3 4 # third row\r\n"
                 "   # between blocks\r\n"
                 "W2\r\n"
                 "1 2 3\r\n"
                 "0 0 -7/3");
    check_demo(N);
    /* decimals, signs, non-canonical fractions */
    net_reads(N, "dims 1 6\nW1\n-0.125\n+3\n10/4\n.5\n7.\n-0/5\n");
    ck_assert(entry_is(N, 1, 0, 0, -1, 8) && entry_is(N, 1, 1, 0, 3, 1));
    ck_assert(entry_is(N, 1, 2, 0, 5, 2) && entry_is(N, 1, 3, 0, 1, 2));
    ck_assert(entry_is(N, 1, 4, 0, 7, 1) && entry_is(N, 1, 5, 0, 0, 1));
    rs_net_clear(N);
}
END_TEST

START_TEST(test_text_zero_widths)
{
    rs_net_t N;
    rs_net_init_empty(N);
    /* d_k = 0: W_k has no rows; d_{k-1} = 0: W_k has no row lines */
    net_reads(N, "dims 0 3 0\nW1\nW2\n");
    ck_assert_int_eq(rs_net_num_layers(N), 2);
    ck_assert_int_eq(rs_net_width(N, 1), 3);
    ck_assert_int_eq(fmpq_mat_nrows(rs_net_weight(N, 1)), 3);
    ck_assert_int_eq(fmpq_mat_ncols(rs_net_weight(N, 1)), 0);
    ck_assert_int_eq(fmpq_mat_nrows(rs_net_weight(N, 2)), 0);
    net_reads(N, "dims 2 0 2\nW1\nW2\n\n\n");
    ck_assert_int_eq(rs_net_width(N, 2), 2);
    net_reads(N, "dims 0 0\nW1\n");
    ck_assert_int_eq(rs_net_width(N, 0), 0);
    net_reads(N, "dims 2 1 0 1\nW1\n1 2\nW2\nW3\n\n");
    ck_assert(entry_is(N, 1, 0, 1, 2, 1));
    rs_net_clear(N);
    net_fails("dims 0 2 1\nW1\nW2\n1\n", RS_EINPUT,
              "t.net:4:2: expected 2 entries in row 1 of W2, found 1");
    net_fails("dims 0 2 1\nW1\n\n5\nW2\n1 2\n", RS_EINPUT,
              "t.net:4:1: expected 'W2', found a row (W1 has no row lines "
              "since d_0 = 0)");
}
END_TEST

START_TEST(test_text_long_lines)
{
    /* no line buffers: a row of 200000 entries, and one entry too many */
    slong n = 200000, i;
    size_t cap = 64 + 2 * (size_t)(n + 1);
    char *s = flint_malloc(cap), *p, want[128];
    rs_net_t N;
    p = s + sprintf(s, "dims %ld 1\nW1\n", (long)n);
    for (i = 0; i < n; i++) {
        *p++ = i == n - 1 ? '7' : '0';
        *p++ = ' ';
    }
    *p = '\0';
    rs_net_init_empty(N);
    net_reads(N, s);
    ck_assert(entry_is(N, 1, 0, n - 1, 7, 1));
    rs_net_clear(N);
    strcpy(p, "9");
    snprintf(want, sizeof want,
             "t.net:3:%ld: expected %ld entries in row 1 of W1, found %ld",
             (long)(2 * n + 1), (long)n, (long)(n + 1));
    net_fails(s, RS_EINPUT, want);
    /* a comment line of a million characters */
    p = s + sprintf(s, "#");
    memset(p, 'c', 1000);
    strcpy(p + 1000, "\ndims 1 1\nW1\n3\n");
    rs_net_init_empty(N);
    net_reads(N, s);
    rs_net_clear(N);
    flint_free(s);
}
END_TEST

START_TEST(test_text_huge_numbers)
{
    /* a 10^6-digit numerator and denominator: 10^999999 / (2 10^999999 +
       1) */
    slong n = 1000000;
    char *s = flint_malloc(2 * (size_t)n + 64), *p;
    rs_net_t N;
    fmpq_t x;
    fmpz_t ten;
    p = s + sprintf(s, "dims 1 1\nW1\n1");
    memset(p, '0', (size_t)n - 1);
    p += n - 1;
    *p++ = '/';
    *p++ = '2';
    memset(p, '0', (size_t)n - 2);
    p += n - 2;
    strcpy(p, "1\n");
    rs_net_init_empty(N);
    net_reads(N, s);
    fmpq_init(x);
    fmpz_init(ten);
    fmpz_set_ui(ten, 10);
    fmpz_pow_ui(fmpq_numref(x), ten, (ulong)n - 1);
    fmpz_mul_ui(fmpq_denref(x), fmpq_numref(x), 2);
    fmpz_add_ui(fmpq_denref(x), fmpq_denref(x), 1);
    ck_assert(fmpq_equal(fmpq_mat_entry(rs_net_weight(N, 1), 0, 0), x));
    fmpq_clear(x);
    fmpz_clear(ten);
    rs_net_clear(N);
    flint_free(s);
}
END_TEST

/* ---- the text format: every class of bad input ------------------------ */

START_TEST(test_text_empty)
{
    net_fails("", RS_EINPUT,
              "t.net:1:1: expected 'dims d_0 d_1 ... d_L', found end of "
              "file");
    net_fails("# only a comment\n\n   \n", RS_EINPUT,
              "t.net:4:1: expected 'dims d_0 d_1 ... d_L', found end of "
              "file");
    net_fails_n(NULL, 0, "t.net", NULL, RS_EINPUT, "t.net:1:1: expected");
}
END_TEST

START_TEST(test_text_dims_missing_or_repeated)
{
    net_fails("W1\n1\n", RS_EINPUT,
              "t.net:1:1: expected 'dims d_0 d_1 ... d_L', found 'W1'");
    net_fails("  Dims 1 1\n", RS_EINPUT,
              "t.net:1:3: expected 'dims d_0 d_1 ... d_L', found 'Dims'");
    net_fails("dims 1 1\ndims 1 1\n", RS_EINPUT,
              "t.net:2:1: expected 'W1', found a second 'dims' line");
    net_fails("dims 1 1 1\nW1\n5\n dims 1 1\n", RS_EINPUT,
              "t.net:4:2: expected 'W2', found a second 'dims' line");
    net_fails("dims 1 1\nW1\n5\ndims 1 1\n", RS_EINPUT,
              "t.net:4:1: expected end of file, found a second 'dims' line");
}
END_TEST

START_TEST(test_text_bad_widths)
{
    net_fails("dims 2 -3\n", RS_EINPUT,
              "t.net:1:8: expected a nonnegative integer width d_1, found "
              "'-3'");
    net_fails("dims 2 3/2\n", RS_EINPUT,
              "t.net:1:9: expected a nonnegative integer width d_1, found "
              "'3/2'");
    net_fails("dims 2.5 3\n", RS_EINPUT,
              "t.net:1:7: expected a nonnegative integer width d_0");
    net_fails("dims 2,3\n", RS_EINPUT,
              "t.net:1:7: expected a nonnegative integer width d_0");
    net_fails("dims +2 3\n", RS_EINPUT,
              "t.net:1:6: expected a nonnegative integer width d_0");
    net_fails("dims 3\n", RS_EINPUT,
              "t.net:1:7: expected 'dims d_0 d_1 ... d_L' with at least 2 "
              "values, found 1");
    net_fails("dims\n", RS_EINPUT,
              "t.net:1:5: expected 'dims d_0 d_1 ... d_L' with at least 2 "
              "values, found 0");
}
END_TEST

START_TEST(test_text_too_large)
{
    rs_io_limits_t lim;
    /* refused from the dims line alone, whatever follows */
    net_fails("dims 1000000000 1000000000\n", RS_ELIMIT,
              "t.net:1:6: width d_0 = 1000000000 exceeds the limit of "
              "1000000 (max_width)");
    net_fails("dims 3 99999999999999999999999999999999\n", RS_ELIMIT,
              "t.net:1:8: width d_1 = 99999999999999999999999999999999 "
              "exceeds the limit");
    net_fails("dims 10000 10000\nW1\n", RS_ELIMIT,
              "t.net:1:1: the network has 100000000 weight entries, more "
              "than the limit of 50000000 (max_entries)");
    rs_io_limits_default(&lim);
    lim.max_width = WORD(1) << 40;
    net_fails_lim("dims 1000000000 1000000000\n", &lim, RS_ELIMIT,
                  "t.net:1:1: the network has 1000000000000000000 weight "
                  "entries");
    rs_io_limits_default(&lim);
    lim.max_layers = 3;
    net_fails_lim("dims 1 1 1 1 1\n", &lim, RS_ELIMIT,
                  "t.net:1:14: expected 'dims d_0 d_1 ... d_L' with at most "
                  "4 values (max_layers = 3), found more");
    lim.max_width = 4;
    net_fails_lim("dims 4 5\n", &lim, RS_ELIMIT,
                  "t.net:1:8: width d_1 = 5 exceeds the limit of 4");
    rs_io_limits_default(&lim);
    lim.max_entries = 11;
    net_fails_lim("dims 2 3 2\n", &lim, RS_ELIMIT,
                  "t.net:1:1: the network has 12 weight entries, more than "
                  "the limit of 11");
    /* 12 entries in 3 + 2 rows: a row costs memory even without
       entries */
    lim.max_entries = 16;
    net_fails_lim("dims 2 3 2\n", &lim, RS_ELIMIT,
                  "t.net:1:1: the network has 12 weight entries in 5 rows, "
                  "more than the limit of 16 on their sum (max_entries)");
    lim.max_entries = 17;
    net_fails_lim("dims 2 3 2\n", &lim, RS_EINPUT,
                  "t.net:2:1: expected 'W1', found end of file");
    /* no entries at all, but a million rows per matrix: refused from the
       dims line, before anything is allocated */
    {
        char *big = flint_malloc(20000);
        slong k;
        strcpy(big, "dims");
        for (k = 0; k < 1000; k++)
            strcat(big, k % 2 ? " 0" : " 1000000");
        strcat(big, "\n");
        net_fails(big, RS_ELIMIT,
                  "t.net:1:1: the network has 0 weight entries in "
                  "499000000 rows, more than the limit of 50000000 on their "
                  "sum (max_entries)");
        flint_free(big);
    }
    rs_io_limits_default(&lim);
    lim.max_file_bytes = 10;
    net_fails_lim("dims 1 1\nW1\n1\n", &lim, RS_ELIMIT,
                  "t.net: input of 14 bytes is larger than 10 bytes");
}
END_TEST

START_TEST(test_text_blocks)
{
    net_fails("dims 1 1\n", RS_EINPUT,
              "t.net:2:1: expected 'W1', found end of file");
    net_fails("dims 1 1 1\nW1\n5\n", RS_EINPUT,
              "t.net:4:1: expected 'W2', found end of file");
    net_fails("dims 1 1 1\nW1\n5\nW1\n6\n", RS_EINPUT,
              "t.net:4:1: expected 'W2', found 'W1' (blocks come in the "
              "order W1..W2, each once)");
    net_fails("dims 1 1 1\nW2\n5\n", RS_EINPUT,
              "t.net:2:1: expected 'W1', found 'W2'");
    net_fails("dims 1 1 1\nW1\n5\nW3\n", RS_EINPUT,
              "t.net:4:1: expected 'W2', found 'W3' (the dims line gives "
              "L = 2)");
    net_fails("dims 1 1\nw1\n5\n", RS_EINPUT,
              "t.net:2:1: expected 'W1', found 'w1'");
    net_fails("dims 1 1\n5\n", RS_EINPUT,
              "t.net:2:1: expected 'W1' before the rows of W1, found a row");
    net_fails("dims 1 1\nW1 5\n", RS_EINPUT,
              "t.net:2:4: expected the end of the line after 'W1', found "
              "'5'");
}
END_TEST

START_TEST(test_text_rows)
{
    net_fails("dims 3 2\nW1\n1 2 3\n4 5\n", RS_EINPUT,
              "t.net:4:4: expected 3 entries in row 2 of W1, found 2");
    net_fails("dims 3 2\nW1\n1 2 3\n4 5   # comment\n", RS_EINPUT,
              "t.net:4:4: expected 3 entries in row 2 of W1, found 2");
    net_fails("dims 2 1\nW1\n1 2 3 4\n", RS_EINPUT,
              "t.net:3:5: expected 2 entries in row 1 of W1, found 4");
    net_fails("dims 1 1\nW1\n1 2\n", RS_EINPUT,
              "t.net:3:3: expected 1 entry in row 1 of W1, found 2");
    net_fails("dims 2 3\nW1\n1 2\n3 4\n", RS_EINPUT,
              "t.net:5:1: expected row 3 of W1 (a 3 x 2 matrix), found end "
              "of file");
    net_fails("dims 1 2 1\nW1\n1\nW2\n1 1\n", RS_EINPUT,
              "t.net:4:1: expected row 2 of W1 (a 2 x 1 matrix), found 'W2'");
    net_fails("dims 1 1 1\nW1\n5\n6\nW2\n7\n", RS_EINPUT,
              "t.net:4:1: expected 'W2', found a row (W1 has 1 row)");
    net_fails("dims 1 2\nW1\n5\n6\n7\n", RS_EINPUT,
              "t.net:5:1: expected end of file, found a row (W1 has 2 rows)");
}
END_TEST

START_TEST(test_text_bad_numbers)
{
    net_fails("dims 1 1\nW1\n1/0\n", RS_EINPUT,
              "t.net:3:3: expected a nonzero denominator in row 1 of W1, "
              "found '1/0'");
    net_fails("dims 2 1\nW1\n7 -4/000\n", RS_EINPUT,
              "t.net:3:6: expected a nonzero denominator in row 1 of W1");
    net_fails("dims 1 1\nW1\n1/\n", RS_EINPUT,
              "t.net:3:3: expected a number (integer, p/q, or decimal such "
              "as 2.5e-3) in row 1 of W1, found '1/'");
    net_fails("dims 1 1\nW1\n--3\n", RS_EINPUT,
              "t.net:3:2: expected a number (integer, p/q, or decimal such "
              "as 2.5e-3) in row 1 of W1, found '--3'");
    net_fails("dims 1 1\nW1\n1e\n", RS_EINPUT, "t.net:3:3: expected a number");
    net_fails("dims 1 1\nW1\n1e-1001\n", RS_ELIMIT,
              "t.net:3:4: expected an exponent between -1000 and 1000");
    net_fails("dims 1 1\nW1\n0x10\n", RS_EINPUT,
              "t.net:3:2: expected an exact number (integer, p/q or decimal "
              "such as 2.5e-3; hexadecimal, inf and nan are not accepted)");
    net_fails("dims 1 1\nW1\n1/-2\n", RS_EINPUT,
              "t.net:3:3: expected a number");
    net_fails("dims 2 1\nW1\n1 nan\n", RS_EINPUT,
              "t.net:3:3: expected an exact number (integer, p/q or decimal "
              "such as 2.5e-3; hexadecimal, inf and nan are not accepted) in "
              "row 1 of W1, found 'nan'");
    net_fails("dims 1 1\nW1\ninf\n", RS_EINPUT,
              "t.net:3:1: expected an exact number (integer, p/q or decimal "
              "such as 2.5e-3; hexadecimal, inf and nan are not accepted) in "
              "row 1 of W1, found 'inf'");
    net_fails("dims 2 1\nW1\n1 1.2.3\n", RS_EINPUT,
              "t.net:3:6: expected a number");
    net_fails("dims 2 1\nW1\n1 .\n", RS_EINPUT, "t.net:3:4: expected a number");
    net_fails("dims 2 2\nW1\n1 2\n3 4#x\n", RS_EINPUT,
              "t.net:4:4: expected a number");
}
END_TEST

START_TEST(test_text_trailing_garbage)
{
    net_fails("dims 1 1\nW1\n5\nhello\n", RS_EINPUT,
              "t.net:4:1: expected end of file, found 'hello'");
    net_fails("dims 1 1\nW1\n5\n\n\n  W2\n", RS_EINPUT,
              "t.net:6:3: expected end of file, found 'W2' (the dims line "
              "gives L = 1)");
}
END_TEST

START_TEST(test_text_bytes)
{
    static const char nul[] = "dims 1 1\nW1\n5\0\n";
    net_fails_n(nul, sizeof nul - 1, "t.net", NULL, RS_EINPUT,
                "t.net:3:2: expected text, found a NUL byte");
    net_fails("# caf\xC3\ndims 1 1\n", RS_EINPUT,
              "t.net:1:6: expected valid UTF-8 text, found the byte 0xC3");
    /* columns count characters: the accented letter is one column */
    net_fails("# \xC3\xA9t\xC3\xA9 \xFF\n", RS_EINPUT,
              "t.net:1:7: expected valid UTF-8 text, found the byte 0xFF");
    net_fails("dims 1 1\n# \xC0\xAF overlong\n", RS_EINPUT,
              "t.net:2:3: expected valid UTF-8 text, found the byte 0xC0");
    net_fails("dims 1 1\n# \xED\xA0\x80 surrogate\n", RS_EINPUT,
              "t.net:2:3: expected valid UTF-8 text, found the byte 0xED");
    net_fails("dims 1 1\n# \xF4\x90\x80\x80 too high\n", RS_EINPUT,
              "t.net:2:3: expected valid UTF-8 text, found the byte 0xF4");
    net_fails("dims 1 1\nW1\n5 \x01\n", RS_EINPUT,
              "t.net:3:3: expected text, found the control character 0x01");
    net_fails("dims 1 1\r\nW1\r5\n", RS_EINPUT,
              "t.net:2:3: expected a line feed after a carriage return");
    net_fails("dims 1 1\nW1\n\xC2\xA0"
              "5\n",
              RS_EINPUT, "t.net:3:1: expected row 1 of W1");
}
END_TEST

/* ---- JSON ------------------------------------------------------------ */

static const char *demo_json =
    "{\"dims\": [2, 3, 2],\n"
    " \"weights\": [[[1, 0], [0, \"1/2\"], [-3, 4]],\n"
    "             [[1, 2, 3], [0, 0, \"-7/3\"]]]}\n";

START_TEST(test_json_accepts)
{
    rs_net_t N, T;
    rs_net_init_empty(N);
    rs_net_init_empty(T);
    net_reads(N, demo_json);
    check_demo(N);
    net_reads(T, demo_text);
    ck_assert(nets_equal(N, T));
    /* key order, escapes in keys, decimals, strings for integers */
    net_reads(N, "\r\n\t {\"weights\": [[[\"1\", \"0.0\"], [0, 0.5], "
                 "[\"-3\", 4.000]], [[1, 2, 3], [0, 0, \"-14/6\"]]],"
                 "\"d\\u0069ms\": [2, 3, 2]}");
    ck_assert(nets_equal(N, T));
    net_reads(N, "{\"dims\":[0,3,0],\"weights\":[[[],[],[]],[]]}");
    ck_assert_int_eq(rs_net_width(N, 1), 3);
    ck_assert_int_eq(fmpq_mat_nrows(rs_net_weight(N, 1)), 3);
    rs_net_clear(N);
    rs_net_clear(T);
}
END_TEST

START_TEST(test_json_huge_integers)
{
    /* integers of any size, bare or as strings */
    char *s = flint_malloc(4000), *p;
    rs_net_t N;
    fmpz_t z;
    p = s + sprintf(s, "{\"dims\":[1,2],\"weights\":[[[-");
    memset(p, '9', 1500);
    p += 1500;
    p += sprintf(p, "],[\"1/");
    memset(p, '9', 1500);
    p += 1500;
    strcpy(p, "\"]]]}");
    rs_net_init_empty(N);
    net_reads(N, s);
    fmpz_init(z);
    fmpz_set_ui(z, 10);
    fmpz_pow_ui(z, z, 1500);
    fmpz_sub_ui(z, z, 1);
    ck_assert(fmpz_equal(fmpq_mat_entry_den(rs_net_weight(N, 1), 1, 0), z));
    fmpz_neg(z, z);
    ck_assert(fmpz_equal(fmpq_mat_entry_num(rs_net_weight(N, 1), 0, 0), z));
    fmpz_clear(z);
    rs_net_clear(N);
    flint_free(s);
}
END_TEST

START_TEST(test_json_keys)
{
    /* unknown keys (notebook metadata) are skipped, whatever their value */
    {
        const char *t = "{\"meta\":{\"dims\":[9],\"w\":[1,{}]},\"dims\":[1,1],"
                        "\"foo\":1,\"weights\":[[[5]]],\"foo\":null}";
        rs_net_t N;
        rs_error_t err;
        rs_net_init_empty(N);
        rs_error_init(err);
        ck_assert_msg(rs_net_read_buffer(N, t, strlen(t), "t", NULL, err) ==
                          RS_OK,
                      "%s", err->msg);
        ck_assert_int_eq(N->L, 1);
        ck_assert(fmpq_equal_si(fmpq_mat_entry(rs_net_weight(N, 1), 0, 0), 5));
        rs_net_clear(N);
    }
    json_fails_at("{\"dims\":[1,1],\"weights\":[[[5]]],\"dims\":[1,1]}",
                  ",\"dims\"", 1, RS_EINPUT,
                  "expected each key once, found \"dims\" again");
    json_fails_at("{\"dims\":[1,1]}", "}", 0, RS_EINPUT,
                  "expected the key \"weights\" in the network object, "
                  "found '}'");
    json_fails_at("{\"weights\":[[[5]]]}", "]}", 1, RS_EINPUT,
                  "expected the key \"dims\" in the network object");
    json_fails_at("{}", "}", 0, RS_EINPUT, "expected the key \"dims\"");
    json_fails_at("{\"dims\":[1,1],\"weights\":[[[5]]]} x", "x", 0, RS_EINPUT,
                  "expected end of file after the JSON value, found 'x'");
    json_fails_at("{\"dims\":[1,1],\"weights\":[[[5]]]}{}", "{}", 0, RS_EINPUT,
                  "expected end of file after the JSON value");
    json_fails_at("{", "{", 1, RS_EINPUT,
                  "expected a string key or '}', found end of file");
    json_fails_at("{\"dims\":[1,1],\"weights\":[[[5]]],}", ",}", 1, RS_EINPUT,
                  "expected a string key, found '}'");
    json_fails_at("{\"dims\" [1,1]}", "[", 0, RS_EINPUT,
                  "expected ':' after the key, found '['");
}
END_TEST

START_TEST(test_json_syntax)
{
    json_fails_at("{\"dims\":[1,1],\"weights\":[[[5,]]]}", ",]", 1, RS_EINPUT,
                  "expected a JSON value, found ']'");
    json_fails_at("{\"dims\":[1,1] \"weights\":[]}", "\"weights", 0, RS_EINPUT,
                  "expected ',' or '}', found \"weights\"");
    json_fails_at("{\"dims\":[1 1],\"weights\":[]}", "1]", 0, RS_EINPUT,
                  "expected ',' or ']', found '1'");
    json_fails_at("{\"dims\":[1,1],\"weights\":[[[NaN]]]}", "NaN", 0, RS_EINPUT,
                  "expected a JSON value, found 'NaN'");
    json_fails_at("{\"dims\":[1,1],\"weights\":[[[01]]]}", "01", 1, RS_EINPUT,
                  "expected a JSON number, found '01'");
    json_fails_at("{\"dims\":[1,1],\"weights\":[[[-]]]}", "]]]", 0, RS_EINPUT,
                  "expected a JSON number, found '-'");
    json_fails_at("{\"dims\":[1,1],\"weights\":[[[1.]]]}", "]]]", 0, RS_EINPUT,
                  "expected a JSON number, found '1.'");
    json_fails_at("{\"dims\":[1,1],\"weights\":[[[\"5]]]}", "\"5", 0, RS_EINPUT,
                  "expected a closing '\"' for the string that starts here");
    json_fails_at("{\"dims\":[1,1],\"weights\":[[[\"\\x\"]]]}", "\\x", 0,
                  RS_EINPUT, "expected an escape");
    json_fails_at("{\"dims\":[1,1],\"weights\":[[[\"\\u12G4\"]]]}", "G", 0,
                  RS_EINPUT, "expected 4 hexadecimal digits after \\u");
    json_fails_at("{\"dims\":[1,1],\"weights\":[[[\"\\ud800x\"]]]}", "\\u", 0,
                  RS_EINPUT, "expected a low surrogate");
    json_fails_at("{\"dims\":[1,1],\"weights\":[[[\"\\uDC00\"]]]}", "\\u", 0,
                  RS_EINPUT, "expected a high surrogate");
    json_fails_at("{\"dims\":[1,1],\"weights\":[[[\"a\tb\"]]]}", "\t", 0,
                  RS_EINPUT, "expected an escape such as \\n");
    json_fails_at("{\"dims\":[1,1],\"weights\":[[[\"\xFF\"]]]}", "\xFF", 0,
                  RS_EINPUT, "expected valid UTF-8 text, found the byte 0xFF");
    net_fails_n("{\"dims\":[1,1],\0", 15, "t.json", NULL, RS_EINPUT,
                "t.json:1:15: expected text, found a NUL byte");
    /* positions on later lines */
    net_fails_n("{\"dims\": [1, 1],\n \"weights\": [[[5 ]]],\n \"x\": 0x}", 48,
                "t.json", NULL, RS_EINPUT, "t.json:3:8: expected");
}
END_TEST

START_TEST(test_json_depth)
{
    /* deep nesting is refused at the first container over the limit,
       without recursion */
    size_t n = 100000;
    char *s = flint_malloc(n + 16);
    rs_io_limits_t lim;
    strcpy(s, "{\"dims\":");
    memset(s + 8, '[', n);
    s[n + 8] = '\0';
    net_fails_n(s, strlen(s), "t.json", NULL, RS_EINPUT,
                "t.json:1:72: expected at most 64 nested arrays and objects "
                "(max_json_depth), found deeper nesting");
    rs_io_limits_default(&lim);
    lim.max_json_depth = 3;
    net_fails_n("{\"dims\":[1,1],\"weights\":[[[5]]]}", 32, "t.json", &lim,
                RS_EINPUT, "t.json:1:27: expected at most 3 nested");
    lim.max_json_depth = 4;
    {
        rs_net_t N;
        rs_error_t err;
        rs_error_init(err);
        rs_net_init_empty(N);
        ck_assert_int_eq(rs_net_read_buffer(N,
                                            "{\"dims\":[1,1],\"weights\":[[["
                                            "5]]]}",
                                            32, "t.json", &lim, err),
                         RS_OK);
        rs_net_clear(N);
    }
    flint_free(s);
}
END_TEST

START_TEST(test_json_schema)
{
    json_fails_at("{\"dims\":[2,-3,2],\"weights\":[]}", "-3", 0, RS_EINPUT,
                  "expected a nonnegative integer width d_1, found '-3'");
    json_fails_at("{\"dims\":[2,3.0],\"weights\":[]}", ".0", 0, RS_EINPUT,
                  "expected a nonnegative integer width d_1, found '3.0'");
    json_fails_at("{\"dims\":[2,\"3\"],\"weights\":[]}", "\"3\"", 0, RS_EINPUT,
                  "expected a nonnegative integer width d_1");
    json_fails_at("{\"dims\":[2],\"weights\":[]}", "]", 0, RS_EINPUT,
                  "expected at least 2 widths in \"dims\", found 1");
    json_fails_at("{\"dims\":5,\"weights\":[]}", "5", 0, RS_EINPUT,
                  "expected \"dims\" as a list of widths");
    json_fails_at("{\"dims\":[2000000,1],\"weights\":[]}", "2000000", 0,
                  RS_ELIMIT,
                  "width d_0 = 2000000 exceeds the limit of 1000000 "
                  "(max_width)");
    json_fails_at("{\"dims\":[10000,10000],\"weights\":[]}", "\"dims\"", 0,
                  RS_ELIMIT, "the network has 100000000 weight entries");
    json_fails_at("{\"dims\":[1,1],\"weights\":{}}", "{}", 0, RS_EINPUT,
                  "expected \"weights\" as a list of 1 matrix, found '{'");
    json_fails_at("{\"dims\":[1,1,1],\"weights\":[[[5]]]}", "]]]}", 2,
                  RS_EINPUT,
                  "expected 2 matrices in \"weights\" (L = 2), found 1");
    json_fails_at("{\"dims\":[1,1],\"weights\":[[[5]],[[6]]]}", "[[6", 0,
                  RS_EINPUT,
                  "expected 1 matrix in \"weights\" (L = 1), found more");
    json_fails_at("{\"dims\":[1,2],\"weights\":[[[5]]]}", "]]}", 0, RS_EINPUT,
                  "expected 2 rows in W1, found 1");
    json_fails_at("{\"dims\":[1,1],\"weights\":[[[5],[6]]]}", "[6", 0,
                  RS_EINPUT, "expected 1 row in W1, found more");
    json_fails_at("{\"dims\":[2,1],\"weights\":[[[5]]]}", "]]]", 0, RS_EINPUT,
                  "expected 2 entries in row 1 of W1, found 1");
    json_fails_at("{\"dims\":[1,1],\"weights\":[[[5,6]]]}", "6", 0, RS_EINPUT,
                  "expected 1 entry in row 1 of W1, found more");
    json_fails_at("{\"dims\":[1,1],\"weights\":[[5]]}", "5", 0, RS_EINPUT,
                  "expected row 1 of W1 as a list of 1 entry, found '5'");
    json_fails_at("{\"dims\":[1,1],\"weights\":[5]}", "5", 0, RS_EINPUT,
                  "expected W1 as a list of 1 row, found '5'");
    json_fails_at("{\"dims\":[1,1],\"weights\":[[[true]]]}", "true", 0,
                  RS_EINPUT, "expected an entry");
    json_fails_at("{\"dims\":[1,1],\"weights\":[[[[5]]]]}", "[5", 0, RS_EINPUT,
                  "expected an entry");
}
END_TEST

START_TEST(test_json_bad_numbers)
{
    json_fails_at("{\"dims\":[1,1],\"weights\":[[[1e5000]]]}", "5000", 0,
                  RS_ELIMIT,
                  "expected an exponent between -1000 and 1000 in row 1 of "
                  "W1, found '1e5000'");
    json_fails_at("{\"dims\":[1,1],\"weights\":[[[\"NaN\"]]]}", "NaN", 0,
                  RS_EINPUT,
                  "expected an exact number (integer, p/q or decimal such as "
                  "2.5e-3; hexadecimal, inf and nan are not accepted)");
    json_fails_at("{\"dims\":[1,1],\"weights\":[[[\"1/0\"]]]}", "0\"", 0,
                  RS_EINPUT,
                  "expected a nonzero denominator in row 1 of W1, found "
                  "\"1/0\"");
    json_fails_at("{\"dims\":[1,1],\"weights\":[[[\" 1\"]]]}", " 1", 0,
                  RS_EINPUT, "expected a number");
    json_fails_at("{\"dims\":[1,1],\"weights\":[[[\"\"]]]}", "\"\"", 1,
                  RS_EINPUT, "expected a number");
    json_fails_at("{\"dims\":[1,1],\"weights\":[[[\"0x10\"]]]}", "x", 0,
                  RS_EINPUT, "expected an exact number");
    json_fails_at("{\"dims\":[1,1],\"weights\":[[[\"\\u0031\"]]]}", "\\", 0,
                  RS_EINPUT, "expected a number");
}
END_TEST

/* ---- matrix files ---------------------------------------------------- */

START_TEST(test_matrix_files)
{
    fmpq_mat_t M;
    rs_error_t err;
    const char *good = "# a product\nmatrix 2 3\n1 2 3\r\n-4/6 0.5 6\n";
    rs_error_init(err);
    fmpq_mat_init(M, 0, 0);
    ck_assert_int_eq(
        rs_matrix_read_buffer(M, good, strlen(good), "t.mat", NULL, err),
        RS_OK);
    ck_assert_int_eq(fmpq_mat_nrows(M), 2);
    ck_assert_int_eq(fmpq_mat_ncols(M), 3);
    ck_assert(fmpz_equal_si(fmpq_mat_entry_num(M, 1, 0), -2) &&
              fmpz_equal_si(fmpq_mat_entry_den(M, 1, 0), 3));
    ck_assert_int_eq(
        rs_matrix_read_buffer(M, "matrix 3 0\n", 11, "t.mat", NULL, err),
        RS_OK);
    ck_assert_int_eq(fmpq_mat_nrows(M), 3);
    ck_assert_int_eq(fmpq_mat_ncols(M), 0);
    fmpq_mat_clear(M);

    mat_fails("", RS_EINPUT,
              "t.mat:1:1: expected 'matrix R C', found end of file");
    mat_fails("dims 2 3\n", RS_EINPUT,
              "t.mat:1:1: expected 'matrix R C', found 'dims'");
    mat_fails("matrix 2\n", RS_EINPUT,
              "t.mat:1:9: expected 'matrix R C' with 2 values, found 1");
    mat_fails("matrix 2 3 4\n", RS_EINPUT,
              "t.mat:1:12: expected 'matrix R C' with 2 values, found more");
    mat_fails("matrix 2 x\n", RS_EINPUT,
              "t.mat:1:10: expected a nonnegative integer column count C");
    mat_fails("matrix 1 2\n1\n", RS_EINPUT,
              "t.mat:2:2: expected 2 entries in row 1 of the matrix, found "
              "1");
    mat_fails("matrix 2 1\n1\n", RS_EINPUT,
              "t.mat:3:1: expected row 2 of the matrix (a 2 x 1 matrix), "
              "found end of file");
    mat_fails("matrix 1 1\n1\n2\n", RS_EINPUT,
              "t.mat:3:1: expected end of file, found a row (the matrix has "
              "1 row)");
    mat_fails("matrix 2 0\n1\n", RS_EINPUT,
              "t.mat:2:1: expected end of file, found a row (a matrix with "
              "C = 0 has no row lines)");
    mat_fails("matrix 1 1\n1\nmatrix 1 1\n", RS_EINPUT,
              "t.mat:3:1: expected end of file, found 'matrix'");
    mat_fails("matrix 1 1\n1/0\n", RS_EINPUT,
              "t.mat:2:3: expected a nonzero denominator");
    mat_fails("matrix 1000000000 1\n", RS_ELIMIT,
              "t.mat:1:8: row count R = 1000000000 exceeds the limit of "
              "1000000 (max_width)");
    mat_fails("matrix 100000 100000\n", RS_ELIMIT,
              "t.mat:1:1: the matrix has 100000 x 100000 entries, more than "
              "the limit of 50000000 (max_entries)");
    mat_fails_n("matrix 1 1\n\xFE\n", 13, NULL, RS_EINPUT,
                "t.mat:2:1: expected valid UTF-8");
}
END_TEST

/* ---- reading from paths ---------------------------------------------- */

START_TEST(test_read_paths)
{
    char dir[] = "/tmp/rs_test_io_XXXXXX", path[64];
    rs_net_t N;
    rs_error_t err;
    rs_io_limits_t lim;
    FILE *f;
    ck_assert(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/demo.net", dir);
    f = fopen(path, "w");
    fputs(demo_text, f);
    fclose(f);
    rs_error_init(err);
    rs_net_init_empty(N);
    ck_assert_int_eq(rs_net_read(N, path, NULL, err), RS_OK);
    check_demo(N);
    rs_net_clear(N);

    sentinel_init(N);
    rs_io_limits_default(&lim);
    lim.max_file_bytes = 20;
    ck_assert_int_eq(rs_net_read(N, path, &lim, err), RS_ELIMIT);
    ck_assert_msg(strstr(err->msg, "larger than 20 bytes") != NULL, "%s",
                  err->msg);
    ck_assert_int_eq(rs_net_read(N, dir, NULL, err), RS_EINPUT);
    ck_assert_msg(strstr(err->msg, "cannot read") != NULL, "%s", err->msg);
    remove(path);
    ck_assert_int_eq(rs_net_read(N, path, NULL, err), RS_EINPUT);
    ck_assert_msg(strncmp(err->msg, path, strlen(path)) == 0 &&
                      strstr(err->msg, "cannot open") != NULL,
                  "%s", err->msg);
    ck_assert(sentinel_intact(N));

    /* a NUL byte ends the reading at once: an endless source of zeros is
       refused at its first byte, even under the default 1 GiB bound, and
       a file with a NUL deep inside gives the same message as its
       in-memory form */
    ck_assert_int_eq(rs_net_read(N, "/dev/zero", NULL, err), RS_EINPUT);
    ck_assert_str_eq(err->msg, "/dev/zero:1:1: expected text, found a NUL "
                               "byte");
    {
        fmpq_mat_t M;
        fmpq_mat_init(M, 0, 0);
        ck_assert_int_eq(rs_matrix_read(M, "/dev/zero", NULL, err), RS_EINPUT);
        ck_assert_str_eq(err->msg, "/dev/zero:1:1: expected text, found a "
                                   "NUL byte");
        fmpq_mat_clear(M);
    }
    {
        char msg[RS_ERROR_MSG_LEN];
        size_t k, len = 300000;
        char *big = flint_malloc(len);
        for (k = 0; k < len; k++)
            big[k] = k % 61 == 60 ? '\n' : '#';
        memcpy(big, "dims 1 1\n", 9);
        big[200000] = '\0';
        f = fopen(path, "wb");
        ck_assert(fwrite(big, 1, len, f) == len);
        fclose(f);
        ck_assert_int_eq(rs_net_read_buffer(N, big, len, path, NULL, err),
                         RS_EINPUT);
        strcpy(msg, err->msg);
        ck_assert_int_eq(rs_net_read(N, path, NULL, err), RS_EINPUT);
        ck_assert_str_eq(err->msg, msg);
        ck_assert_msg(strstr(msg, "NUL byte") != NULL, "%s", msg);
        flint_free(big);
        remove(path);
    }
    ck_assert(sentinel_intact(N));
    rs_net_clear(N);
    rmdir(dir);
}
END_TEST

START_TEST(test_examples)
{
    /* the bundled examples: demo.json is demo.net in JSON form (run from
       the top of the source tree, as `make check` does) */
    rs_net_t A, B;
    rs_error_t err;
    rs_error_init(err);
    rs_net_init_empty(A);
    rs_net_init_empty(B);
    ck_assert_msg(rs_net_read(A, "data/examples/demo.net", NULL, err) == 0,
                  "%s", err->msg);
    ck_assert_msg(rs_net_read(B, "data/examples/demo.json", NULL, err) == 0,
                  "%s", err->msg);
    ck_assert(nets_equal(A, B));
    ck_assert_msg(rs_net_read(B, "data/examples/deep.net", NULL, err) == 0,
                  "%s", err->msg);
    ck_assert_int_eq(rs_net_num_layers(B), 4);
    rs_net_clear(A);
    rs_net_clear(B);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("io");
    TCase *tc = tcase_create("read");
    tcase_set_timeout(tc, 0);
    tcase_add_test(tc, test_text_accepts);
    tcase_add_test(tc, test_text_zero_widths);
    tcase_add_test(tc, test_text_long_lines);
    tcase_add_test(tc, test_text_huge_numbers);
    tcase_add_test(tc, test_text_empty);
    tcase_add_test(tc, test_text_dims_missing_or_repeated);
    tcase_add_test(tc, test_text_bad_widths);
    tcase_add_test(tc, test_text_too_large);
    tcase_add_test(tc, test_text_blocks);
    tcase_add_test(tc, test_text_rows);
    tcase_add_test(tc, test_text_bad_numbers);
    tcase_add_test(tc, test_text_trailing_garbage);
    tcase_add_test(tc, test_text_bytes);
    tcase_add_test(tc, test_json_accepts);
    tcase_add_test(tc, test_json_huge_integers);
    tcase_add_test(tc, test_json_keys);
    tcase_add_test(tc, test_json_syntax);
    tcase_add_test(tc, test_json_depth);
    tcase_add_test(tc, test_json_schema);
    tcase_add_test(tc, test_json_bad_numbers);
    tcase_add_test(tc, test_matrix_files);
    tcase_add_test(tc, test_read_paths);
    tcase_add_test(tc, test_examples);
    suite_add_tcase(s, tc);
    return rs_test_run(s) ? EXIT_FAILURE : EXIT_SUCCESS;
}
