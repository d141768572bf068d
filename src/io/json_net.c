/* The JSON network format {"dims": [d_0, ..., d_L], "weights": [W1, ...,
   WL]}, each Wk a list of d_k rows of d_{k-1} entries; an entry is a JSON
   number (any size; an exponent means the exact decimal it denotes) or a
   string in the number syntax of rs_parse_rational.  Other top-level keys
   are ignored.  The input is first checked as generic JSON (rs_json_check),
   so the walks below only meet well-formed JSON. */
#include <string.h>

#include "io_internal.h"

#define DESCRIBE(t) rs_json_describe(fd, sizeof fd, src, (t))

/* Next token, which the generic check guarantees to exist. */
#define NEXT(t)                                                                \
    do {                                                                       \
        int r_ = rs_json_next((t), src, pos, err);                             \
        if (r_ != RS_OK)                                                       \
            return r_;                                                         \
    } while (0)

static int parse_entry(const rs_io_src_t *src, const rs_jtok_t *t, slong k,
                       slong i, fmpq_mat_struct *M, slong j, rs_error_t err)
{
    char fd[RS_IO_EXCERPT];
    size_t a = t->start, b = t->end;
    slong off;
    int why;
    if (t->type == RS_JT_STRING) {
        a++;
        b--;
    } else if (t->type != RS_JT_NUMBER) {
        return rs_io_error(err, src, t->start,
                           "expected an entry (a JSON integer or decimal, or "
                           "a string such as \"-3/7\") in row %ld of W%ld, "
                           "found %s",
                           (long)(i + 1), (long)k, DESCRIBE(t));
    }
    off = rs_io_number_check(src->s + a, b - a, &why);
    if (off >= 0) {
        int status = rs_io_error(err, src, a + (size_t)off,
                                 "expected %s in row %ld of W%ld, found %s",
                                 rs_io_number_expected(why), (long)(i + 1),
                                 (long)k, DESCRIBE(t));
        if (rs_io_number_status(why) != status)
            status = err->status = rs_io_number_status(why);
        return status;
    }
    if (M != NULL)
        rs_io_number_set(fmpq_mat_entry(M, i, j), src->s + a, b - a);
    return RS_OK;
}

/* A list of n items, the '[' already read.  item() reads item number idx
   (0-based) given its first token. */
typedef int (*item_fn)(const rs_io_src_t *src, size_t *pos, const rs_jtok_t *t,
                       slong idx, void *ctx, rs_error_t err);

static int parse_list(const rs_io_src_t *src, size_t *pos, slong n,
                      item_fn item, void *ctx, const char *what, rs_error_t err)
{
    char fd[RS_IO_EXCERPT];
    rs_jtok_t t;
    slong idx;
    for (idx = 0; idx < n; idx++) {
        NEXT(&t);
        if (idx > 0 && t.type == RS_JT_COMMA)
            NEXT(&t);
        if (t.type == RS_JT_RBRACKET)
            return rs_io_error(err, src, t.start, "expected %ld %s, found %ld",
                               (long)n, what, (long)idx);
        {
            int r = item(src, pos, &t, idx, ctx, err);
            if (r != RS_OK)
                return r;
        }
    }
    NEXT(&t);
    if (t.type == RS_JT_COMMA)
        NEXT(&t);
    if (t.type != RS_JT_RBRACKET)
        return rs_io_error(err, src, t.start,
                           "expected %ld %s, found more (%s)", (long)n, what,
                           DESCRIBE(&t));
    return RS_OK;
}

typedef struct {
    const slong *d;
    slong k, i;
    rs_net_struct *N; /* NULL: check only */
    char rows_what[96], entries_what[96];
} wctx_t;

static int entry_item(const rs_io_src_t *src, size_t *pos, const rs_jtok_t *t,
                      slong j, void *vctx, rs_error_t err)
{
    wctx_t *c = vctx;
    (void)pos;
    return parse_entry(src, t, c->k, c->i,
                       c->N != NULL ? rs_net_weight_mut(c->N, c->k) : NULL, j,
                       err);
}

