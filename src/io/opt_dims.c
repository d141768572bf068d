/* --dims "d_0,d_1,...,d_L": nonnegative integers separated by commas
   (blanks around them allowed). */
#include <string.h>

#include "rankstrat/barcode.h"

#include "io_internal.h"

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

int rs_parse_dims(slong **d, slong *L, const char *arg, const char *opt,
                  rs_error_t err)
{
    size_t n = arg != NULL ? strlen(arg) : 0, i = 0;
    slong count = 1, k = 0, *v;
    int r;
    if (d == NULL || L == NULL || arg == NULL)
        return rs_error_set(err, RS_EINPUT,
                            "rs_parse_dims: expected d, L and arg, got NULL");
    for (i = 0; i < n; i++)
        count += arg[i] == ',';
    v = flint_malloc(sizeof(slong) * (size_t)count);
    i = 0;
    for (;;) {
        size_t a;
        slong off;
        while (i < n && is_blank(arg[i]))
            i++;
        a = i;
        while (i < n && arg[i] >= '0' && arg[i] <= '9')
            i++;
        off = rs_io_parse_count(v + k, arg + a, i - a, RS_MAX_TOTAL_WIDTH);
        if (off >= 0) {
            flint_free(v);
            return rs_opt_error(err, RS_EINPUT, opt, arg, a,
                                "expected a nonnegative integer");
        }
        if (v[k] > RS_MAX_TOTAL_WIDTH) {
            flint_free(v);
            return rs_opt_error(err, RS_ELIMIT, opt, arg, a,
                                "expected a width of at most %ld",
                                (long)RS_MAX_TOTAL_WIDTH);
        }
        k++;
        while (i < n && is_blank(arg[i]))
            i++;
        if (i == n)
            break;
        if (arg[i] != ',') {
            flint_free(v);
            return rs_opt_error(err, RS_EINPUT, opt, arg, i,
                                "expected ',' between widths");
        }
        i++;
    }
    if (k < 2) {
        flint_free(v);
        return rs_opt_error(err, RS_EINPUT, opt, arg, n,
                            "expected at least two widths d_0,...,d_L");
    }
    r = rs_dims_check(v, k - 1, opt, err);
    if (r != RS_OK) {
        flint_free(v);
        return r;
    }
    *d = v;
    *L = k - 1;
    return RS_OK;
}
