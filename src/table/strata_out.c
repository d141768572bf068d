/* Tables of strata: text (aligned columns and a fiber summary), JSON (the
   rankstrat-strata schema of docs/formats.md) and CSV (RFC 4180: CRLF
   line ends, a header row, quoted fields where they contain commas); LaTeX
   and Markdown are in strata_table.c. */
#include "table/invariants_out.h"
#include "table/strata_out.h"

/* ---- fragments ------------------------------------------------------- */

void rs_wbuf_pow2(_rs_wbuf *w, slong log2)
{
    if (log2 < FLINT_BITS - 2) {
        _rs_wbuf_slong(w, WORD(1) << log2);
    } else {
        fmpz_t c;
        char *s;
        fmpz_init(c);
        fmpz_one(c);
        fmpz_mul_2exp(c, c, (ulong)log2);
        s = fmpz_get_str(NULL, 10, c);
        _rs_wbuf_str(w, s);
        flint_free(s);
        fmpz_clear(c);
    }
}

void _rs_wbuf_json_ranks(_rs_wbuf *w, const rs_ranks_t R)
{
    slong L = R->L, i, j, n = 0;
    _rs_wbuf_char(w, '[');
    for (i = 0; i < L; i++)
        for (j = i + 1; j <= L; j++) {
            if (n++)
                _rs_wbuf_char(w, ',');
            _rs_wbuf_char(w, '[');
            _rs_wbuf_slong(w, i);
            _rs_wbuf_char(w, ',');
            _rs_wbuf_slong(w, j);
            _rs_wbuf_char(w, ',');
            _rs_wbuf_slong(w, rs_ranks_get(R, i, j));
            _rs_wbuf_char(w, ']');
        }
    _rs_wbuf_char(w, ']');
}

void _rs_wbuf_json_barcode(_rs_wbuf *w, const rs_barcode_t B)
{
    slong L = B->L, i, j, n = 0;
    _rs_wbuf_char(w, '[');
    for (i = 0; i <= L; i++)
        for (j = i; j <= L; j++) {
            slong m = rs_barcode_get(B, i, j);
            if (m == 0)
                continue;
            if (n++)
                _rs_wbuf_char(w, ',');
            _rs_wbuf_char(w, '[');
            _rs_wbuf_slong(w, i);
            _rs_wbuf_char(w, ',');
            _rs_wbuf_slong(w, j);
            _rs_wbuf_char(w, ',');
            _rs_wbuf_slong(w, m);
            _rs_wbuf_char(w, ']');
        }
    _rs_wbuf_char(w, ']');
}

void _rs_wbuf_barcode(_rs_wbuf *w, const rs_barcode_t B, const char *sep)
{
    slong L = B->L, i, j, n = 0;
    for (i = 0; i <= L; i++)
        for (j = i; j <= L; j++) {
            slong m = rs_barcode_get(B, i, j);
            if (m == 0)
                continue;
            if (n++)
                _rs_wbuf_str(w, sep);
            if (m > 1)
                _rs_wbuf_slong(w, m);
            _rs_wbuf_char(w, '[');
            _rs_wbuf_slong(w, i);
            _rs_wbuf_char(w, ',');
            _rs_wbuf_slong(w, j);
            _rs_wbuf_char(w, ']');
        }
    if (n == 0)
        _rs_wbuf_char(w, '-');
}

slong _rs_barcode_text_len(const rs_barcode_t B)
{
    slong L = B->L, i, j, n = 0, len = 0;
    for (i = 0; i <= L; i++)
        for (j = i; j <= L; j++) {
            slong m = rs_barcode_get(B, i, j);
            if (m == 0)
                continue;
            len += (n++ ? 3 : 0) + (m > 1 ? _rs_wbuf_digits(m) : 0) + 3 +
                   _rs_wbuf_digits(i) + _rs_wbuf_digits(j);
        }
    return n ? len : 1;
}

