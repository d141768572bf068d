/* Fuzz target: exact numbers (rs_parse_rational, the entry syntax of every
   file format) and plain counts (rs_parse_slong, option values).
   rs_parse_rational is checked against an independent grammar (exponents
   included, with their bound) and an independent evaluation through
   fmpz_set_str: accepted exactly when the
   grammar says so, with the right canonical value; a rejection points at
   the first character that cannot continue a number and leaves x alone;
   the printed value parses back equal. */
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"

static int dig(char c)
{
    return c >= '0' && c <= '9';
}

/* The largest |exponent| the parser accepts. */
#define MAX_EXP 1000

/* Reads an exponent's digits from s[*i..n) into a value capped above
   MAX_EXP; returns the number of digits. */
static size_t exp_digits(const char *s, size_t *i, size_t n, long *v)
{
    size_t c = *i;
    *v = 0;
    for (; *i < n && dig(s[*i]); (*i)++)
        if (*v <= MAX_EXP)
            *v = 10 * *v + (s[*i] - '0');
    return *i - c;
}

/* Whether s[0..n) can be extended to a number: [+-]? D* ('/' D*)? with a
   digit before '/', or [+-]? D* ('.' D*)? ([eE] [+-]? D*)? with a digit in
   the mantissa before the exponent and the exponent within MAX_EXP. */
static int viable(const char *s, size_t n)
{
    size_t i = 0, a, b;
    int mant;
    long v;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        i++;
    a = i;
    while (i < n && dig(s[i]))
        i++;
    if (i == n)
        return 1;
    if (s[i] == '/' && i > a) {
        for (i++; i < n; i++)
            if (!dig(s[i]))
                return 0;
        return 1;
    }
    mant = i > a;
    if (s[i] == '.') {
        b = ++i;
        while (i < n && dig(s[i]))
            i++;
        mant |= i > b;
        if (i == n)
            return 1;
    }
    if ((s[i] != 'e' && s[i] != 'E') || !mant)
        return 0;
    i++;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        i++;
    exp_digits(s, &i, n, &v);
    return i == n && v <= MAX_EXP;
}

/* 1: a number; 0: not; 2: p/q with q = 0 (then *den is where q starts);
   3: an exponent beyond MAX_EXP, whatever follows it (*den: where its
   digits start). */
static int grammar(const char *s, size_t n, size_t *den)
{
    size_t i = 0, a, b;
    int nonzero = 0, mant;
    long v;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        i++;
    a = i;
    while (i < n && dig(s[i]))
        i++;
    if (i == n)
        return i > a;
    if (s[i] == '/') {
        if (i == a)
            return 0;
        b = ++i;
        for (; i < n; i++) {
            if (!dig(s[i]))
                return 0;
            nonzero |= s[i] != '0';
        }
        if (i == b)
            return 0;
        *den = b;
        return nonzero ? 1 : 2;
    }
    mant = i > a;
    if (s[i] == '.') {
        b = ++i;
        while (i < n && dig(s[i]))
            i++;
        mant |= i > b;
    }
    if (!mant)
        return 0;
    if (i == n)
        return 1;
    if (s[i] != 'e' && s[i] != 'E')
        return 0;
    i++;
    if (i < n && (s[i] == '+' || s[i] == '-'))
        i++;
    b = i;
    exp_digits(s, &i, n, &v);
    if (v > MAX_EXP) { /* refused at its digits, whatever follows */
        *den = b;
        return 3;
    }
    if (i == b || i < n)
        return 0;
    return 1;
}

/* z = the digits s[0..n) (possibly none: 0). */
static void digits(fmpz_t z, const char *s, size_t n)
{
    char *t = flint_malloc(n + 2);
    if (n == 0) {
        strcpy(t, "0");
    } else {
        memcpy(t, s, n);
        t[n] = '\0';
    }
    FZ_CHECK(fmpz_set_str(z, t, 10) == 0, "fmpz_set_str");
    flint_free(t);
}

