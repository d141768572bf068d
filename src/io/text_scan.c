/* Lines and tokens of the text formats, read straight from the input
   buffer (no line buffers, so lines may have any length). */
#include <string.h>

#include "io_internal.h"

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

int rs_text_next_line(const rs_io_src_t *src, size_t *pos, size_t *start,
                      size_t *end)
{
    const char *s = src->s;
    size_t n = src->len, p = *pos < src->start ? src->start : *pos;
    while (p < n) {
        const char *nl = memchr(s + p, '\n', n - p);
        size_t eol = nl != NULL ? (size_t)(nl - s) : n;
        size_t next = nl != NULL ? eol + 1 : n;
        size_t q = p, le = eol;
        /* a CR is only ever part of a CRLF line end (rs_io_check_bytes) */
        if (le > p && s[le - 1] == '\r')
            le--;
        while (q < le && is_blank(s[q]))
            q++;
        if (q < le && s[q] != '#') {
            *start = p;
            *end = le;
            *pos = next;
            return 1;
        }
        p = next;
    }
    *pos = n;
    *start = *end = n;
    return 0;
}

int rs_text_next_token(const rs_io_src_t *src, size_t *p, size_t end,
                       size_t *ts, size_t *te)
{
    const char *s = src->s;
    size_t q = *p;
    while (q < end && is_blank(s[q]))
        q++;
    if (q == end || s[q] == '#')
        return 0;
    *ts = q;
    while (q < end && !is_blank(s[q]))
        q++;
    *te = q;
    *p = q;
    return 1;
}

int rs_text_is_row_token(const rs_io_src_t *src, size_t ts)
{
    char c = src->s[ts];
    return (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

static void value_name(char *buf, size_t size, const char *const *names,
                       slong i)
{
    if (names != NULL)
        snprintf(buf, size, "%s", names[i]);
    else
        snprintf(buf, size, "width d_%ld", (long)i);
}

int rs_text_read_header(const rs_io_src_t *src, size_t *pos,
                        const char *keyword, const char *usage,
                        const char *const *names, slong min_count,
                        slong max_count, slong **d, slong *count,
                        size_t *kw_off, rs_error_t err)
{
    char ex[RS_IO_EXCERPT], nm[64];
    size_t ls, le, p, ts, te, last_end;
    slong n = 0, i, *v;
    int exact = max_count < 0;
    slong cap = exact ? min_count : max_count;
    if (!rs_text_next_line(src, pos, &ls, &le))
        return rs_io_error(err, src, *pos, "expected '%s', found end of file",
                           usage);
    p = ls;
    rs_text_next_token(src, &p, le, &ts, &te);
    if (te - ts != strlen(keyword) || memcmp(src->s + ts, keyword, te - ts))
        return rs_io_error(err, src, ts, "expected '%s', found '%s'", usage,
                           rs_io_excerpt(ex, sizeof ex, src->s + ts, te - ts));
    *kw_off = ts;
    last_end = te;
    /* check every value and count them first, so that the array is
       allocated at its final size and a line with too many values is
       refused without reading all of it */
    while (rs_text_next_token(src, &p, le, &ts, &te)) {
        slong off, x;
        if (n == cap) {
            if (exact)
                return rs_io_error(err, src, ts,
                                   "expected '%s' with %ld values, found "
                                   "more",
                                   usage, (long)min_count);
            return rs_io_limit_error(err, src, ts,
                                     "expected '%s' with at most %ld values "
                                     "(max_layers = %ld), found more",
                                     usage, (long)max_count,
                                     (long)(max_count - 1));
        }
        off = rs_io_parse_count(&x, src->s + ts, te - ts, src->lim->max_width);
        value_name(nm, sizeof nm, names, n);
        if (off >= 0)
            return rs_io_error(
                err, src, ts + (size_t)off,
                "expected a nonnegative integer %s, found "
                "'%s'",
                nm, rs_io_excerpt(ex, sizeof ex, src->s + ts, te - ts));
        if (x > src->lim->max_width)
            return rs_io_limit_error(
                err, src, ts, "%s = %s exceeds the limit of %ld (max_width)",
                nm, rs_io_excerpt(ex, sizeof ex, src->s + ts, te - ts),
                (long)src->lim->max_width);
        n++;
        last_end = te;
    }
    if (n < min_count)
        return rs_io_error(err, src, last_end,
                           "expected '%s' with %s%ld values, found %ld", usage,
                           exact ? "" : "at least ", (long)min_count, (long)n);
    v = flint_malloc(sizeof(slong) * (size_t)FLINT_MAX(n, 1));
    p = *kw_off;
    rs_text_next_token(src, &p, le, &ts, &te);
    for (i = 0; i < n; i++) {
        rs_text_next_token(src, &p, le, &ts, &te);
        rs_io_parse_count(v + i, src->s + ts, te - ts, src->lim->max_width);
    }
    *d = v;
    *count = n;
    return RS_OK;
}
