/* The strata table for papers and notes (LaTeX longtable, Markdown) as
   data: one entry of `columns` per column, with its name for --columns,
   its headers and a cell writer for each format.  A new column is one
   entry here (and its cell writer). */
#include <string.h>

#include "table/strata_out.h"

typedef struct {
    _rs_strata_printer *p; /* its scratch serves the points column */
    slong id, dim, codim, comps;
    const rs_ranks_struct *R;
    const rs_barcode_struct *B;
    const rs_covers_struct *C;
    slong first, nup;
    const slong *dims;
} cell_t;

typedef struct {
    const char *name;
    const char *latex_head, *md_head;
    int md_right;  /* right-aligned in Markdown */
    int wraps;     /* a LaTeX paragraph column sharing the free width */
    double head_w; /* LaTeX header width in pt (fixed columns) */
    void (*cell)(_rs_wbuf *w, const cell_t *c, int latex);
} column_t;

static void cell_id(_rs_wbuf *w, const cell_t *c, int latex)
{
    _rs_wbuf_str(w, latex ? "$S_{" : "S");
    _rs_wbuf_slong(w, c->id);
    if (latex)
        _rs_wbuf_str(w, "}$");
}

static void cell_ranks(_rs_wbuf *w, const cell_t *c, int latex)
{
    slong L = c->R->L, i, j, n = 0;
    _rs_wbuf_str(w, latex ? "(" : "");
    for (i = 0; i < L; i++)
        for (j = i + 1; j <= L; j++) {
            if (n++)
                _rs_wbuf_str(w, latex ? ",\\allowbreak " : ",");
            _rs_wbuf_slong(w, rs_ranks_get(c->R, i, j));
        }
    _rs_wbuf_str(w, latex ? ")" : "");
}

static void cell_barcode(_rs_wbuf *w, const cell_t *c, int latex)
{
    _rs_wbuf_char(w, latex ? '$' : '`');
    _rs_wbuf_barcode(w, c->B, " + ");
    _rs_wbuf_char(w, latex ? '$' : '`');
}

static void cell_dim(_rs_wbuf *w, const cell_t *c, int latex)
{
    (void)latex;
    _rs_wbuf_slong(w, c->dim);
}

static void cell_codim(_rs_wbuf *w, const cell_t *c, int latex)
{
    (void)latex;
    _rs_wbuf_slong(w, c->codim);
}

static void cell_comps(_rs_wbuf *w, const cell_t *c, int latex)
{
    (void)latex;
    rs_wbuf_pow2(w, c->comps);
}

static void cell_covers(_rs_wbuf *w, const cell_t *c, int latex)
{
    slong k;
    for (k = 0; k < c->nup; k++) {
        slong up = rs_covers_upper(c->C, c->first + k);
        if (k)
            _rs_wbuf_str(w, ", ");
        _rs_wbuf_str(w, latex ? "$S_{" : "S");
        _rs_wbuf_slong(w, up);
        _rs_wbuf_str(w, latex ? "}$\\,(" : " (");
        _rs_wbuf_slong(w, c->dims[up] - c->dim);
        _rs_wbuf_char(w, ')');
    }
    if (c->nup == 0)
        _rs_wbuf_str(w, latex ? "--" : "-");
}

/* The number of points over F_q, factored (strata_points.c).  In LaTeX a
   line may break between two factors, so the column can wrap. */
static void cell_points(_rs_wbuf *w, const cell_t *c, int latex)
{
    size_t k, n;
    char *t;
    if (!latex) {
        _rs_strata_printer_points_cell(c->p, c->B, c->dim);
        return;
    }
    /* the cell alone in the buffer (it is far shorter than the buffer),
       then written again with the break points */
    _rs_wbuf_flush(w);
    _rs_strata_printer_points_cell(c->p, c->B, c->dim);
    n = w->n;
    t = flint_malloc(n + 1);
    memcpy(t, w->buf, n);
    w->n = 0;
    _rs_wbuf_char(w, '$');
    for (k = 0; k < n; k++) {
        if (k > 0 && (t[k] == '(' || (t[k] == '\\' && k + 4 <= n &&
                                      strncmp(t + k, "\\Phi", 4) == 0)))
            _rs_wbuf_str(w, "\\allowbreak ");
        _rs_wbuf_char(w, t[k]);
    }
    _rs_wbuf_char(w, '$');
    flint_free(t);
}

