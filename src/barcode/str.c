/* Barcodes as strings: every form the tool prints, written and read back
   (rs_barcode_get_str / rs_barcode_set_str). */
#include <stdarg.h>
#include <string.h>

#include "rankstrat/barcode.h"

/* ---- writing --------------------------------------------------------- */

char *rs_barcode_get_str(const rs_barcode_t B, int form)
{
    slong L = B->L, i, j, n = 0, len = 2, at = 0;
    char *s;
    for (i = 0; i <= L; i++)
        for (j = i; j <= L; j++)
            if (rs_barcode_get(B, i, j) != 0)
                len += 3 * 22 + 8; /* three numbers and punctuation */
    s = flint_malloc(len + 1);
    if (form == RS_BARCODE_JSON)
        s[at++] = '[';
    for (i = 0; i <= L; i++)
        for (j = i; j <= L; j++) {
            slong m = rs_barcode_get(B, i, j);
            if (m == 0)
                continue;
            if (form == RS_BARCODE_SUM) {
                at += sprintf(s + at, "%s", n ? " + " : "");
                if (m > 1)
                    at += sprintf(s + at, "%ld", (long)m);
                at += sprintf(s + at, "[%ld,%ld]", (long)i, (long)j);
            } else if (form == RS_BARCODE_ARG) {
                at += sprintf(s + at, "%s%ld-%ld", n ? "," : "", (long)i,
                              (long)j);
                if (m > 1)
                    at += sprintf(s + at, "x%ld", (long)m);
            } else {
                at += sprintf(s + at, "%s[%ld,%ld,%ld]", n ? "," : "", (long)i,
                              (long)j, (long)m);
            }
            n++;
        }
    if (form == RS_BARCODE_JSON)
        s[at++] = ']';
    else if (n == 0 && form == RS_BARCODE_SUM)
        s[at++] = '-';
    s[at] = '\0';
    return s;
}

/* ---- reading --------------------------------------------------------- */

typedef struct {
    const char *s;
    size_t i, n;
    slong L, total;
    const char *bar; /* how a bar is written in this form */
    size_t *pos;
    rs_error_struct *err;
} rd;

static int fail(rd *p, size_t at, int status, const char *fmt, ...)
{
    char msg[RS_ERROR_MSG_LEN];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (p->pos != NULL)
        *p->pos = at;
    return rs_error_set(p->err, status, "%s", msg);
}

static void blanks(rd *p)
{
    while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t'))
        p->i++;
}

static int at_digit(const rd *p)
{
    return p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9';
}

/* Reads digits into *v (capped just above cap); 0 if there are none. */
static int digits(slong *v, rd *p, slong cap)
{
    size_t a = p->i;
    *v = 0;
    while (at_digit(p)) {
        if (*v <= cap)
            *v = 10 * *v + (p->s[p->i] - '0');
        p->i++;
    }
    return p->i > a;
}

static int expect(rd *p, char c, const char *what)
{
    if (p->i < p->n && p->s[p->i] == c) {
        p->i++;
        return RS_OK;
    }
    return fail(p, p->i, RS_EINPUT, "expected %s", what);
}

/* A layer index at the cursor. */
static int layer(slong *v, rd *p, const char *what)
{
    size_t a = p->i;
    if (!digits(v, p, p->L))
        return fail(p, a, RS_EINPUT, "expected %s", what);
    if (*v > p->L)
        return fail(p, a, RS_EINPUT,
                    "expected a layer index between 0 and L = %ld", (long)p->L);
    return RS_OK;
}

static int add_bar(rd *p, rs_barcode_t T, slong a, slong b, slong m, size_t at)
{
    if (a > b)
        return fail(p, at, RS_EINPUT, "expected a bar %s with i <= j", p->bar);
    p->total += m;
    if (m > RS_MAX_TOTAL_WIDTH || p->total > RS_MAX_TOTAL_WIDTH)
        return fail(p, at, RS_ELIMIT,
                    "expected multiplicities adding up to at most %ld",
                    (long)RS_MAX_TOTAL_WIDTH);
    rs_barcode_set_entry(T, a, b, rs_barcode_get(T, a, b) + m);
    return RS_OK;
}

/* "i-j,i-jxm,..." */
static int read_arg(rd *p, rs_barcode_t T)
{
    p->bar = "i-j";
    for (;;) {
        slong a, b, m = 1;
        size_t at;
        int r;
        blanks(p);
        at = p->i;
        if ((r = layer(&a, p, "a bar i-j or i-jxm (a layer index i first)")))
            return r;
        if ((r = expect(p, '-', "'-' in the bar i-j")))
            return r;
        if ((r = layer(&b, p, "the layer index j of a bar i-j")))
            return r;
        if (p->i < p->n && p->s[p->i] == 'x') {
            size_t am = ++p->i;
            if (!digits(&m, p, RS_MAX_TOTAL_WIDTH) || m == 0)
                return fail(p, am, RS_EINPUT,
                            "expected a multiplicity m >= 1 after 'x'");
        }
        if ((r = add_bar(p, T, a, b, m, at)))
            return r;
        blanks(p);
        if (p->i == p->n)
            return RS_OK;
        if ((r = expect(p, ',', "',' or 'xm' after a bar")))
            return r;
    }
}

