/* Tests of rs_parse_rational: every text it accepts names one rational,
   found by independent means (round trips of random rationals through
   fraction and decimal text, a regular expression for the grammar), and
   every malformed class is refused at the right offset. */
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static void parse_ok(fmpq_t x, const char *s)
{
    slong off = rs_parse_rational(x, s, strlen(s));
    ck_assert_msg(off == -1, "\"%s\" refused at offset %ld", s, (long)off);
}

static void expect_value(const char *s, slong p, ulong q)
{
    fmpq_t x, y;
    fmpq_init(x);
    fmpq_init(y);
    parse_ok(x, s);
    fmpq_set_si(y, p, q);
    ck_assert_msg(fmpq_equal(x, y), "\"%s\" read as a wrong value", s);
    /* canonical form */
    ck_assert(fmpz_sgn(fmpq_denref(x)) > 0);
    fmpq_canonicalise(y);
    ck_assert(fmpz_equal(fmpq_numref(x), fmpq_numref(y)));
    fmpq_clear(x);
    fmpq_clear(y);
}

static void expect_refused(const char *s, slong off)
{
    fmpq_t x, y;
    slong got;
    fmpq_init(x);
    fmpq_init(y);
    fmpq_set_si(x, 11, 13);
    fmpq_set(y, x);
    got = rs_parse_rational(x, s, strlen(s));
    ck_assert_msg(got == off, "\"%s\": offset %ld, expected %ld", s, (long)got,
                  (long)off);
    ck_assert_msg(fmpq_equal(x, y), "\"%s\" changed the output", s);
    fmpq_clear(x);
    fmpq_clear(y);
}

START_TEST(test_values)
{
    expect_value("0", 0, 1);
    expect_value("-0", 0, 1);
    expect_value("+7", 7, 1);
    expect_value("007", 7, 1);
    expect_value("-12/8", -3, 2);
    expect_value("0/5", 0, 1);
    expect_value("-0.125", -1, 8);
    expect_value("0.5000", 1, 2);
    expect_value(".5", 1, 2);
    expect_value("-.25", -1, 4);
    expect_value("3.", 3, 1);
    expect_value("+3.0", 3, 1);
    expect_value("-0.0", 0, 1);
    expect_value("12.75", 51, 4);
    expect_value("9223372036854775807", WORD_MAX, 1);
    /* exponents: the exact decimal they denote */
    expect_value("1e-05", 1, 100000);
    expect_value("2.5E3", 2500, 1);
    expect_value("-7e+2", -700, 1);
    expect_value("1.e5", 100000, 1);
    expect_value(".5e1", 5, 1);
    expect_value("-.125E-1", -1, 80);
    expect_value("1.000000000000000000e+00", 1, 1);
    expect_value("1.000000000000000056e-01", 1000000000000000056,
                 UWORD(10000000000000000000));
    expect_value("0e999", 0, 1);
    expect_value("12e-0", 12, 1);
}
END_TEST

START_TEST(test_exponent_bounds)
{
    /* 3e-1000 = 3 / 10^1000 and -2.5e1000 = -25 10^999, exactly */
    fmpq_t x;
    fmpz_t p;
    fmpq_init(x);
    fmpz_init(p);
    parse_ok(x, "3e-1000");
    fmpz_set_ui(p, 10);
    fmpz_pow_ui(p, p, 1000);
    ck_assert(fmpz_equal_si(fmpq_numref(x), 3));
    ck_assert(fmpz_equal(fmpq_denref(x), p));
    parse_ok(x, "-2.5E+1000");
    fmpz_set_ui(p, 10);
    fmpz_pow_ui(p, p, 999);
    fmpz_mul_si(p, p, -25);
    ck_assert(fmpz_equal(fmpq_numref(x), p));
    ck_assert(fmpz_is_one(fmpq_denref(x)));
    fmpz_clear(p);
    fmpq_clear(x);
}
END_TEST

/* Whether the exponent of s (if any) is within the bound (|e| <= 1000). */
static int exponent_in_bound(const char *s)
{
    const char *e = strpbrk(s, "eE");
    long v = 0;
    if (e == NULL)
        return 1;
    for (e++; *e == '+' || *e == '-'; e++)
        ;
    for (; *e >= '0' && *e <= '9' && v <= 1000; e++)
        v = 10 * v + (*e - '0');
    return v <= 1000;
}