/* In the order of --columns' documentation. */
static const column_t columns[] = {
    {"id", "stratum", "id", 0, 0, 34.0, cell_id},
    {"barcode", "barcode", "barcode", 0, 1, 0.0, cell_barcode},
    {"ranks", "rank list", "rank list", 0, 1, 0.0, cell_ranks},
    {"dim", "$\\dim$", "dim", 1, 0, 16.0, cell_dim},
    {"codim", "codim", "codim", 1, 0, 25.0, cell_codim},
    {"components", "comps", "comps", 1, 0, 26.0, cell_comps},
    {"covers", "covered by", "covered by (codim)", 0, 1, 0.0, cell_covers},
    {"points", "points over $\\mathbf{F}_q$", "points over F_q", 0, 1, 0.0,
     cell_points},
};
#define NCOLUMNS ((int)(sizeof columns / sizeof columns[0]))

/* the default: everything but the points, ranks before the barcode */
static const int default_columns[] = {0, 2, 1, 3, 4, 5, 6};
#define NDEFAULT ((int)(sizeof default_columns / sizeof default_columns[0]))

int _rs_strata_columns_parse(int *cols, int *ncols, const char *arg,
                             rs_error_t err)
{
    const char *p = arg;
    int n = 0, k;
    if (arg == NULL) {
        memcpy(cols, default_columns, sizeof default_columns);
        *ncols = NDEFAULT;
        return RS_OK;
    }
    for (;;) {
        size_t len = strcspn(p, ",");
        for (k = 0; k < NCOLUMNS; k++)
            if (strlen(columns[k].name) == len &&
                strncmp(p, columns[k].name, len) == 0)
                break;
        if (k == NCOLUMNS || n == RS_STRATA_MAX_COLUMNS)
            return rs_error_set(err, RS_EINPUT,
                                "--columns: expected a comma list of id, "
                                "barcode, ranks, dim, codim, components, "
                                "covers, points at character %ld of \"%s\"",
                                (long)(p - arg) + 1, arg);
        cols[n++] = k;
        if (p[len] == '\0')
            break;
        p += len + 1;
    }
    *ncols = n;
    return RS_OK;
}

int _rs_strata_columns_has(const int *cols, int ncols, const char *name)
{
    int k;
    for (k = 0; k < ncols; k++)
        if (strcmp(columns[cols[k]].name, name) == 0)
            return 1;
    return 0;
}

int _rs_strata_columns_need_covers(const int *cols, int ncols)
{
    return _rs_strata_columns_has(cols, ncols, "covers");
}

void _rs_strata_columns_add(int *cols, int *ncols, const char *name)
{
    int k;
    if (_rs_strata_columns_has(cols, *ncols, name) ||
        *ncols == RS_STRATA_MAX_COLUMNS)
        return;
    for (k = 0; k < NCOLUMNS; k++)
        if (strcmp(columns[k].name, name) == 0)
            cols[(*ncols)++] = k;
}

/* ---- LaTeX ----------------------------------------------------------- */

static void latex_r(_rs_wbuf *w, slong L, slong i, slong j)
{
    _rs_wbuf_str(w, "r_{");
    _rs_wbuf_slong(w, j);
    if (L >= 10)
        _rs_wbuf_char(w, ',');
    _rs_wbuf_slong(w, i);
    _rs_wbuf_char(w, '}');
}

/* $(r_{10}, r_{20}, r_{21})$; past 10 entries the first three, dots and
   the last. */
static void latex_rank_order(_rs_wbuf *w, slong L)
{
    slong i, j, k = 0;
    _rs_wbuf_str(w, "$(");
    if (L * (L + 1) / 2 > 10) {
        latex_r(w, L, 0, 1);
        _rs_wbuf_str(w, ", ");
        latex_r(w, L, 0, 2);
        _rs_wbuf_str(w, ", ");
        latex_r(w, L, 0, 3);
        _rs_wbuf_str(w, ", \\dots, ");
        latex_r(w, L, L - 1, L);
    } else {
        for (i = 0; i < L; i++)
            for (j = i + 1; j <= L; j++) {
                if (k++)
                    _rs_wbuf_str(w, ", ");
                latex_r(w, L, i, j);
            }
    }
    _rs_wbuf_str(w, ")$");
}

/* The least width of a paragraph column: its header word ("covered",
   "barcode") and an unbreakable entry fit. */
#define WRAP_PT 36.0

/* Natural width in characters of a wrapping column, over all rows. */
static slong wrap_chars(const _rs_strata_printer *p, int col)
{
    const char *name = columns[col].name;
    if (strcmp(name, "ranks") == 0)
        return p->t_ranks;
    if (strcmp(name, "barcode") == 0)
        return p->t_bar;
    if (strcmp(name, "points") == 0)
        return p->t_points;
    return p->t_covers;
}