static int row_item(const rs_io_src_t *src, size_t *pos, const rs_jtok_t *t,
                    slong i, void *vctx, rs_error_t err)
{
    char fd[RS_IO_EXCERPT];
    wctx_t *c = vctx;
    if (t->type != RS_JT_LBRACKET)
        return rs_io_error(err, src, t->start,
                           "expected row %ld of W%ld as a list of %ld "
                           "%s, found %s",
                           (long)(i + 1), (long)c->k, (long)c->d[c->k - 1],
                           c->d[c->k - 1] == 1 ? "entry" : "entries",
                           DESCRIBE(t));
    c->i = i;
    snprintf(c->entries_what, sizeof c->entries_what, "%s in row %ld of W%ld",
             c->d[c->k - 1] == 1 ? "entry" : "entries", (long)(i + 1),
             (long)c->k);
    return parse_list(src, pos, c->d[c->k - 1], entry_item, c, c->entries_what,
                      err);
}

static int matrix_item(const rs_io_src_t *src, size_t *pos, const rs_jtok_t *t,
                       slong k0, void *vctx, rs_error_t err)
{
    char fd[RS_IO_EXCERPT];
    wctx_t *c = vctx;
    slong k = k0 + 1;
    if (t->type != RS_JT_LBRACKET)
        return rs_io_error(
            err, src, t->start, "expected W%ld as a list of %ld %s, found %s",
            (long)k, (long)c->d[k], c->d[k] == 1 ? "row" : "rows", DESCRIBE(t));
    c->k = k;
    snprintf(c->rows_what, sizeof c->rows_what, "%s in W%ld",
             c->d[k] == 1 ? "row" : "rows", (long)k);
    return parse_list(src, pos, c->d[k], row_item, c, c->rows_what, err);
}

static int parse_weights(const rs_io_src_t *src, size_t at, const slong *d,
                         slong L, rs_net_struct *N, rs_error_t err)
{
    char fd[RS_IO_EXCERPT], what[64];
    size_t p = at, *pos = &p;
    rs_jtok_t t;
    wctx_t c;
    NEXT(&t);
    if (t.type != RS_JT_LBRACKET)
        return rs_io_error(err, src, t.start,
                           "expected \"weights\" as a list of %ld %s, found "
                           "%s",
                           (long)L, L == 1 ? "matrix" : "matrices",
                           DESCRIBE(&t));
    c.d = d;
    c.N = N;
    c.k = c.i = 0;
    snprintf(what, sizeof what, "%s in \"weights\" (L = %ld)",
             L == 1 ? "matrix" : "matrices", (long)L);
    return parse_list(src, pos, L, matrix_item, &c, what, err);
}

static int parse_dims(const rs_io_src_t *src, size_t at, slong **dp, slong *Lp,
                      rs_error_t err)
{
    char fd[RS_IO_EXCERPT];
    size_t p = at, *pos = &p;
    rs_jtok_t t;
    slong n = 0, cap = 0, *d = NULL, maxc;
    maxc = src->lim->max_layers < WORD(1) << 40 ? src->lim->max_layers + 1
                                                : WORD(1) << 40;
    NEXT(&t);
    if (t.type != RS_JT_LBRACKET)
        return rs_io_error(err, src, t.start,
                           "expected \"dims\" as a list of widths [d_0, ..., "
                           "d_L], found %s",
                           DESCRIBE(&t));
    for (;;) {
        slong off, v;
        int r = rs_json_next(&t, src, pos, err);
        if (r == RS_OK && n > 0 && t.type == RS_JT_COMMA)
            r = rs_json_next(&t, src, pos, err);
        if (r != RS_OK) {
            flint_free(d);
            return r;
        }
        if (t.type == RS_JT_RBRACKET)
            break;
        if (n == maxc) {
            flint_free(d);
            return rs_io_limit_error(err, src, t.start,
                                     "expected at most %ld widths in "
                                     "\"dims\" (max_layers = %ld), found more",
                                     (long)maxc, (long)(maxc - 1));
        }
        off = t.type == RS_JT_NUMBER
                  ? rs_io_parse_count(&v, src->s + t.start, t.end - t.start,
                                      src->lim->max_width)
                  : 0;
        if (off >= 0) {
            flint_free(d);
            return rs_io_error(err, src, t.start + (size_t)off,
                               "expected a nonnegative integer width d_%ld, "
                               "found %s",
                               (long)n, DESCRIBE(&t));
        }
        if (v > src->lim->max_width) {
            char ex[RS_IO_EXCERPT];
            flint_free(d);
            return rs_io_limit_error(
                err, src, t.start,
                "width d_%ld = %s exceeds the limit of %ld (max_width)",
                (long)n,
                rs_io_excerpt(ex, sizeof ex, src->s + t.start, t.end - t.start),
                (long)src->lim->max_width);
        }
        if (n == cap) {
            cap = cap == 0 ? 8 : 2 * cap;
            d = flint_realloc(d, sizeof(slong) * (size_t)cap);
        }
        d[n++] = v;
    }
    if (n < 2) {
        flint_free(d);
        return rs_io_error(err, src, t.start,
                           "expected at least 2 widths in \"dims\", found %ld",
                           (long)n);
    }
    *dp = d;
    *Lp = n - 1;
    return RS_OK;
}