/* Checks x against the value of the number s[0..n). */
static void check_value(const fmpq_t x, const char *s, size_t n)
{
    size_t i = 0, a, k;
    int neg = 0;
    long e = 0;
    fmpz_t p, q, t10;
    fmpq_t y;
    /* an exponent: x = mantissa * 10^e, e read by strtol */
    for (k = 0; k < n && s[k] != 'e' && s[k] != 'E'; k++)
        ;
    if (k < n) {
        char *t = flint_malloc(n - k + 1);
        memcpy(t, s + k + 1, n - k - 1);
        t[n - k - 1] = '\0';
        e = strtol(t, NULL, 10);
        flint_free(t);
        n = k;
    }
    fmpz_init(p);
    fmpz_init(q);
    fmpq_init(y);
    if (s[0] == '+' || s[0] == '-') {
        neg = s[0] == '-';
        i = 1;
    }
    a = i;
    while (i < n && dig(s[i]))
        i++;
    if (i < n && s[i] == '/') {
        digits(p, s + a, i - a);
        digits(q, s + i + 1, n - i - 1);
    } else if (i < n && s[i] == '.') {
        /* a.f = af / 10^|f| */
        char *t = flint_malloc(n + 1);
        size_t nf = n - i - 1;
        memcpy(t, s + a, i - a);
        memcpy(t + (i - a), s + i + 1, nf);
        digits(p, t, i - a + nf);
        flint_free(t);
        fmpz_set_ui(q, 10);
        fmpz_pow_ui(q, q, nf);
    } else {
        digits(p, s + a, i - a);
        fmpz_one(q);
    }
    if (neg)
        fmpz_neg(p, p);
    fmpz_init(t10);
    fmpz_set_ui(t10, 10);
    fmpz_pow_ui(t10, t10, (ulong)(e < 0 ? -e : e));
    if (e > 0)
        fmpz_mul(p, p, t10);
    else
        fmpz_mul(q, q, t10);
    fmpz_clear(t10);
    fmpq_set_fmpz_frac(y, p, q);
    FZ_CHECK(fmpq_equal(x, y), "wrong value");
    fmpz_clear(p);
    fmpz_clear(q);
    fmpq_clear(y);
}

static void check_rational(const char *s, size_t n)
{
    fmpq_t x, y;
    slong r;
    size_t den = 0;
    int g = grammar(s, n, &den);
    fmpq_init(x);
    fmpq_init(y);
    fmpq_set_si(x, -11, 13); /* a sentinel */
    r = rs_parse_rational(x, s, n);
    if (g == 1) {
        char *t;
        FZ_CHECK(r == -1, "a number was rejected");
        FZ_CHECK(fmpq_is_canonical(x), "value not canonical");
        check_value(x, s, n);
        t = fmpq_get_str(NULL, 10, x);
        FZ_CHECK(rs_parse_rational(y, t, strlen(t)) == -1 && fmpq_equal(x, y),
                 t);
        flint_free(t);
    } else {
        fmpq_set_si(y, -11, 13);
        FZ_CHECK(r >= 0 && (size_t)r <= n, "offset out of range");
        FZ_CHECK(fmpq_equal(x, y), "a rejection changed x");
        if (g == 2) {
            FZ_CHECK((size_t)r == den, "zero denominator not at its start");
        } else if (g == 3) {
            FZ_CHECK((size_t)r == den, "huge exponent not at its digits");
        } else {
            FZ_CHECK(viable(s, (size_t)r), "offset after the first error");
            FZ_CHECK((size_t)r == n || !viable(s, (size_t)r + 1),
                     "offset before the first error");
        }
    }
    fmpq_clear(x);
    fmpq_clear(y);
}

static void check_slong(const char *s, slong max)
{
    rs_error_t err;
    slong v = -7;
    size_t i, n = strlen(s);
    int all_digits = n > 0, r;
    fmpz_t z;
    for (i = 0; i < n; i++)
        all_digits &= dig(s[i]);
    rs_error_init(err);
    r = rs_parse_slong(&v, s, max, "--n", err);
    fmpz_init(z);
    if (all_digits && (digits(z, s, n), fmpz_cmp_si(z, max) <= 0)) {
        FZ_CHECK(r == RS_OK && fmpz_equal_si(z, v), err->msg);
    } else {
        FZ_CHECK(r == RS_EINPUT && v == -7, "a bad count was accepted");
        fz_check_rejection(r, err, NULL, s, n);
        FZ_CHECK(strncmp(err->msg, "--n: ", 5) == 0, err->msg);
    }
    fmpz_clear(z);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s;
    check_rational((const char *)data, size);
    s = fz_cstr(data, size);
    check_slong(s, 1000000);
    check_slong(s, WORD_MAX);
    flint_free(s);
    return 0;
}
