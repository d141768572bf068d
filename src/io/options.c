/* Command-line values: the shared message format and plain counts. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "io_internal.h"

int rs_opt_error(rs_error_t err, int status, const char *opt, const char *arg,
                 size_t off, const char *fmt, ...)
{
    char msg[RS_ERROR_MSG_LEN], ex[RS_IO_EXCERPT];
    const unsigned char *u = (const unsigned char *)arg;
    size_t i = 0, n = strlen(arg);
    long ch = 1;
    va_list ap;
    /* count characters; an invalid byte counts as one */
    while (i < off && i < n) {
        int k = rs_utf8_seq_len(u + i, n - i);
        i += k > 0 ? (size_t)k : 1;
        ch++;
    }
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return rs_error_set(err, status, "%s: %s at character %ld of \"%s\"", opt,
                        msg, ch, rs_io_excerpt(ex, sizeof ex, arg, n));
}

int rs_parse_slong(slong *v, const char *arg, slong max, const char *opt,
                   rs_error_t err)
{
    size_t i, n = arg != NULL ? strlen(arg) : 0;
    slong x = 0;
    int over = 0;
    if (v == NULL || arg == NULL)
        return rs_error_set(err, RS_EINPUT,
                            "rs_parse_slong: expected v and arg, got NULL");
    if (n == 0)
        return rs_opt_error(err, RS_EINPUT, opt, arg, 0,
                            "expected a nonnegative integer");
    /* any max up to WORD_MAX itself: x <= max is kept without overflow */
    for (i = 0; i < n; i++) {
        slong dg = arg[i] - '0';
        if (arg[i] < '0' || arg[i] > '9')
            return rs_opt_error(err, RS_EINPUT, opt, arg, i,
                                "expected a nonnegative integer");
        if (over || x > max / 10 || (x == max / 10 && dg > max % 10))
            over = 1;
        else
            x = 10 * x + dg;
    }
    if (over)
        return rs_opt_error(err, RS_EINPUT, opt, arg, 0,
                            "expected a value of at most %ld", (long)max);
    *v = x;
    return RS_OK;
}
