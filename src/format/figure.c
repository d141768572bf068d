/* Labels, glyphs and the dimension scale of a Hasse figure, measured once
   for the layout and drawn through a sink by every writer. */
#include <string.h>

#include "format/figure.h"

/* glyph metrics: layers GX apart, bars GY apart, ticks below */
#define GX 12.0
#define GY 5.0
#define GTICK 4.0
#define GMULT 8.0

int rs_label_parse(int *labels, const char *arg, const char *opt,
                   rs_error_t err)
{
    static const char *const names[] = {"id",  "barcode", "glyph",     "ranks",
                                        "dim", "codim",   "components"};
    const char *p = arg;
    int v = 0;
    for (;;) {
        size_t n = strcspn(p, ","), k;
        for (k = 0; k < 7; k++)
            if (strlen(names[k]) == n && strncmp(p, names[k], n) == 0)
                break;
        if (k == 7)
            return rs_error_set(err, RS_EINPUT,
                                "%s: expected a comma list of id, barcode, "
                                "glyph, ranks, dim, codim, components at "
                                "character %ld of \"%s\"",
                                opt, (long)(p - arg) + 1, arg);
        v |= 1 << k;
        if (p[n] == '\0')
            break;
        p += n + 1;
    }
    *labels = v;
    return RS_OK;
}

/* ---- label text ------------------------------------------------------ */

typedef struct {
    char *s;
    size_t n, alloc;
} sbuf;

static void sb_cat(sbuf *b, const char *s)
{
    size_t m = strlen(s);
    if (b->n + m + 1 > b->alloc) {
        b->alloc = 2 * (b->n + m + 1) + 32;
        b->s = flint_realloc(b->s, b->alloc);
    }
    memcpy(b->s + b->n, s, m + 1);
    b->n += m;
}

static void sb_num(sbuf *b, slong v)
{
    char t[32];
    snprintf(t, sizeof t, "%ld", (long)v);
    sb_cat(b, t);
}

static void sb_comps(sbuf *b, slong log2)
{
    if (log2 < 62) {
        sb_num(b, WORD(1) << log2);
    } else {
        sb_cat(b, "2^");
        sb_num(b, log2);
    }
}

/* Line 0: id, dim, codim, components (those chosen); line 1: barcode;
   line 2: ranks.  Empty lines are left out by the callers. */
static void label_lines(sbuf *ln, const rs_hasse_figure_t F, slong id,
                        rs_barcode_t B, rs_ranks_t R)
{
    int lab = F->labels;
    const rs_strata_struct *S = F->S;
    slong dim = rs_strata_dim(S, id);
    int k;
    for (k = 0; k < 3; k++)
        ln[k].n = 0;
    for (k = 0; k < 3; k++)
        sb_cat(&ln[k], "");
    rs_strata_get_barcode(B, S, id);
    if (lab & RS_LABEL_ID) {
        sb_cat(&ln[0], "S");
        sb_num(&ln[0], id);
    }
    if (lab & RS_LABEL_DIM) {
        sb_cat(&ln[0], ln[0].n ? "  dim " : "dim ");
        sb_num(&ln[0], dim);
    }
    if (lab & RS_LABEL_CODIM) {
        sb_cat(&ln[0], ln[0].n ? "  codim " : "codim ");
        sb_num(&ln[0], S->N - dim);
    }
    if (lab & RS_LABEL_COMPONENTS) {
        slong c = rs_barcode_components_log2(B);
        sb_cat(&ln[0], ln[0].n ? "  " : "");
        sb_comps(&ln[0], c);
        sb_cat(&ln[0], c == 0 ? " comp" : " comps");
    }
    if (lab & RS_LABEL_BARCODE) {
        char *t = rs_barcode_get_str(B, RS_BARCODE_SUM);
        sb_cat(&ln[1], t);
        flint_free(t);
    }
    if (lab & RS_LABEL_RANKS) {
        slong L = S->L, i, j, n = 0;
        rs_strata_get_ranks(R, S, id);
        sb_cat(&ln[2], "(");
        for (i = 0; i < L; i++)
            for (j = i + 1; j <= L; j++) {
                if (n++)
                    sb_cat(&ln[2], ",");
                sb_num(&ln[2], rs_ranks_get(R, i, j));
            }
        sb_cat(&ln[2], ")");
    }
}

static slong digits(slong v)
{
    slong d = 1;
    while (v >= 10) {
        v /= 10;
        d++;
    }
    return d;
}

/* Rows of the glyph of bar multiplicity m: one per strand, as papers
   draw barcodes, up to GMAXROWS; beyond, one row with "xm" written. */
#define GMAXROWS 4

static slong glyph_rows(slong m)
{
    return m <= GMAXROWS ? m : 1;
}