/* "m[i,j] + [i,j] + ..." */
static int read_sum(rd *p, rs_barcode_t T)
{
    p->bar = "[i,j]";
    for (;;) {
        slong a, b, m = 1;
        size_t at;
        int r;
        blanks(p);
        at = p->i;
        if (at_digit(p) && (!digits(&m, p, RS_MAX_TOTAL_WIDTH) || m == 0))
            return fail(p, at, RS_EINPUT,
                        "expected a multiplicity m >= 1 before '['");
        if ((r = expect(p, '[', "a bar [i,j] or m[i,j]")))
            return r;
        if ((r = layer(&a, p, "the layer index i of a bar [i,j]")) ||
            (r = expect(p, ',', "',' in the bar [i,j]")) ||
            (r = layer(&b, p, "the layer index j of a bar [i,j]")) ||
            (r = expect(p, ']', "']' closing the bar [i,j]")))
            return r;
        if ((r = add_bar(p, T, a, b, m, at)))
            return r;
        blanks(p);
        if (p->i == p->n)
            return RS_OK;
        if ((r = expect(p, '+', "'+' between bars")))
            return r;
    }
}

/* "[[i,j,m],...]" (blanks allowed between tokens) */
static int read_json(rd *p, rs_barcode_t T)
{
    int r;
    p->bar = "[i,j,m]";
    p->i++; /* '[' */
    blanks(p);
    if (p->i < p->n && p->s[p->i] == ']') {
        p->i++;
    } else {
        for (;;) {
            slong a, b, m;
            size_t at, am;
            blanks(p);
            at = p->i;
            if ((r = expect(p, '[', "a triple [i,j,m]")))
                return r;
            blanks(p);
            if ((r = layer(&a, p, "the layer index i of a triple [i,j,m]")))
                return r;
            blanks(p);
            if ((r = expect(p, ',', "',' in the triple [i,j,m]")))
                return r;
            blanks(p);
            if ((r = layer(&b, p, "the layer index j of a triple [i,j,m]")))
                return r;
            blanks(p);
            if ((r = expect(p, ',', "',' in the triple [i,j,m]")))
                return r;
            blanks(p);
            am = p->i;
            if (!digits(&m, p, RS_MAX_TOTAL_WIDTH) || m == 0)
                return fail(p, am, RS_EINPUT,
                            "expected a multiplicity m >= 1 in the triple "
                            "[i,j,m]");
            blanks(p);
            if ((r = expect(p, ']', "']' closing the triple [i,j,m]")))
                return r;
            if ((r = add_bar(p, T, a, b, m, at)))
                return r;
            blanks(p);
            if (p->i < p->n && p->s[p->i] == ']') {
                p->i++;
                break;
            }
            if ((r = expect(p, ',', "',' or ']' after a triple")))
                return r;
        }
    }
    blanks(p);
    if (p->i != p->n)
        return fail(p, p->i, RS_EINPUT, "expected the end after ']'");
    return RS_OK;
}

int rs_barcode_set_str(rs_barcode_t B, slong L, const char *s, size_t *pos,
                       rs_error_t err)
{
    rd p;
    rs_barcode_t T;
    rs_barcode_struct swap;
    int r = RS_OK;
    size_t k;
    p.s = s;
    p.i = 0;
    p.n = strlen(s);
    p.L = L;
    p.total = 0;
    p.pos = pos;
    p.err = err;
    rs_barcode_init(T, L);
    if (strcmp(s, "-") == 0 || p.n == 0) {
        /* no bars */
    } else if (blanks(&p), p.i == p.n) {
        r = fail(&p, p.i, RS_EINPUT,
                 "expected a bar i-j, m[i,j] or a list [[i,j,m],...]");
    } else if (s[p.i] == '[') {
        k = p.i + 1;
        while (k < p.n && (s[k] == ' ' || s[k] == '\t'))
            k++;
        if (k < p.n && (s[k] == '[' || s[k] == ']'))
            r = read_json(&p, T);
        else
            r = read_sum(&p, T);
    } else {
        /* digits then '[' is the sum form, digits then '-' the arg form */
        k = p.i;
        while (k < p.n && s[k] >= '0' && s[k] <= '9')
            k++;
        if (k < p.n && s[k] == '[')
            r = read_sum(&p, T);
        else
            r = read_arg(&p, T);
    }
    if (r == RS_OK) {
        swap = *B;
        *B = *T;
        *T = swap;
    }
    rs_barcode_clear(T);
    return r;
}