/* The barcode in command-line syntax, "0-0,1-2x2". */
static void wbuf_barcode_arg(_rs_wbuf *w, const rs_barcode_t B)
{
    slong L = B->L, i, j, n = 0;
    for (i = 0; i <= L; i++)
        for (j = i; j <= L; j++) {
            slong m = rs_barcode_get(B, i, j);
            if (m == 0)
                continue;
            if (n++)
                _rs_wbuf_char(w, ',');
            _rs_wbuf_slong(w, i);
            _rs_wbuf_char(w, '-');
            _rs_wbuf_slong(w, j);
            if (m > 1) {
                _rs_wbuf_char(w, 'x');
                _rs_wbuf_slong(w, m);
            }
        }
}

/* The rank list "1,0,1" (lexicographic (i, j) order). */
static void wbuf_rank_list(_rs_wbuf *w, const rs_ranks_t R)
{
    slong L = R->L, i, j, n = 0;
    for (i = 0; i < L; i++)
        for (j = i + 1; j <= L; j++) {
            if (n++)
                _rs_wbuf_char(w, ',');
            _rs_wbuf_slong(w, rs_ranks_get(R, i, j));
        }
}

static slong rank_list_len(const rs_ranks_t R)
{
    slong L = R->L, i, j, len = 0;
    for (i = 0; i < L; i++)
        for (j = i + 1; j <= L; j++)
            len += _rs_wbuf_digits(rs_ranks_get(R, i, j)) + 1;
    return len - 1;
}

/* ---- the printer ----------------------------------------------------- */

void _rs_strata_printer_init(_rs_strata_printer *p, FILE *f, int format,
                             int covered_by, int sorted, const slong *d,
                             slong L, slong r, slong fiber_dim, slong count,
                             slong w_bar)
{
    slong i, j, k, m, wr = 0;
    _rs_wbuf_init(&p->w, f);
    p->format = format;
    p->covered_by = covered_by;
    p->sorted = sorted;
    p->d = d;
    p->L = L;
    p->r = r;
    p->N = rs_weight_space_dim(d, L);
    p->fiber_dim = fiber_dim;
    p->count = count;
    p->rows = p->top = p->maximal = 0;
    p->minimal = -1;
    p->points = p->failed = 0;
    p->phi = NULL;
    p->maxd_phi = 0;
    p->cache = NULL;
    p->inv = NULL;
    if (format == RS_STRATA_JSON)
        _rs_strata_printer_points(p, 0);
    rs_barcode_init(p->minimal_barcode, L);
    rs_barcode_set_minimal(p->minimal_barcode, d, L, r);
    /* text widths from a-priori bounds, so that a streamed table is
       aligned too: r_ji <= min(d_i..d_j), dimensions <= N, at most
       2^(L+2) components */
    for (i = 0; i < L; i++) {
        m = d[i];
        for (j = i + 1; j <= L; j++) {
            m = FLINT_MIN(m, d[j]);
            wr += _rs_wbuf_digits(m) + 1;
        }
    }
    p->w_ranks = FLINT_MAX(wr - 1, 9);
    p->w_id = FLINT_MAX(_rs_wbuf_digits(FLINT_MAX(count - 1, 0)), 2);
    p->w_dim = FLINT_MAX(_rs_wbuf_digits(p->N), 3);
    p->w_codim = FLINT_MAX(_rs_wbuf_digits(p->N), 5);
    k = L + 2 < FLINT_BITS - 2 ? _rs_wbuf_digits(WORD(1) << (L + 2)) : 0;
    p->w_comps = FLINT_MAX(k, 5);
    p->w_bar = FLINT_MAX(w_bar, 7);
    _rs_strata_columns_parse(p->cols, &p->ncols, NULL, NULL);
    p->t_ranks = p->t_bar = p->t_covers = 0;
    p->w_num = 1;
}

void _rs_strata_printer_clear(_rs_strata_printer *p)
{
    _rs_wbuf_clear(&p->w);
    rs_barcode_clear(p->minimal_barcode);
    _rs_strata_printer_points_clear(p);
}