/* Glyph size of B: width and height. */
static void glyph_size(double *w, double *h, const rs_barcode_t B)
{
    slong L = B->L, i, j, rows = 0, maxm = 1;
    for (i = 0; i <= L; i++)
        for (j = i; j <= L; j++)
            if (rs_barcode_get(B, i, j) > 0) {
                rows += glyph_rows(rs_barcode_get(B, i, j));
                maxm = FLINT_MAX(maxm, rs_barcode_get(B, i, j));
            }
    *w = (double)L * GX + 4.0 +
         (maxm > GMAXROWS ? 3.0 + 0.62 * GMULT * (double)(1 + digits(maxm))
                          : 0.0);
    *h = (double)rows * GY + (maxm > GMAXROWS ? 4.0 : 0.0) + GTICK + 3.0;
}

/* ---- the figure ------------------------------------------------------ */

static void measure(double *w, double *h, const rs_hasse_figure_t F, slong id,
                    sbuf *ln, rs_barcode_t B, rs_ranks_t R)
{
    int k;
    double cw = 0.0, ch = 0.0;
    label_lines(ln, F, id, B, R);
    for (k = 0; k < 3; k++)
        if (ln[k].n > 0) {
            cw = FLINT_MAX(cw, FIG_CHAR * (double)ln[k].n);
            ch += FIG_LINE;
        }
    if (F->labels & RS_LABEL_GLYPH) {
        double gw, gh;
        glyph_size(&gw, &gh, B);
        cw = FLINT_MAX(cw, gw);
        ch += gh;
    }
    if (ch == 0.0)
        ch = FIG_LINE;
    *w = FLINT_MAX(cw, 12.0) + 2 * FIG_PADX;
    *h = ch + 2 * FIG_PADY;
}

static const char *scale_name(const rs_hasse_figure_t F)
{
    return F->codim ? "codim " : "dim ";
}

int rs_hasse_figure_init(rs_hasse_figure_t F, const rs_strata_t S,
                         const rs_covers_t C, int labels, int codim,
                         rs_error_t err)
{
    slong n = S->n, k, maxkey = 0;
    slong *key = flint_malloc((n + 1) * sizeof(slong));
    slong *ends = flint_malloc((2 * C->n + 1) * sizeof(slong));
    double *w = flint_malloc((n + 1) * sizeof(double));
    double *h = flint_malloc((n + 1) * sizeof(double));
    sbuf ln[3] = {{NULL, 0, 0}, {NULL, 0, 0}, {NULL, 0, 0}};
    rs_barcode_t B;
    rs_ranks_t R;
    rs_layout_opts o;
    int r;

    F->S = S;
    F->C = C;
    F->labels = labels ? labels : RS_LABEL_DEFAULT;
    F->codim = codim;
    rs_layout_init(F->Y);
    rs_barcode_init(B, S->L);
    rs_ranks_init(R, S->L);
    for (k = 0; k < n; k++) {
        slong dim = rs_strata_dim(S, k);
        key[k] = codim ? S->N - dim : dim;
        maxkey = FLINT_MAX(maxkey, S->N);
        measure(&w[k], &h[k], F, k, ln, B, R);
    }
    for (k = 0; k < C->n; k++) {
        slong lo = rs_covers_lower(C, k), hi = rs_covers_upper(C, k);
        /* with codim the lower stratum is drawn above */
        ends[2 * k] = codim ? hi : lo;
        ends[2 * k + 1] = codim ? lo : hi;
    }
    rs_layout_opts_init(&o);
    o.left = FIG_CHAR * (double)(strlen(scale_name(F)) + digits(maxkey)) +
             2 * FIG_MARGIN + 8.0;
    r = rs_layout_compute(F->Y, n, key, w, h, C->n, ends, &o, err);
    for (k = 0; k < 3; k++)
        flint_free(ln[k].s);
    rs_barcode_clear(B);
    rs_ranks_clear(R);
    flint_free(key);
    flint_free(ends);
    flint_free(w);
    flint_free(h);
    return r;
}

void rs_hasse_figure_clear(rs_hasse_figure_t F)
{
    rs_layout_clear(F->Y);
}

char *rs_fig_title(const rs_hasse_figure_t F, slong id)
{
    rs_barcode_t B;
    char *bar, *s;
    size_t len;
    slong dim = rs_strata_dim(F->S, id);
    rs_barcode_init(B, F->S->L);
    rs_strata_get_barcode(B, F->S, id);
    bar = rs_barcode_get_str(B, RS_BARCODE_SUM);
    len = strlen(bar) + 80;
    s = flint_malloc(len);
    snprintf(s, len, "S%ld: %s, dim %ld, codim %ld", (long)id, bar, (long)dim,
             (long)(F->S->N - dim));
    flint_free(bar);
    rs_barcode_clear(B);
    return s;
}