START_TEST(test_malformed)
{
    /* offset of the first character that makes the text not a number;
       the length when the text stops too early */
    expect_refused("", 0);
    expect_refused("+", 1);
    expect_refused("-", 1);
    expect_refused("--3", 1);
    expect_refused("+-1", 1);
    expect_refused("1/0", 2);
    expect_refused("-5/000", 3);
    expect_refused("1/", 2);
    expect_refused("1/-2", 2);
    expect_refused("1/+2", 2);
    expect_refused("/2", 0);
    expect_refused("1//2", 2);
    expect_refused("1/2/3", 3);
    expect_refused("1e", 2);
    expect_refused("1e+", 3);
    expect_refused("1e-x", 3);
    expect_refused("e5", 0);
    expect_refused(".e5", 1);
    expect_refused("1/2e3", 3);
    expect_refused("1e5/2", 3);
    expect_refused("1e5.0", 3);
    expect_refused("1e1001", 2); /* beyond the exponent bound */
    expect_refused("1e-1001", 3);
    expect_refused("1e99999999999999999999999", 2);
    expect_refused("1e1001x", 2); /* the exponent, not what follows */
    expect_refused("0x10", 1);
    expect_refused("inf", 0);
    expect_refused("-inf", 1);
    expect_refused("nan", 0);
    expect_refused("Infinity", 0);
    expect_refused(".", 1);
    expect_refused("-.", 2);
    expect_refused("1.2.3", 3);
    expect_refused("1.5/2", 3);
    expect_refused("1/2.5", 3);
    expect_refused(" 1", 0);
    expect_refused("1 ", 1);
    expect_refused("1,5", 1);
    expect_refused("1_000", 1);
    expect_refused("\xD9\xA1", 0); /* ARABIC-INDIC DIGIT ONE */
}
END_TEST

/* Writes x as text in one of several equivalent spellings. */
static char *spell(const fmpq_t x, int style, flint_rand_t state)
{
    char *num = fmpz_get_str(NULL, 10, fmpq_numref(x));
    char *den = fmpz_get_str(NULL, 10, fmpq_denref(x));
    size_t n = strlen(num) + strlen(den) + 64;
    char *s = flint_malloc(n);
    ulong g = 1 + n_randint(state, 1000);
    if (style == 0) {
        snprintf(s, n, "%s/%s", num, den);
    } else if (style == 1) {
        /* not in lowest terms, with leading zeros and an explicit + */
        fmpz_t a, b;
        char *as, *bs;
        fmpz_init(a);
        fmpz_init(b);
        fmpz_mul_ui(a, fmpq_numref(x), g);
        fmpz_mul_ui(b, fmpq_denref(x), g);
        fmpz_abs(a, a);
        as = fmpz_get_str(NULL, 10, a);
        bs = fmpz_get_str(NULL, 10, b);
        flint_free(s);
        n = strlen(as) + strlen(bs) + 16;
        s = flint_malloc(n);
        snprintf(s, n, "%s00%s/0%s", fmpq_sgn(x) < 0 ? "-" : "+", as, bs);
        flint_free(as);
        flint_free(bs);
        fmpz_clear(a);
        fmpz_clear(b);
    } else {
        snprintf(s, n, "%s", num);
    }
    flint_free(num);
    flint_free(den);
    return s;
}

START_TEST(test_fraction_round_trips)
{
    flint_rand_t state;
    fmpq_t x, y;
    slong iter, n = rs_test_long() ? 20000 : 2000;
    rs_test_rand_init(state);
    fmpq_init(x);
    fmpq_init(y);
    for (iter = 0; iter < n; iter++) {
        int style = (int)n_randint(state, 3);
        char *s;
        fmpq_randtest(x, state, 1 + n_randint(state, iter % 10 ? 100 : 3000));
        if (style == 2)
            fmpz_one(fmpq_denref(x));
        s = spell(x, style, state);
        parse_ok(y, s);
        ck_assert_msg(fmpq_equal(x, y), "round trip of %s", s);
        flint_free(s);
    }
    fmpq_clear(x);
    fmpq_clear(y);
    rs_rand_clear(state);
}
END_TEST

START_TEST(test_decimal_round_trips)
{
    /* x = m / (2^a 5^b) has a finite decimal expansion with k = max(a, b)
       digits after the point: x = (m 2^(k-a) 5^(k-b)) / 10^k */
    flint_rand_t state;
    fmpq_t x, y;
    fmpz_t t, p;
    slong iter, n = rs_test_long() ? 20000 : 2000;
    rs_test_rand_init(state);
    fmpq_init(x);
    fmpq_init(y);
    fmpz_init(t);
    fmpz_init(p);
    for (iter = 0; iter < n; iter++) {
        ulong a = n_randint(state, 40), b = n_randint(state, 40);
        ulong k = FLINT_MAX(a, b), extra = n_randint(state, 3);
        char *digits, *s;
        size_t nd, i, o = 0;
        fmpz_randtest(fmpq_numref(x), state, 1 + n_randint(state, 200));
        fmpz_set_ui(fmpq_denref(x), 1);
        fmpz_mul_2exp(fmpq_denref(x), fmpq_denref(x), a);
        fmpz_set_ui(p, 5);
        fmpz_pow_ui(p, p, b);
        fmpz_mul(fmpq_denref(x), fmpq_denref(x), p);
        fmpq_canonicalise(x);
        /* t = |x| 10^(k + extra), an integer */
        fmpz_set_ui(p, 10);
        fmpz_pow_ui(p, p, k + extra);
        fmpz_mul(t, fmpq_numref(x), p);
        fmpz_divexact(t, t, fmpq_denref(x));
        fmpz_abs(t, t);
        digits = fmpz_get_str(NULL, 10, t);
        nd = strlen(digits);
        s = flint_malloc(nd + k + extra + 8);
        if (fmpq_sgn(x) < 0)
            s[o++] = '-';
        if (nd <= k + extra) {
            /* sometimes ".5", sometimes "0.5" */
            if (n_randint(state, 2))
                s[o++] = '0';
            s[o++] = '.';
            for (i = nd; i < k + extra; i++)
                s[o++] = '0';
            memcpy(s + o, digits, nd);
            o += nd;
        } else {
            memcpy(s + o, digits, nd - k - extra);
            o += nd - k - extra;
            if (k + extra > 0 || n_randint(state, 2)) {
                s[o++] = '.';
                memcpy(s + o, digits + nd - k - extra, k + extra);
                o += k + extra;
            }
        }
        s[o] = '\0';
        parse_ok(y, s);
        ck_assert_msg(fmpq_equal(x, y), "decimal round trip of %s", s);
        flint_free(digits);
        flint_free(s);
    }
    fmpz_clear(t);
    fmpz_clear(p);
    fmpq_clear(x);
    fmpq_clear(y);
    rs_rand_clear(state);
}
END_TEST

