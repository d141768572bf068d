/* The rows of a matrix block in the text formats: one line per row, the
   entries separated by blanks. */
#include "io_internal.h"

static int looks_inexact(const rs_io_src_t *src, size_t ts, size_t te)
{
    int why;
    return rs_io_number_check(src->s + ts, te - ts, &why) >= 0 &&
           why == RS_NUM_INEXACT;
}

int rs_text_read_rows(const rs_io_src_t *src, size_t *pos, slong nrows,
                      slong ncols, fmpq_mat_struct *M, const char *what,
                      rs_error_t err)
{
    char ex[RS_IO_EXCERPT];
    slong i, j;
    /* A row with no entries cannot be told from a blank line, and blank
       lines are ignored: a matrix with no columns has no row lines. */
    if (ncols == 0)
        return RS_OK;
    for (i = 0; i < nrows; i++) {
        size_t ls, le, p, ts, te;
        if (!rs_text_next_line(src, pos, &ls, &le))
            return rs_io_error(err, src, *pos,
                               "expected row %ld of %s (a %ld x %ld "
                               "matrix), found end of file",
                               (long)(i + 1), what, (long)nrows, (long)ncols);
        p = ls;
        rs_text_next_token(src, &p, le, &ts, &te);
        /* inf and nan are reported as the numbers they are meant to be */
        if (!rs_text_is_row_token(src, ts) && !looks_inexact(src, ts, te))
            return rs_io_error(
                err, src, ts,
                "expected row %ld of %s (a %ld x %ld "
                "matrix), found '%s'",
                (long)(i + 1), what, (long)nrows, (long)ncols,
                rs_io_excerpt(ex, sizeof ex, src->s + ts, te - ts));
        for (j = 0; j < ncols; j++) {
            int why;
            slong off;
            if (j > 0 && !rs_text_next_token(src, &p, le, &ts, &te))
                return rs_io_error(err, src, p,
                                   "expected %ld %s in row %ld of %s, found "
                                   "%ld",
                                   (long)ncols,
                                   ncols == 1 ? "entry" : "entries",
                                   (long)(i + 1), what, (long)j);
            off = rs_io_number_check(src->s + ts, te - ts, &why);
            if (off >= 0) {
                int status = rs_io_error(
                    err, src, ts + (size_t)off,
                    "expected %s in row %ld of %s, found "
                    "'%s'",
                    rs_io_number_expected(why), (long)(i + 1), what,
                    rs_io_excerpt(ex, sizeof ex, src->s + ts, te - ts));
                if (rs_io_number_status(why) != status)
                    status = err->status = rs_io_number_status(why);
                return status;
            }
            if (M != NULL)
                rs_io_number_set(fmpq_mat_entry(M, i, j), src->s + ts, te - ts);
        }
        if (rs_text_next_token(src, &p, le, &ts, &te)) {
            size_t first = ts, q = p, a, b;
            slong found = ncols + 1;
            while (rs_text_next_token(src, &q, le, &a, &b))
                found++;
            return rs_io_error(err, src, first,
                               "expected %ld %s in row %ld of %s, found %ld",
                               (long)ncols, ncols == 1 ? "entry" : "entries",
                               (long)(i + 1), what, (long)found);
        }
    }
    return RS_OK;
}