static void text_header(_rs_strata_printer *p)
{
    _rs_wbuf *w = &p->w;
    slong L = p->L, i, j, k;
    _rs_wbuf_str(w, "strata of the fiber of a ");
    _rs_wbuf_fiber(w, p->r, p->d, L);
    _rs_wbuf_str(w, "\nweight space dimension ");
    _rs_wbuf_slong(w, p->N);
    _rs_wbuf_str(w, ", fiber dimension ");
    _rs_wbuf_slong(w, p->fiber_dim);
    _rs_wbuf_str(w, "\nrank list: r_ji = rank of the map from layer i to "
                    "layer j, for (i,j) = ");
    if (L * (L + 1) / 2 <= 10) {
        for (i = 0, k = 0; i < L; i++)
            for (j = i + 1; j <= L; j++) {
                _rs_wbuf_str(w, k++ ? ", (" : "(");
                _rs_wbuf_slong(w, i);
                _rs_wbuf_char(w, ',');
                _rs_wbuf_slong(w, j);
                _rs_wbuf_char(w, ')');
            }
    } else {
        _rs_wbuf_str(w, "(0,1), (0,2), ..., (0,");
        _rs_wbuf_slong(w, L);
        _rs_wbuf_str(w, "), (1,2), ..., (");
        _rs_wbuf_slong(w, L - 1);
        _rs_wbuf_char(w, ',');
        _rs_wbuf_slong(w, L);
        _rs_wbuf_char(w, ')');
    }
    _rs_wbuf_str(w, p->sorted ? "\nrows by decreasing dimension, then "
                                "increasing rank list\n\n"
                              : "\nrows in enumeration order (increasing "
                                "r_10, r_20, r_21, r_30, ...)\n\n");
    _rs_wbuf_fill(w, ' ', p->w_id - 2);
    _rs_wbuf_str(w, "id  ");
    _rs_wbuf_fill(w, ' ', p->w_dim - 3);
    _rs_wbuf_str(w, "dim  ");
    _rs_wbuf_fill(w, ' ', p->w_codim - 5);
    _rs_wbuf_str(w, "codim  ");
    _rs_wbuf_fill(w, ' ', p->w_comps - 5);
    _rs_wbuf_str(w, "comps  rank list");
    _rs_wbuf_fill(w, ' ', p->w_ranks - 9);
    _rs_wbuf_str(w, "  barcode");
    if (p->points || p->covered_by)
        _rs_wbuf_fill(w, ' ', p->w_bar - 7);
    if (p->points) {
        _rs_wbuf_str(w, "  points over F_q");
        if (p->covered_by)
            _rs_wbuf_fill(w, ' ', p->w_pts - 16);
    }
    if (p->covered_by)
        _rs_wbuf_str(w, "  covered by (codim)");
    _rs_wbuf_char(w, '\n');
}

static void json_header(_rs_strata_printer *p)
{
    _rs_wbuf *w = &p->w;
    slong k;
    _rs_wbuf_str(w, "{\"format\": \"rankstrat-strata\", \"version\": 1,\n"
                    " \"dims\": [");
    for (k = 0; k <= p->L; k++) {
        if (k)
            _rs_wbuf_char(w, ',');
        _rs_wbuf_slong(w, p->d[k]);
    }
    _rs_wbuf_str(w, "], \"rank\": ");
    _rs_wbuf_slong(w, p->r);
    _rs_wbuf_str(w, ", \"weight_space_dim\": ");
    _rs_wbuf_slong(w, p->N);
    _rs_wbuf_str(w, ",\n \"fiber_dim\": ");
    _rs_wbuf_slong(w, p->fiber_dim);
    _rs_wbuf_str(w, ", \"count\": ");
    _rs_wbuf_slong(w, p->count);
    _rs_wbuf_str(w, ",\n \"strata\": [\n");
}

static void csv_header(_rs_strata_printer *p)
{
    _rs_wbuf *w = &p->w;
    slong i, j;
    _rs_wbuf_str(w, "id,dim,codim,components");
    for (i = 0; i < p->L; i++)
        for (j = i + 1; j <= p->L; j++) {
            _rs_wbuf_str(w, ",rank_");
            _rs_wbuf_slong(w, i);
            _rs_wbuf_char(w, '_');
            _rs_wbuf_slong(w, j);
        }
    _rs_wbuf_str(w, ",barcode");
    if (p->covered_by)
        _rs_wbuf_str(w, ",covered_by");
    if (p->points)
        _rs_wbuf_str(w, ",points");
    _rs_wbuf_str(w, "\r\n");
}

