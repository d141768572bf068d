/* The matrix file format: "matrix R C", then R rows of C entries. */
#include "io_internal.h"

static int parse_body(const rs_io_src_t *src, size_t pos, slong R, slong C,
                      fmpq_mat_struct *M, rs_error_t err)
{
    char ex[RS_IO_EXCERPT];
    size_t ls, le, p, ts, te;
    int r = rs_text_read_rows(src, &pos, R, C, M, "the matrix", err);
    if (r != RS_OK)
        return r;
    if (rs_text_next_line(src, &pos, &ls, &le)) {
        p = ls;
        rs_text_next_token(src, &p, le, &ts, &te);
        if (rs_text_is_row_token(src, ts) && C == 0)
            return rs_io_error(err, src, ts,
                               "expected end of file, found a row (a "
                               "matrix with C = 0 has no row lines)");
        if (rs_text_is_row_token(src, ts))
            return rs_io_error(err, src, ts,
                               "expected end of file, found a row (the "
                               "matrix has %ld row%s)",
                               (long)R, R == 1 ? "" : "s");
        return rs_io_error(err, src, ts, "expected end of file, found '%s'",
                           rs_io_excerpt(ex, sizeof ex, src->s + ts, te - ts));
    }
    return RS_OK;
}

int rs_text_matrix_parse(fmpq_mat_t M, const rs_io_src_t *src, rs_error_t err)
{
    static const char *const names[2] = {"row count R", "column count C"};
    slong *d = NULL, count, R, C;
    size_t pos = src->start, kw;
    fmpq_mat_t T;
    int r = rs_io_check_bytes(src, 1, err);
    if (r != RS_OK)
        return r;
    r = rs_text_read_header(src, &pos, "matrix", "matrix R C", names, 2, -1, &d,
                            &count, &kw, err);
    if (r != RS_OK)
        return r;
    R = d[0];
    C = d[1];
    flint_free(d);
    /* both are at most max_width, so R * C cannot overflow a slong unless
       a caller raised max_width beyond 2^31 */
    if (R > 0 && C > src->lim->max_entries / R)
        return rs_io_limit_error(err, src, kw,
                                 "the matrix has %ld x %ld entries, more "
                                 "than the limit of %ld (max_entries)",
                                 (long)R, (long)C, (long)src->lim->max_entries);
    r = parse_body(src, pos, R, C, NULL, err);
    if (r != RS_OK)
        return r;
    fmpq_mat_init(T, R, C);
    r = parse_body(src, pos, R, C, T, err);
    if (r == RS_OK)
        fmpq_mat_swap(M, T);
    fmpq_mat_clear(T);
    return r;
}
