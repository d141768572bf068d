/* The text network format (docs/formats.md): "dims d_0 ... d_L", then for
   k = 1..L a line "Wk" and d_k rows of d_{k-1} entries. */
#include <stdio.h>
#include <string.h>

#include "io_internal.h"

static int token_is(const rs_io_src_t *src, size_t ts, size_t te,
                    const char *word)
{
    size_t n = strlen(word);
    return te - ts == n && memcmp(src->s + ts, word, n) == 0;
}

/* The index j of a token "Wj", or -1. */
static slong block_index(const rs_io_src_t *src, size_t ts, size_t te)
{
    slong j;
    if (te - ts < 2 || src->s[ts] != 'W' ||
        rs_io_parse_count(&j, src->s + ts + 1, te - ts - 1, WORD(1) << 40) >= 0)
        return -1;
    return j;
}

/* Why no further row belongs to W_k: "W1 has 3 rows". */
static const char *block_size(char *buf, size_t size, const slong *d, slong k)
{
    if (d[k] > 0 && d[k - 1] == 0)
        snprintf(buf, size, "W%ld has no row lines since d_%ld = 0", (long)k,
                 (long)(k - 1));
    else
        snprintf(buf, size, "W%ld has %ld row%s", (long)k, (long)d[k],
                 d[k] == 1 ? "" : "s");
    return buf;
}

/* A significant line where the block header `want` (or the end of the file
   when want == NULL, k = L + 1) was expected. */
static int unexpected_line(const rs_io_src_t *src, size_t ts, size_t te,
                           const char *want, const slong *d, slong k, slong L,
                           rs_error_t err)
{
    char ex[RS_IO_EXCERPT], ab[128], wbuf[40];
    slong j = block_index(src, ts, te);
    const char *w = want;
    if (w == NULL)
        w = "end of file";
    else {
        snprintf(wbuf, sizeof wbuf, "'%s'", want);
        w = wbuf;
    }
    rs_io_excerpt(ex, sizeof ex, src->s + ts, te - ts);
    if (token_is(src, ts, te, "dims"))
        return rs_io_error(err, src, ts,
                           "expected %s, found a second 'dims' line", w);
    if (rs_text_is_row_token(src, ts)) {
        if (k == 1)
            return rs_io_error(err, src, ts,
                               "expected %s before the rows of W1, found a "
                               "row",
                               w);
        return rs_io_error(err, src, ts, "expected %s, found a row (%s)", w,
                           block_size(ab, sizeof ab, d, k - 1));
    }
    if (j > L)
        return rs_io_error(err, src, ts,
                           "expected %s, found '%s' (the dims line gives "
                           "L = %ld)",
                           w, ex, (long)L);
    if (j >= 1)
        return rs_io_error(err, src, ts,
                           "expected %s, found '%s' (blocks come in the "
                           "order W1..W%ld, each once)",
                           w, ex, (long)L);
    return rs_io_error(err, src, ts, "expected %s, found '%s'", w, ex);
}

static int parse_blocks(const rs_io_src_t *src, size_t pos, const slong *d,
                        slong L, rs_net_t N, rs_error_t err)
{
    char want[40], ex[RS_IO_EXCERPT];
    size_t ls, le, p, ts, te;
    slong k;
    int r;
    for (k = 1; k <= L; k++) {
        snprintf(want, sizeof want, "W%ld", (long)k);
        if (!rs_text_next_line(src, &pos, &ls, &le))
            return rs_io_error(err, src, pos,
                               "expected '%s', found end of file", want);
        p = ls;
        rs_text_next_token(src, &p, le, &ts, &te);
        if (!token_is(src, ts, te, want))
            return unexpected_line(src, ts, te, want, d, k, L, err);
        if (rs_text_next_token(src, &p, le, &ts, &te))
            return rs_io_error(
                err, src, ts,
                "expected the end of the line after '%s', "
                "found '%s'",
                want, rs_io_excerpt(ex, sizeof ex, src->s + ts, te - ts));
        r = rs_text_read_rows(src, &pos, d[k], d[k - 1],
                              N != NULL ? rs_net_weight_mut(N, k) : NULL, want,
                              err);
        if (r != RS_OK)
            return r;
    }
    if (rs_text_next_line(src, &pos, &ls, &le)) {
        p = ls;
        rs_text_next_token(src, &p, le, &ts, &te);
        return unexpected_line(src, ts, te, NULL, d, L + 1, L, err);
    }
    return RS_OK;
}

int rs_text_net_parse(rs_net_t N, const rs_io_src_t *src, rs_error_t err)
{
    slong *d = NULL, count, L, maxc;
    size_t pos = src->start, kw;
    rs_net_t T;
    int r = rs_io_check_bytes(src, 1, err);
    if (r != RS_OK)
        return r;
    maxc = src->lim->max_layers < WORD(1) << 40 ? src->lim->max_layers + 1
                                                : WORD(1) << 40;
    r = rs_text_read_header(src, &pos, "dims", "dims d_0 d_1 ... d_L", NULL, 2,
                            maxc, &d, &count, &kw, err);
    if (r != RS_OK)
        return r;
    L = count - 1;
    r = rs_io_check_shape(src, kw, d, L, err);
    /* validate everything before allocating: a short file claiming large
       widths must not cost memory */
    if (r == RS_OK)
        r = parse_blocks(src, pos, d, L, NULL, err);
    if (r == RS_OK) {
        rs_net_init(T, d, L);
        r = parse_blocks(src, pos, d, L, T, err);
        if (r == RS_OK)
            rs_net_swap(N, T);
        rs_net_clear(T);
    }
    flint_free(d);
    return r;
}