static void draw_glyph(rs_fig_sink *k, const rs_barcode_t B, double x0,
                       double ytop)
{
    slong L = B->L, i, j, c;
    double y = ytop - 2.0 - GY / 2.0;
    x0 += 2.0;
    for (i = 0; i <= L; i++)
        for (j = i; j <= L; j++) {
            slong m = rs_barcode_get(B, i, j);
            if (m > GMAXROWS)
                y -= 2.0;
            for (c = 0; c < glyph_rows(m); c++) {
                /* a bar [i,i] is a dot, so that it shows */
                if (i == j)
                    k->dot(k, x0 + GX * (double)i, y, 1.6);
                else
                    k->line(k, x0 + GX * (double)i, y, x0 + GX * (double)j, y,
                            1.5);
                if (m > GMAXROWS)
                    k->mult(k, x0 + GX * (double)L + 5.0, y, m, GMULT);
                y -= m > GMAXROWS ? GY + 2.0 : GY;
            }
        }
    /* the layers 0..L: an axis with a tick each, below the bars */
    y += GY / 2.0 - 1.0;
    k->line(k, x0, y - GTICK / 2.0, x0 + GX * (double)L, y - GTICK / 2.0, 0.4);
    for (i = 0; i <= L; i++)
        k->line(k, x0 + GX * (double)i, y, x0 + GX * (double)i, y - GTICK, 0.6);
}

void rs_fig_draw(rs_fig_sink *k, const rs_hasse_figure_t F)
{
    const rs_layout_struct *Y = F->Y;
    sbuf ln[3] = {{NULL, 0, 0}, {NULL, 0, 0}, {NULL, 0, 0}};
    rs_barcode_t B;
    rs_ranks_t R;
    slong id, r;
    char t[64];
    double ax = Y->left - FIG_MARGIN - 4.0;
    rs_barcode_init(B, F->S->L);
    rs_ranks_init(R, F->S->L);
    /* the scale: an axis with a tick and a number at every row */
    if (Y->nrows > 0)
        k->line(k, ax, Y->row_y[0], ax, Y->row_y[Y->nrows - 1], 0.5);
    for (r = 0; r < Y->nrows; r++) {
        snprintf(t, sizeof t, "%s%ld", scale_name(F), (long)Y->row_key[r]);
        k->line(k, ax - 3.0, Y->row_y[r], ax + 3.0, Y->row_y[r], 0.5);
        k->text(k, ax - 6.0, Y->row_y[r], t, FIG_FONT, FIG_END, FIG_TEXT_SCALE);
    }
    for (id = 0; id < Y->n; id++) {
        double x0 = Y->x[id] - Y->w[id] / 2.0, x1 = Y->x[id] + Y->w[id] / 2.0;
        double y0 = Y->y[id] - Y->h[id] / 2.0, y1 = Y->y[id] + Y->h[id] / 2.0;
        double y = y1 - FIG_PADY;
        char *title = rs_fig_title(F, id);
        int j;
        label_lines(ln, F, id, B, R);
        k->node_begin(k, id, x0, y0, x1, y1, title);
        flint_free(title);
        for (j = 0; j < 3; j++)
            if (ln[j].n > 0) {
                k->text(k, Y->x[id], y - FIG_LINE / 2.0, ln[j].s, FIG_FONT,
                        FIG_MIDDLE, FIG_TEXT_LABEL);
                y -= FIG_LINE;
            }
        if (F->labels & RS_LABEL_GLYPH) {
            double gw, gh;
            glyph_size(&gw, &gh, B);
            draw_glyph(k, B, Y->x[id] - gw / 2.0, y);
        }
        k->node_end(k, id);
    }
    for (r = 0; r < 3; r++)
        flint_free(ln[r].s);
    rs_barcode_clear(B);
    rs_ranks_clear(R);
}

void rs_fig_header(FILE *f, const rs_hasse_figure_t F, const char *prefix)
{
    const rs_strata_struct *S = F->S;
    slong k;
    fprintf(f,
            "%sHasse diagram of the closure order on the strata of the "
            "fiber of a\n%srank-%ld matrix, widths d = (",
            prefix, prefix, (long)S->r);
    for (k = 0; k <= S->L; k++)
        fprintf(f, "%s%ld", k ? ", " : "", (long)S->d[k]);
    fprintf(f,
            ") (rankstrat hasse): %ld strata,\n%s%ld covers.  Sk is "
            "stratum k of 'rankstrat strata' (ids from 0, the\n%sindex in "
            "the JSON \"strata\" array).  Rows: %s, increasing upwards.\n",
            (long)S->n, prefix, (long)F->C->n, prefix,
            F->codim ? "codimension" : "dimension");
}

void rs_fig_xml(FILE *f, const char *s)
{
    for (; *s; s++) {
        if (*s == '<')
            fputs("&lt;", f);
        else if (*s == '>')
            fputs("&gt;", f);
        else if (*s == '&')
            fputs("&amp;", f);
        else if (*s == '"')
            fputs("&quot;", f);
        else
            fputc(*s, f);
    }
}