void _rs_strata_printer_header(_rs_strata_printer *p)
{
    switch (p->format) {
    case RS_STRATA_TEXT:
        text_header(p);
        break;
    case RS_STRATA_JSON:
        json_header(p);
        break;
    case RS_STRATA_CSV:
        csv_header(p);
        break;
    default:
        _rs_strata_table_header(p);
    }
}

void _rs_strata_printer_row(_rs_strata_printer *p, slong id, const rs_ranks_t R,
                            const rs_barcode_t B, slong dim,
                            const rs_covers_struct *C, slong first, slong nup,
                            const slong *dims)
{
    _rs_wbuf *w = &p->w;
    slong k, comps = rs_barcode_components_log2(B), codim = p->N - dim;

    p->top += dim == p->fiber_dim;
    if (p->format == RS_STRATA_LATEX || p->format == RS_STRATA_MARKDOWN) {
        _rs_strata_table_row(p, id, R, B, dim, C, first, nup, dims);
        p->rows++;
        return;
    }
    if (p->format == RS_STRATA_TEXT) {
        p->maximal += rs_barcode_is_maximal(B);
        if (rs_barcode_is_minimal(B))
            p->minimal = id;
    }
    switch (p->format) {
    case RS_STRATA_TEXT:
        _rs_wbuf_slong_pad(w, id, p->w_id);
        _rs_wbuf_str(w, "  ");
        _rs_wbuf_slong_pad(w, dim, p->w_dim);
        _rs_wbuf_str(w, "  ");
        _rs_wbuf_slong_pad(w, codim, p->w_codim);
        _rs_wbuf_str(w, "  ");
        if (comps < FLINT_BITS - 2)
            _rs_wbuf_slong_pad(w, WORD(1) << comps, p->w_comps);
        else
            rs_wbuf_pow2(w, comps);
        _rs_wbuf_str(w, "  ");
        wbuf_rank_list(w, R);
        _rs_wbuf_fill(w, ' ', p->w_ranks - rank_list_len(R) + 2);
        _rs_wbuf_barcode(w, B, " + ");
        if (p->points || p->covered_by)
            _rs_wbuf_fill(w, ' ', p->w_bar - _rs_barcode_text_len(B) + 2);
        if (p->points) { /* padded when the covered-by column follows */
            k = _rs_strata_printer_points_cell(p, B, dim);
            if (p->covered_by)
                _rs_wbuf_fill(w, ' ', p->w_pts - k + 2);
        }
        if (p->covered_by) {
            for (k = 0; k < nup; k++) {
                if (k)
                    _rs_wbuf_str(w, ", ");
                _rs_wbuf_slong(w, rs_covers_upper(C, first + k));
                _rs_wbuf_char(w, '(');
                _rs_wbuf_slong(w, dims[rs_covers_upper(C, first + k)] - dim);
                _rs_wbuf_char(w, ')');
            }
            if (nup == 0)
                _rs_wbuf_char(w, '-');
        }
        _rs_wbuf_char(w, '\n');
        break;
    case RS_STRATA_JSON:
        _rs_wbuf_str(w, p->rows ? ",\n  {\"id\": " : "  {\"id\": ");
        _rs_wbuf_slong(w, id);
        _rs_wbuf_str(w, ", \"ranks\": ");
        _rs_wbuf_json_ranks(w, R);
        _rs_wbuf_str(w, ", \"barcode\": ");
        _rs_wbuf_json_barcode(w, B);
        _rs_wbuf_str(w, ", \"dim\": ");
        _rs_wbuf_slong(w, dim);
        _rs_wbuf_str(w, ", \"codim\": ");
        _rs_wbuf_slong(w, codim);
        _rs_wbuf_str(w, ", \"components\": ");
        rs_wbuf_pow2(w, comps);
        _rs_strata_printer_points_json(p, B);
        _rs_wbuf_char(w, '}');
        break;
    case RS_STRATA_CSV:
        _rs_wbuf_slong(w, id);
        _rs_wbuf_char(w, ',');
        _rs_wbuf_slong(w, dim);
        _rs_wbuf_char(w, ',');
        _rs_wbuf_slong(w, codim);
        _rs_wbuf_char(w, ',');
        rs_wbuf_pow2(w, comps);
        _rs_wbuf_char(w, ',');
        wbuf_rank_list(w, R);
        _rs_wbuf_str(w, ",\"");
        wbuf_barcode_arg(w, B);
        _rs_wbuf_char(w, '"');
        if (p->covered_by) {
            _rs_wbuf_char(w, ',');
            for (k = 0; k < nup; k++) {
                if (k)
                    _rs_wbuf_char(w, ' ');
                _rs_wbuf_slong(w, rs_covers_upper(C, first + k));
            }
        }
        if (p->points) {
            _rs_wbuf_char(w, ',');
            _rs_strata_printer_points_cell(p, B, dim);
        }
        _rs_wbuf_str(w, "\r\n");
        break;
    default:
        break;
    }
    p->rows++;
}

