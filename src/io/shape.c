/* Size checks on a network's widths, done before anything is allocated. */
#include <flint/fmpz.h>

#include "rankstrat/barcode.h"

#include "io_internal.h"

int rs_io_check_shape(const rs_io_src_t *src, size_t off, const slong *d,
                      slong L, rs_error_t err)
{
    fmpz_t total, t, width, rows;
    slong k;
    int r = RS_OK;
    fmpz_init(total);
    fmpz_init(t);
    fmpz_init(width);
    fmpz_init(rows);
    /* exact: the widths come from a file and may have any size allowed by
       max_width, which a caller may raise */
    for (k = 0; k <= L; k++) {
        fmpz_add_si(width, width, d[k]);
        if (k > 0) {
            fmpz_set_si(t, d[k]);
            fmpz_mul_si(t, t, d[k - 1]);
            fmpz_add(total, total, t);
            fmpz_add_si(rows, rows, d[k]);
        }
    }
    /* a matrix with no columns still costs a pointer per row: without
       this, "dims 1000000 0 1000000 0 ..." (no entries at all) would cost
       gigabytes */
    fmpz_add(t, total, rows);
    if (fmpz_cmp_si(total, src->lim->max_entries) > 0) {
        char *s = fmpz_get_str(NULL, 10, total);
        r = rs_io_limit_error(err, src, off,
                              "the network has %s weight entries, more than "
                              "the limit of %ld (max_entries)",
                              s, (long)src->lim->max_entries);
        flint_free(s);
    } else if (fmpz_cmp_si(t, src->lim->max_entries) > 0) {
        char *s = fmpz_get_str(NULL, 10, total),
             *sr = fmpz_get_str(NULL, 10, rows);
        r = rs_io_limit_error(err, src, off,
                              "the network has %s weight entries in %s "
                              "rows, more than the limit of %ld on their "
                              "sum (max_entries)",
                              s, sr, (long)src->lim->max_entries);
        flint_free(s);
        flint_free(sr);
    } else if (fmpz_cmp_si(width, RS_MAX_TOTAL_WIDTH) > 0) {
        char *s = fmpz_get_str(NULL, 10, width);
        r = rs_io_limit_error(err, src, off,
                              "the widths add up to %s, more than the "
                              "engine's limit of %ld",
                              s, (long)RS_MAX_TOTAL_WIDTH);
        flint_free(s);
    } else if (L > RS_MAX_LAYERS) {
        r = rs_io_limit_error(err, src, off,
                              "the network has %ld layers, more than the "
                              "engine's limit of %ld",
                              (long)L, (long)RS_MAX_LAYERS);
    } else {
        r = rs_dims_check(d, L, src->name, err);
    }
    fmpz_clear(total);
    fmpz_clear(t);
    fmpz_clear(width);
    fmpz_clear(rows);
    return r;
}
