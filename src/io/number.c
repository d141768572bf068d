/* Exact numbers: [+-] digits, [+-] digits '/' digits (nonzero
   denominator), or [+-] digits '.' digits where either digit run may be
   empty but not both.  No exponents, no hexadecimal, no inf/nan: every
   accepted text names exactly one rational. */
#include <string.h>

#include <flint/fmpz.h>

#include "io_internal.h"

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

slong rs_io_number_check(const char *s, size_t len, int *why)
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
        if ((!int_digits && i == b) || i < len)
            return (slong)i;
        return -1;
    }
    if (i == a || i < len)
        return (slong)i;
    return -1;
}

const char *rs_io_number_expected(int why)
{
    if (why == RS_NUM_ZERO_DEN)
        return "a nonzero denominator";
    return "a number (integer, p/q or finite decimal)";
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

void rs_io_number_set(fmpq_t x, const char *s, size_t len)
{
    size_t i = 0, a, na;
    int neg = 0;
    fmpz *num = fmpq_numref(x), *den = fmpq_denref(x);
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