/* What a paragraph column would need beyond WRAP_PT not to wrap (about
   4.8pt a character), at least 4pt: its share of the free width. */
static double wrap_extra(const _rs_strata_printer *p, int col)
{
    return FLINT_MAX(4.8 * (double)wrap_chars(p, col) - WRAP_PT, 4.0);
}

static void latex_header(_rs_strata_printer *p)
{
    _rs_wbuf *w = &p->w;
    double fixed = 0.0, sep = 4.0, total = 0.0;
    slong k;
    char buf[160];
    /* fixed columns at their header width (or the widest entry, digits
       5pt); paragraph columns share what remains in proportion to their
       natural widths, so the table is exactly \linewidth wide */
    for (k = 0; k < p->ncols; k++) {
        const column_t *c = &columns[p->cols[k]];
        if (c->wraps)
            total += wrap_extra(p, p->cols[k]);
        else if (strcmp(c->name, "id") == 0)
            fixed +=
                FLINT_MAX(c->head_w, 8.0 + 4.0 * _rs_wbuf_digits(p->count)) +
                2.0;
        else
            fixed += FLINT_MAX(c->head_w, 5.0 * (double)p->w_num) + 2.0;
    }
    fixed += 2.0 * sep * (double)(p->ncols - 1);
    /* every paragraph column gets WRAP_PT first */
    for (k = 0; k < p->ncols; k++)
        if (columns[p->cols[k]].wraps)
            fixed += WRAP_PT;
    _rs_wbuf_str(w, "% Strata of the fiber of a ");
    _rs_wbuf_fiber(w, p->r, p->d, p->L);
    _rs_wbuf_str(w, " (rankstrat strata),\n% by decreasing dimension; "
                    "S_{k} is stratum k of every rankstrat output (ids\n"
                    "% from 0).  A longtable as wide as the text: needs "
                    "\\usepackage{booktabs,longtable,array}.\n");
    _rs_wbuf_str(w, "\\begingroup\n\\setlength{\\tabcolsep}{4pt}\n"
                    "\\begin{longtable}{@{}");
    for (k = 0; k < p->ncols; k++) {
        const column_t *c = &columns[p->cols[k]];
        if (c->wraps) {
            slong share = (slong)(1000.0 * wrap_extra(p, p->cols[k]) / total);
            snprintf(buf, sizeof buf,
                     ">{\\raggedright\\arraybackslash}p{\\dimexpr"
                     "%.0fpt+(\\linewidth-%.1fpt)*%ld/1000\\relax}",
                     WRAP_PT, fixed, (long)share);
            _rs_wbuf_str(w, buf);
        } else {
            _rs_wbuf_str(w, strcmp(c->name, "id") == 0 ? "l" : "r");
        }
    }
    _rs_wbuf_str(w, "@{}}\n\\caption{Strata of the fiber of a rank-$");
    _rs_wbuf_slong(w, p->r);
    _rs_wbuf_str(w, "$ matrix, widths $d = (");
    for (k = 0; k <= p->L; k++) {
        if (k)
            _rs_wbuf_str(w, ", ");
        _rs_wbuf_slong(w, p->d[k]);
    }
    _rs_wbuf_str(w, ")$, by decreasing dimension.  Rank lists ");
    latex_rank_order(w, p->L);
    _rs_wbuf_str(w, ", $r_{ji}$ the rank of the map from layer $i$ to layer "
                    "$j$.");
    if (_rs_strata_columns_need_covers(p->cols, p->ncols))
        _rs_wbuf_str(w, "  Covered by: the strata whose closure contains it "
                        "with none between, and (in brackets) the difference "
                        "in dimension.");
    _rs_wbuf_str(w, "}\\\\\n");
    for (k = 0; k < 2; k++) {
        slong j;
        _rs_wbuf_str(w, k ? "\\multicolumn{" : "\\toprule\n");
        if (k) {
            _rs_wbuf_slong(w, p->ncols);
            _rs_wbuf_str(w, "}{@{}l}{\\emph{(continued)}}\\\\\n\\toprule\n");
        }
        for (j = 0; j < p->ncols; j++) {
            if (j)
                _rs_wbuf_str(w, " & ");
            _rs_wbuf_str(w, columns[p->cols[j]].latex_head);
        }
        _rs_wbuf_str(w, k ? " \\\\\n\\midrule\n\\endhead\n"
                          : " \\\\\n\\midrule\n\\endfirsthead\n");
    }
    _rs_wbuf_str(w, "\\bottomrule\n\\endlastfoot\n");
}

