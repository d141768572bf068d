/* Exact numbers: [+-] digits, [+-] digits '/' digits (nonzero
   denominator), or [+-] digits '.' digits where either digit run may be
   empty but not both, the last two forms with an optional exponent
   [eE][+-]digits (1e-05 = 1/100000 exactly, as numpy and printf write
   numbers).  No hexadecimal, no inf/nan: every accepted text names exactly
   one rational.  The exponent is bounded (RS_IO_MAX_EXPONENT) so that a
   short text never expands to a huge integer. */
#include <string.h>

#include <flint/fmpz.h>

#include "io_internal.h"

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The exponent part at s[i..len), [eE][+-]?D+ with value at most
   RS_IO_MAX_EXPONENT in size: -1 if valid (or absent: i == len), else the
   offending offset (and *why). */
static slong check_exponent(const char *s, size_t i, size_t len, int *why)
{
    size_t b;
    slong e = 0;
    if (i == len)
        return -1;
    if (s[i] != 'e' && s[i] != 'E')
        return (slong)i;
    i++;
    if (i < len && (s[i] == '+' || s[i] == '-'))
        i++;
    for (b = i; i < len && is_digit(s[i]); i++)
        if (e <= RS_IO_MAX_EXPONENT)
            e = 10 * e + (s[i] - '0');
    /* an exponent beyond the bound is the error, whatever follows it: no
       continuation could make the number valid */
    if (e > RS_IO_MAX_EXPONENT) {
        *why = RS_NUM_EXPONENT;
        return (slong)b;
    }
    if (i == b || i < len)
        return (slong)i;
    return -1;
}

/* Whether s[0..len) starts like hexadecimal, inf or nan (for the
   message). */