/* Finds the values of "dims" and "weights" in the top-level object and
   the offset of its closing brace; "weights" is only reported missing
   after "dims" was read, so that errors come in a natural order. */
static int find_keys(const rs_io_src_t *src, size_t *dims_at,
                     size_t *weights_at, size_t *dims_key, int *have_w,
                     size_t *end, rs_error_t err)
{
    char fd[RS_IO_EXCERPT];
    size_t p = src->start, *pos = &p;
    int have_dims = 0, have_weights = 0;
    rs_jtok_t t;
    NEXT(&t); /* '{' */
    for (;;) {
        char *key;
        size_t klen;
        int is_dims, is_weights;
        NEXT(&t);
        if (t.type == RS_JT_COMMA)
            NEXT(&t);
        if (t.type != RS_JT_STRING)
            break; /* '}' */
        key = flint_malloc(t.end - t.start);
        klen = rs_json_string_decode(key, src, &t);
        is_dims = klen == 4 && memcmp(key, "dims", 4) == 0;
        is_weights = klen == 7 && memcmp(key, "weights", 7) == 0;
        flint_free(key);
        if (!is_dims && !is_weights) {
            /* other keys (a notebook's metadata, say) are ignored */
            int r;
            NEXT(&t); /* ':' */
            NEXT(&t);
            if ((r = rs_json_skip(src, &t, pos, err)) != RS_OK)
                return r;
            continue;
        }
        if ((is_dims && have_dims) || (is_weights && have_weights))
            return rs_io_error(err, src, t.start,
                               "expected each key once, found %s again",
                               DESCRIBE(&t));
        if (is_dims) {
            have_dims = 1;
            *dims_key = t.start;
        } else {
            have_weights = 1;
        }
        NEXT(&t); /* ':' */
        if (is_dims)
            *dims_at = p;
        else
            *weights_at = p;
        NEXT(&t);
        {
            int r = rs_json_skip(src, &t, pos, err);
            if (r != RS_OK)
                return r;
        }
    }
    *end = t.start;
    if (!have_dims)
        return rs_io_error(err, src, t.start,
                           "expected the key \"dims\" in the network object, "
                           "found %s",
                           DESCRIBE(&t));
    *have_w = have_weights;
    return RS_OK;
}

int rs_json_net_parse(rs_net_t N, const rs_io_src_t *src, rs_error_t err)
{
    size_t dims_at = 0, weights_at = 0, dims_key = 0, end = 0;
    int have_w = 0;
    slong *d = NULL, L = 0;
    rs_net_t T;
    int r = rs_io_check_bytes(src, 0, err);
    if (r == RS_OK)
        r = rs_json_check(src, err);
    if (r == RS_OK)
        r = find_keys(src, &dims_at, &weights_at, &dims_key, &have_w, &end,
                      err);
    if (r == RS_OK)
        r = parse_dims(src, dims_at, &d, &L, err);
    if (r != RS_OK)
        return r;
    r = rs_io_check_shape(src, dims_key, d, L, err);
    if (r == RS_OK && !have_w)
        r = rs_io_error(err, src, end,
                        "expected the key \"weights\" in the network "
                        "object, found '}'");
    /* check every entry before allocating anything */
    if (r == RS_OK)
        r = parse_weights(src, weights_at, d, L, NULL, err);
    if (r == RS_OK) {
        rs_net_init(T, d, L);
        r = parse_weights(src, weights_at, d, L, T, err);
        if (r == RS_OK)
            rs_net_swap(N, T);
        rs_net_clear(T);
    }
    flint_free(d);
    return r;
}