/* ---- Markdown -------------------------------------------------------- */

static void md_header(_rs_strata_printer *p)
{
    _rs_wbuf *w = &p->w;
    slong i, j, k;
    _rs_wbuf_str(w, "Strata of the fiber of a ");
    _rs_wbuf_fiber(w, p->r, p->d, p->L);
    _rs_wbuf_str(w, ", by decreasing dimension (rankstrat strata; Sk is "
                    "stratum k of every rankstrat output).  Rank lists "
                    "list r_ji, the rank of the map from layer i to layer j, "
                    "for (i,j) = ");
    for (i = 0, k = 0; i < p->L; i++)
        for (j = i + 1; j <= p->L; j++) {
            _rs_wbuf_str(w, k++ ? ", (" : "(");
            _rs_wbuf_slong(w, i);
            _rs_wbuf_char(w, ',');
            _rs_wbuf_slong(w, j);
            _rs_wbuf_char(w, ')');
        }
    _rs_wbuf_str(w, ".\n\n|");
    for (k = 0; k < p->ncols; k++) {
        _rs_wbuf_char(w, ' ');
        _rs_wbuf_str(w, columns[p->cols[k]].md_head);
        _rs_wbuf_str(w, " |");
    }
    _rs_wbuf_str(w, "\n|");
    for (k = 0; k < p->ncols; k++)
        _rs_wbuf_str(w, columns[p->cols[k]].md_right ? " ---: |" : " --- |");
    _rs_wbuf_char(w, '\n');
}

void _rs_strata_table_header(_rs_strata_printer *p)
{
    if (p->format == RS_STRATA_LATEX)
        latex_header(p);
    else
        md_header(p);
}

void _rs_strata_table_row(_rs_strata_printer *p, slong id, const rs_ranks_t R,
                          const rs_barcode_t B, slong dim,
                          const rs_covers_struct *C, slong first, slong nup,
                          const slong *dims)
{
    int latex = p->format == RS_STRATA_LATEX, k;
    cell_t c;
    c.p = p;
    c.id = id;
    c.dim = dim;
    c.codim = p->N - dim;
    c.comps = rs_barcode_components_log2(B);
    c.R = R;
    c.B = B;
    c.C = C;
    c.first = first;
    c.nup = nup;
    c.dims = dims;
    if (!latex)
        _rs_wbuf_char(&p->w, '|');
    for (k = 0; k < p->ncols; k++) {
        if (latex && k)
            _rs_wbuf_str(&p->w, " & ");
        if (!latex)
            _rs_wbuf_char(&p->w, ' ');
        columns[p->cols[k]].cell(&p->w, &c, latex);
        if (!latex)
            _rs_wbuf_str(&p->w, " |");
    }
    _rs_wbuf_str(&p->w, latex ? " \\\\\n" : "\n");
}

void _rs_strata_table_footer(_rs_strata_printer *p)
{
    if (p->format == RS_STRATA_LATEX)
        _rs_wbuf_str(&p->w, "\\end{longtable}\n\\endgroup\n");
}

void _rs_strata_table_measure(_rs_strata_printer *p, const rs_strata_t S,
                              const rs_covers_t C)
{
    rs_barcode_t B;
    slong id, k = 0, L = S->L;
    rs_barcode_init(B, L);
    p->t_ranks = L * (L + 1); /* one digit and a comma each, about */
    p->t_bar = p->t_covers = p->t_points = 0;
    p->w_num = FLINT_MAX(_rs_wbuf_digits(S->N), 1);
    if (L + 2 < FLINT_BITS - 2)
        p->w_num = FLINT_MAX(p->w_num, _rs_wbuf_digits(WORD(1) << (L + 2)));
    for (id = 0; id < S->n; id++) {
        slong len = 0;
        rs_strata_get_barcode(B, S, id);
        p->t_bar = FLINT_MAX(p->t_bar, _rs_barcode_text_len(B));
        if (_rs_strata_columns_has(p->cols, p->ncols, "points"))
            p->t_points = FLINT_MAX(p->t_points, _rs_strata_points_cell_len(B));
        for (; k < C->n && rs_covers_lower(C, k) == id; k++)
            len += 7 + _rs_wbuf_digits(rs_covers_upper(C, k));
        p->t_covers = FLINT_MAX(p->t_covers, len);
    }
    rs_barcode_clear(B);
}