void _rs_strata_printer_footer(_rs_strata_printer *p, const rs_covers_t C)
{
    _rs_wbuf *w = &p->w;
    slong k;
    switch (p->format) {
    case RS_STRATA_TEXT:
        _rs_wbuf_str(w, "\nstrata           ");
        _rs_wbuf_slong(w, p->rows);
        _rs_wbuf_str(w, "\ntop-dimensional  ");
        _rs_wbuf_slong(w, p->top);
        _rs_wbuf_str(w, " (dimension ");
        _rs_wbuf_slong(w, p->fiber_dim);
        _rs_wbuf_str(w, ")\nmaximal          ");
        _rs_wbuf_slong(w, p->maximal);
        _rs_wbuf_str(w, " (their closures are the irreducible components)"
                        "\nminimal          id ");
        _rs_wbuf_slong(w, p->minimal);
        _rs_wbuf_str(w, ": ");
        _rs_wbuf_barcode(w, p->minimal_barcode, " + ");
        _rs_wbuf_str(w, " (dimension ");
        _rs_wbuf_slong(w, rs_barcode_dim(p->minimal_barcode));
        _rs_wbuf_str(w, ")\n");
        break;
    case RS_STRATA_JSON:
        _rs_wbuf_str(w, "\n ]");
        if (C != NULL) {
            _rs_wbuf_str(w, ",\n \"covers\": [");
            for (k = 0; k < C->n; k++) {
                _rs_wbuf_str(w, k == 0 ? "" : (k % 8 == 0 ? ",\n  " : ","));
                _rs_wbuf_char(w, '[');
                _rs_wbuf_slong(w, rs_covers_lower(C, k));
                _rs_wbuf_char(w, ',');
                _rs_wbuf_slong(w, rs_covers_upper(C, k));
                _rs_wbuf_char(w, ']');
            }
            _rs_wbuf_char(w, ']');
        }
        if (p->inv != NULL) {
            _rs_wbuf_str(w, ",\n \"invariants\": {");
            _rs_wbuf_json_invariants(w, p->inv, ",\n  ");
            _rs_wbuf_char(w, '}');
        }
        _rs_wbuf_str(w, "}\n");
        break;
    case RS_STRATA_CSV:
        break;
    default:
        _rs_strata_table_footer(p);
    }
    _rs_wbuf_flush(w);
}

void _rs_strata_printer_rows(_rs_strata_printer *p, const rs_strata_t S,
                             const rs_covers_t C)
{
    rs_ranks_t R;
    rs_barcode_t B;
    slong id, k = 0;
    rs_ranks_init(R, S->L);
    rs_barcode_init(B, S->L);
    for (id = 0; id < S->n; id++) {
        slong first = k;
        while (k < C->n && rs_covers_lower(C, k) == id)
            k++;
        rs_strata_get_ranks(R, S, id);
        rs_barcode_from_ranks(B, R);
        _rs_strata_printer_row(p, id, R, B, rs_strata_dim(S, id), C, first,
                               k - first, S->dim);
    }
    rs_ranks_clear(R);
    rs_barcode_clear(B);
}

void _rs_wbuf_fiber(_rs_wbuf *w, slong r, const slong *d, slong L)
{
    slong k;
    _rs_wbuf_str(w, "rank-");
    _rs_wbuf_slong(w, r);
    _rs_wbuf_str(w, " matrix, widths d = (");
    for (k = 0; k <= L; k++) {
        if (k)
            _rs_wbuf_str(w, ", ");
        _rs_wbuf_slong(w, d[k]);
    }
    _rs_wbuf_char(w, ')');
}