START_TEST(test_grammar_against_regex)
{
    /* random short strings over the characters that matter: accepted
       exactly when an independent regular expression matches */
    static const char alphabet[] = "0123456789+-./eE x";
    const char *pattern = "^[+-]?([0-9]+/0*[1-9][0-9]*|([0-9]+|[0-9]+\\.[0-9]*|"
                          "\\.[0-9]+)([eE][+-]?[0-9]+)?)$";
    regex_t re;
    flint_rand_t state;
    fmpq_t x;
    slong iter, n = rs_test_long() ? 400000 : 40000;
    char s[16];
    ck_assert(regcomp(&re, pattern, REG_EXTENDED | REG_NOSUB) == 0);
    rs_test_rand_init(state);
    fmpq_init(x);
    for (iter = 0; iter < n; iter++) {
        size_t len = n_randint(state, 8), i;
        slong off;
        int match;
        for (i = 0; i < len; i++)
            s[i] = alphabet[n_randint(state, sizeof alphabet - 1)];
        s[len] = '\0';
        match = regexec(&re, s, 0, NULL, 0) == 0 && exponent_in_bound(s);
        off = rs_parse_rational(x, s, len);
        ck_assert_msg((off == -1) == match, "\"%s\": parser %s, regex %s", s,
                      off == -1 ? "accepts" : "refuses",
                      match ? "accepts" : "refuses");
        ck_assert(off >= -1 && off <= (slong)len);
        if (off >= 0) {
            /* the text before the offset is still the start of a number:
               it becomes one as it stands or with a digit appended */
            char t[20];
            memcpy(t, s, (size_t)off);
            t[off] = '\0';
            match = regexec(&re, t, 0, NULL, 0) == 0;
            t[off] = '1';
            t[off + 1] = '\0';
            match |= regexec(&re, t, 0, NULL, 0) == 0;
            ck_assert_msg(match, "\"%s\": offset %ld is too late", s,
                          (long)off);
        }
    }
    fmpq_clear(x);
    rs_rand_clear(state);
    regfree(&re);
}
END_TEST

START_TEST(test_huge)
{
    /* 10^6 digits each side of the point: 10^6 digits -> 10^6 digits,
       exact */
    size_t n = 1000000;
    char *s = flint_malloc(2 * n + 3);
    fmpq_t x, y;
    fmpz_t t;
    memset(s, '3', n);
    s[n] = '.';
    memset(s + n + 1, '3', n);
    s[2 * n + 1] = '\0';
    fmpq_init(x);
    fmpq_init(y);
    fmpz_init(t);
    parse_ok(x, s);
    /* x = (10^(2n) - 1) / (3 10^n) */
    fmpz_set_ui(t, 10);
    fmpz_pow_ui(t, t, (ulong)n);
    fmpz_mul_ui(fmpq_denref(y), t, 3);
    fmpz_mul(fmpq_numref(y), t, t);
    fmpz_sub_ui(fmpq_numref(y), fmpq_numref(y), 1);
    fmpq_canonicalise(y);
    ck_assert(fmpq_equal(x, y));
    fmpz_clear(t);
    fmpq_clear(x);
    fmpq_clear(y);
    flint_free(s);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("io_number");
    TCase *tc = tcase_create("number");
    tcase_set_timeout(tc, 0);
    tcase_add_test(tc, test_values);
    tcase_add_test(tc, test_malformed);
    tcase_add_test(tc, test_exponent_bounds);
    tcase_add_test(tc, test_fraction_round_trips);
    tcase_add_test(tc, test_decimal_round_trips);
    tcase_add_test(tc, test_grammar_against_regex);
    tcase_add_test(tc, test_huge);
    suite_add_tcase(s, tc);
    return rs_test_run(s) ? EXIT_FAILURE : EXIT_SUCCESS;
}
