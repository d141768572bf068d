/* --barcode "i-j,i-jxm,...": bars [i, j] (0 <= i <= j <= L) with
   multiplicities m >= 1 (default 1); repeated bars add up.  The empty
   string and "-" are the barcode without bars. */
#include <string.h>

#include "io_internal.h"

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* Reads digits at *i; returns the offset error (-1 if fine). */
static slong read_count(slong *v, const char *arg, size_t n, size_t *i,
                        slong max)
{
    size_t a = *i;
    slong off;
    while (*i < n && arg[*i] >= '0' && arg[*i] <= '9')
        (*i)++;
    off = rs_io_parse_count(v, arg + a, *i - a, max);
    return off >= 0 ? (slong)a + off : -1;
}

int rs_parse_barcode(rs_barcode_t B, slong L, const char *arg, const char *opt,
                     rs_error_t err)
{
    size_t n = strlen(arg), i = 0;
    slong total = 0;
    rs_barcode_t T;
    rs_barcode_struct swap;
    int r = RS_OK;
    rs_barcode_init(T, L);
    if (strcmp(arg, "-") == 0)
        n = 0;
    while (n > 0) {
        size_t at, ai, aj;
        slong a, b, m = 1, off;
        while (i < n && is_blank(arg[i]))
            i++;
        at = ai = i;
        if ((off = read_count(&a, arg, n, &i, L)) >= 0) {
            r = rs_opt_error(err, RS_EINPUT, opt, arg, (size_t)off,
                             "expected a bar i-j or i-jxm (a layer index i "
                             "first)");
            break;
        }
        if (a > L) {
            r = rs_opt_error(err, RS_EINPUT, opt, arg, ai,
                             "expected a layer index between 0 and L = %ld",
                             (long)L);
            break;
        }
        if (i == n || arg[i] != '-') {
            r = rs_opt_error(err, RS_EINPUT, opt, arg, i,
                             "expected '-' in the bar i-j");
            break;
        }
        aj = ++i;
        if ((off = read_count(&b, arg, n, &i, L)) >= 0) {
            r = rs_opt_error(err, RS_EINPUT, opt, arg, (size_t)off,
                             "expected the layer index j of a bar i-j");
            break;
        }
        if (b > L) {
            r = rs_opt_error(err, RS_EINPUT, opt, arg, aj,
                             "expected a layer index between 0 and L = %ld",
                             (long)L);
            break;
        }
        if (a > b) {
            r = rs_opt_error(err, RS_EINPUT, opt, arg, at,
                             "expected a bar i-j with i <= j");
            break;
        }
        if (i < n && arg[i] == 'x') {
            size_t am = ++i;
            if ((off = read_count(&m, arg, n, &i, RS_MAX_TOTAL_WIDTH)) >= 0 ||
                m == 0) {
                r = rs_opt_error(err, RS_EINPUT, opt, arg,
                                 off >= 0 ? (size_t)off : am,
                                 "expected a multiplicity m >= 1 after 'x'");
                break;
            }
        }
        /* both at most RS_MAX_TOTAL_WIDTH + 9: no overflow */
        total += m;
        if (m > RS_MAX_TOTAL_WIDTH || total > RS_MAX_TOTAL_WIDTH) {
            r = rs_opt_error(err, RS_ELIMIT, opt, arg, at,
                             "expected multiplicities adding up to at most "
                             "%ld",
                             (long)RS_MAX_TOTAL_WIDTH);
            break;
        }
        rs_barcode_set_entry(T, a, b, rs_barcode_get(T, a, b) + m);
        while (i < n && is_blank(arg[i]))
            i++;
        if (i == n)
            break;
        if (arg[i] != ',') {
            r = rs_opt_error(err, RS_EINPUT, opt, arg, i,
                             "expected ',' or 'xm' after a bar");
            break;
        }
        i++;
    }
    if (r == RS_OK) {
        swap = *B;
        *B = *T;
        *T = swap;
    }
    rs_barcode_clear(T);
    return r;
}