static int looks_inexact(const char *s, size_t len)
{
    size_t i = 0, n;
    const char *w[] = {"inf", "nan", "infinity"};
    int k;
    if (i < len && (s[i] == '+' || s[i] == '-'))
        i++;
    if (len - i >= 2 && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X'))
        return 1;
    for (k = 0; k < 3; k++) {
        n = strlen(w[k]);
        if (len - i == n) {
            size_t j;
            for (j = 0; j < n && (s[i + j] | 0x20) == w[k][j]; j++)
                ;
            if (j == n)
                return 1;
        }
    }
    return 0;
}

slong rs_io_number_check(const char *s, size_t len, int *why)
{
    slong off = rs_io_number_check_syntax(s, len, why);
    if (off >= 0 && *why == RS_NUM_SYNTAX && looks_inexact(s, len))
        *why = RS_NUM_INEXACT;
    return off;
}

slong rs_io_number_check_syntax(const char *s, size_t len, int *why)
{
    size_t i = 0, a, b;
    int nonzero = 0;
    *why = RS_NUM_SYNTAX;
    if (i < len && (s[i] == '+' || s[i] == '-'))
        i++;
    a = i;
    while (i < len && is_digit(s[i]))
        i++;
    if (i < len && s[i] == '/') {
        if (i == a)
            return (slong)i;
        b = ++i;
        for (; i < len && is_digit(s[i]); i++)
            nonzero |= s[i] != '0';
        if (i == b || i < len)
            return (slong)i;
        if (!nonzero) {
            *why = RS_NUM_ZERO_DEN;
            return (slong)b;
        }
        return -1;
    }
    if (i < len && s[i] == '.') {
        int int_digits = i > a;
        b = ++i;
        while (i < len && is_digit(s[i]))
            i++;
        if (!int_digits && i == b)
            return (slong)i;
        return check_exponent(s, i, len, why);
    }
    if (i == a)
        return (slong)i;
    return check_exponent(s, i, len, why);
}

const char *rs_io_number_expected(int why)
{
    if (why == RS_NUM_ZERO_DEN)
        return "a nonzero denominator";
    if (why == RS_NUM_EXPONENT)
        return "an exponent between -" RS_IO_MAX_EXPONENT_STR
               " and " RS_IO_MAX_EXPONENT_STR;
    if (why == RS_NUM_INEXACT)
        return "an exact number (integer, p/q or decimal such as 2.5e-3; "
               "hexadecimal, inf and nan are not accepted)";
    return "a number (integer, p/q, or decimal such as 2.5e-3)";
}

int rs_io_number_status(int why)
{
    return why == RS_NUM_EXPONENT ? RS_ELIMIT : RS_EINPUT;
}

/* z = the decimal digits s[0..n) (n may be 0: zero). */
static void set_digits(fmpz_t z, const char *s, size_t n)
{
    while (n > 0 && *s == '0') {
        s++;
        n--;
    }
    if (n <= 18) {
        ulong v = 0;
        size_t i;
        for (i = 0; i < n; i++)
            v = 10 * v + (ulong)(s[i] - '0');
        fmpz_set_ui(z, v);
    } else {
        char *buf = flint_malloc(n + 1);
        memcpy(buf, s, n);
        buf[n] = '\0';
        fmpz_set_str(z, buf, 10);
        flint_free(buf);
    }
}

/* The value of the exponent part s[0..len) ("e-05"), already checked. */
static slong exponent_value(const char *s, size_t len)
{
    size_t i = 1;
    slong e = 0;
    int neg = 0;
    if (i < len && (s[i] == '+' || s[i] == '-'))
        neg = s[i++] == '-';
    for (; i < len; i++)
        e = 10 * e + (s[i] - '0');
    return neg ? -e : e;
}

/* x *= 10^e. */
static void scale_pow10(fmpq_t x, slong e)
{
    fmpz_t p;
    if (e == 0)
        return;
    fmpz_init(p);
    fmpz_set_ui(p, 10);
    fmpz_pow_ui(p, p, (ulong)(e < 0 ? -e : e));
    if (e > 0)
        fmpq_mul_fmpz(x, x, p);
    else
        fmpq_div_fmpz(x, x, p);
    fmpz_clear(p);
}

void rs_io_number_set(fmpq_t x, const char *s, size_t len)
{
    size_t i = 0, a, na, k;
    int neg = 0;
    fmpz *num = fmpq_numref(x), *den = fmpq_denref(x);
    /* an exponent (never after p/q) scales the mantissa before it */
    for (k = 0; k < len && s[k] != '/'; k++)
        if (s[k] == 'e' || s[k] == 'E') {
            rs_io_number_set(x, s, k);
            scale_pow10(x, exponent_value(s + k, len - k));
            return;
        }
    if (len > 0 && (s[0] == '+' || s[0] == '-')) {
        neg = s[0] == '-';
        i = 1;
    }
    a = i;
    while (i < len && is_digit(s[i]))
        i++;
    na = i - a;
    if (i < len && s[i] == '/') {
        set_digits(num, s + a, na);
        set_digits(den, s + i + 1, len - i - 1);
        fmpq_canonicalise(x);
    } else if (i < len && s[i] == '.') {
        const char *f = s + i + 1;
        size_t nf = len - i - 1;
        while (nf > 0 && f[nf - 1] == '0')
            nf--;
        if (nf == 0) {
            set_digits(num, s + a, na);
            fmpz_one(den);
        } else {
            /* a.f = (a f) / 10^|f| */
            char *buf = flint_malloc(na + nf);
            memcpy(buf, s + a, na);
            memcpy(buf + na, f, nf);
            set_digits(num, buf, na + nf);
            flint_free(buf);
            fmpz_set_ui(den, 10);
            fmpz_pow_ui(den, den, nf);
            fmpq_canonicalise(x);
        }
    } else {
        set_digits(num, s + a, na);
        fmpz_one(den);
    }
    if (neg)
        fmpz_neg(num, num);
}

slong rs_parse_rational(fmpq_t x, const char *s, size_t len)
{
    int why;
    slong off = rs_io_number_check(s, len, &why);
    if (off >= 0)
        return off;
    rs_io_number_set(x, s, len);
    return -1;
}

slong rs_io_parse_count(slong *v, const char *s, size_t n, slong max)
{
    size_t i;
    slong x = 0;
    if (n == 0)
        return 0;
    if (max >= WORD_MAX)
        max = WORD_MAX - 1;
    for (i = 0; i < n; i++) {
        if (!is_digit(s[i]))
            return (slong)i;
        if (x <= max) {
            slong dg = s[i] - '0';
            /* no overflow: max < WORD_MAX, so max + 1 is representable */
            if (max >= dg && x > (max - dg) / 10)
                x = max + 1;
            else
                x = 10 * x + dg;
        }
    }
    *v = x;
    return -1;
}
