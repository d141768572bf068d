/* Tables of strata: text (aligned columns and a fiber summary), JSON (the
   rankstrat-strata schema of docs/formats.md) and CSV (RFC 4180: CRLF
   line ends, a header row, quoted fields where they contain commas); LaTeX
   and Markdown are in strata_table.c. */
#include "cli/invariants_out.h"
#include "cli/strata_out.h"

/* ---- fragments ------------------------------------------------------- */

void rs_wbuf_pow2(rs_wbuf *w, slong log2)
{
    if (log2 < FLINT_BITS - 2) {
        rs_wbuf_slong(w, WORD(1) << log2);
    } else {
        fmpz_t c;
        char *s;
        fmpz_init(c);
        fmpz_one(c);
        fmpz_mul_2exp(c, c, (ulong)log2);
        s = fmpz_get_str(NULL, 10, c);
        rs_wbuf_str(w, s);
        flint_free(s);
        fmpz_clear(c);
    }
}

void rs_wbuf_json_ranks(rs_wbuf *w, const rs_ranks_t R)
{
    slong L = R->L, i, j, n = 0;
    rs_wbuf_char(w, '[');
    for (i = 0; i < L; i++)
        for (j = i + 1; j <= L; j++) {
            if (n++)
                rs_wbuf_char(w, ',');
            rs_wbuf_char(w, '[');
            rs_wbuf_slong(w, i);
            rs_wbuf_char(w, ',');
            rs_wbuf_slong(w, j);
            rs_wbuf_char(w, ',');
            rs_wbuf_slong(w, rs_ranks_get(R, i, j));
            rs_wbuf_char(w, ']');
        }
    rs_wbuf_char(w, ']');
}

void rs_wbuf_json_barcode(rs_wbuf *w, const rs_barcode_t B)
{
    slong L = B->L, i, j, n = 0;
    rs_wbuf_char(w, '[');
    for (i = 0; i <= L; i++)
        for (j = i; j <= L; j++) {
            slong m = rs_barcode_get(B, i, j);
            if (m == 0)
                continue;
            if (n++)
                rs_wbuf_char(w, ',');
            rs_wbuf_char(w, '[');
            rs_wbuf_slong(w, i);
            rs_wbuf_char(w, ',');
            rs_wbuf_slong(w, j);
            rs_wbuf_char(w, ',');
            rs_wbuf_slong(w, m);
            rs_wbuf_char(w, ']');
        }
    rs_wbuf_char(w, ']');
}

void rs_wbuf_barcode(rs_wbuf *w, const rs_barcode_t B, const char *sep)
{
    slong L = B->L, i, j, n = 0;
    for (i = 0; i <= L; i++)
        for (j = i; j <= L; j++) {
            slong m = rs_barcode_get(B, i, j);
            if (m == 0)
                continue;
            if (n++)
                rs_wbuf_str(w, sep);
            if (m > 1)
                rs_wbuf_slong(w, m);
            rs_wbuf_char(w, '[');
            rs_wbuf_slong(w, i);
            rs_wbuf_char(w, ',');
            rs_wbuf_slong(w, j);
            rs_wbuf_char(w, ']');
        }
    if (n == 0)
        rs_wbuf_char(w, '-');
}

slong rs_cli_barcode_text_len(const rs_barcode_t B)
{
    slong L = B->L, i, j, n = 0, len = 0;
    for (i = 0; i <= L; i++)
        for (j = i; j <= L; j++) {
            slong m = rs_barcode_get(B, i, j);
            if (m == 0)
                continue;
            len += (n++ ? 3 : 0) + (m > 1 ? rs_wbuf_digits(m) : 0) + 3 +
                   rs_wbuf_digits(i) + rs_wbuf_digits(j);
        }
    return n ? len : 1;
}

/* The barcode in command-line syntax, "0-0,1-2x2". */
static void wbuf_barcode_arg(rs_wbuf *w, const rs_barcode_t B)
{
    slong L = B->L, i, j, n = 0;
    for (i = 0; i <= L; i++)
        for (j = i; j <= L; j++) {
            slong m = rs_barcode_get(B, i, j);
            if (m == 0)
                continue;
            if (n++)
                rs_wbuf_char(w, ',');
            rs_wbuf_slong(w, i);
            rs_wbuf_char(w, '-');
            rs_wbuf_slong(w, j);
            if (m > 1) {
                rs_wbuf_char(w, 'x');
                rs_wbuf_slong(w, m);
            }
        }
}

/* The rank list "1,0,1" (lexicographic (i, j) order). */
static void wbuf_rank_list(rs_wbuf *w, const rs_ranks_t R)
{
    slong L = R->L, i, j, n = 0;
    for (i = 0; i < L; i++)
        for (j = i + 1; j <= L; j++) {
            if (n++)
                rs_wbuf_char(w, ',');
            rs_wbuf_slong(w, rs_ranks_get(R, i, j));
        }
}

static slong rank_list_len(const rs_ranks_t R)
{
    slong L = R->L, i, j, len = 0;
    for (i = 0; i < L; i++)
        for (j = i + 1; j <= L; j++)
            len += rs_wbuf_digits(rs_ranks_get(R, i, j)) + 1;
    return len - 1;
}

/* ---- the printer ----------------------------------------------------- */

void rs_strata_printer_init(rs_strata_printer *p, FILE *f, int format,
                            int covered_by, int sorted, const slong *d, slong L,
                            slong r, slong fiber_dim, slong count, slong w_bar)
{
    slong i, j, k, m, wr = 0;
    rs_wbuf_init(&p->w, f);
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
        rs_strata_printer_points(p, 0);
    rs_barcode_init(p->minimal_barcode, L);
    rs_barcode_set_minimal(p->minimal_barcode, d, L, r);
    /* text widths from a-priori bounds, so that a streamed table is
       aligned too: r_ji <= min(d_i..d_j), dimensions <= N, at most
       2^(L+2) components */
    for (i = 0; i < L; i++) {
        m = d[i];
        for (j = i + 1; j <= L; j++) {
            m = FLINT_MIN(m, d[j]);
            wr += rs_wbuf_digits(m) + 1;
        }
    }
    p->w_ranks = FLINT_MAX(wr - 1, 9);
    p->w_id = FLINT_MAX(rs_wbuf_digits(FLINT_MAX(count - 1, 0)), 2);
    p->w_dim = FLINT_MAX(rs_wbuf_digits(p->N), 3);
    p->w_codim = FLINT_MAX(rs_wbuf_digits(p->N), 5);
    k = L + 2 < FLINT_BITS - 2 ? rs_wbuf_digits(WORD(1) << (L + 2)) : 0;
    p->w_comps = FLINT_MAX(k, 5);
    p->w_bar = FLINT_MAX(w_bar, 7);
    rs_strata_columns_parse(p->cols, &p->ncols, NULL, NULL);
    p->t_ranks = p->t_bar = p->t_covers = 0;
    p->w_num = 1;
}

void rs_strata_printer_clear(rs_strata_printer *p)
{
    rs_wbuf_clear(&p->w);
    rs_barcode_clear(p->minimal_barcode);
    rs_strata_printer_points_clear(p);
}

static void text_header(rs_strata_printer *p)
{
    rs_wbuf *w = &p->w;
    slong L = p->L, i, j, k;
    rs_wbuf_str(w, "strata of the fiber of a ");
    rs_wbuf_fiber(w, p->r, p->d, L);
    rs_wbuf_str(w, "\nweight space dimension ");
    rs_wbuf_slong(w, p->N);
    rs_wbuf_str(w, ", fiber dimension ");
    rs_wbuf_slong(w, p->fiber_dim);
    rs_wbuf_str(w, "\nrank list: r_ji = rank of the map from layer i to "
                   "layer j, for (i,j) = ");
    if (L * (L + 1) / 2 <= 10) {
        for (i = 0, k = 0; i < L; i++)
            for (j = i + 1; j <= L; j++) {
                rs_wbuf_str(w, k++ ? ", (" : "(");
                rs_wbuf_slong(w, i);
                rs_wbuf_char(w, ',');
                rs_wbuf_slong(w, j);
                rs_wbuf_char(w, ')');
            }
    } else {
        rs_wbuf_str(w, "(0,1), (0,2), ..., (0,");
        rs_wbuf_slong(w, L);
        rs_wbuf_str(w, "), (1,2), ..., (");
        rs_wbuf_slong(w, L - 1);
        rs_wbuf_char(w, ',');
        rs_wbuf_slong(w, L);
        rs_wbuf_char(w, ')');
    }
    rs_wbuf_str(w, p->sorted ? "\nrows by decreasing dimension, then "
                               "increasing rank list\n\n"
                             : "\nrows in enumeration order (increasing "
                               "r_10, r_20, r_21, r_30, ...)\n\n");
    rs_wbuf_fill(w, ' ', p->w_id - 2);
    rs_wbuf_str(w, "id  ");
    rs_wbuf_fill(w, ' ', p->w_dim - 3);
    rs_wbuf_str(w, "dim  ");
    rs_wbuf_fill(w, ' ', p->w_codim - 5);
    rs_wbuf_str(w, "codim  ");
    rs_wbuf_fill(w, ' ', p->w_comps - 5);
    rs_wbuf_str(w, "comps  rank list");
    rs_wbuf_fill(w, ' ', p->w_ranks - 9);
    rs_wbuf_str(w, "  barcode");
    if (p->points || p->covered_by)
        rs_wbuf_fill(w, ' ', p->w_bar - 7);
    if (p->points) {
        rs_wbuf_str(w, "  points over F_q");
        if (p->covered_by)
            rs_wbuf_fill(w, ' ', p->w_pts - 16);
    }
    if (p->covered_by)
        rs_wbuf_str(w, "  covered by (codim)");
    rs_wbuf_char(w, '\n');
}

static void json_header(rs_strata_printer *p)
{
    rs_wbuf *w = &p->w;
    slong k;
    rs_wbuf_str(w, "{\"format\": \"rankstrat-strata\", \"version\": 1,\n"
                   " \"dims\": [");
    for (k = 0; k <= p->L; k++) {
        if (k)
            rs_wbuf_char(w, ',');
        rs_wbuf_slong(w, p->d[k]);
    }
    rs_wbuf_str(w, "], \"rank\": ");
    rs_wbuf_slong(w, p->r);
    rs_wbuf_str(w, ", \"weight_space_dim\": ");
    rs_wbuf_slong(w, p->N);
    rs_wbuf_str(w, ",\n \"fiber_dim\": ");
    rs_wbuf_slong(w, p->fiber_dim);
    rs_wbuf_str(w, ", \"count\": ");
    rs_wbuf_slong(w, p->count);
    rs_wbuf_str(w, ",\n \"strata\": [\n");
}

static void csv_header(rs_strata_printer *p)
{
    rs_wbuf *w = &p->w;
    slong i, j;
    rs_wbuf_str(w, "id,dim,codim,components");
    for (i = 0; i < p->L; i++)
        for (j = i + 1; j <= p->L; j++) {
            rs_wbuf_str(w, ",rank_");
            rs_wbuf_slong(w, i);
            rs_wbuf_char(w, '_');
            rs_wbuf_slong(w, j);
        }
    rs_wbuf_str(w, ",barcode");
    if (p->covered_by)
        rs_wbuf_str(w, ",covered_by");
    if (p->points)
        rs_wbuf_str(w, ",points");
    rs_wbuf_str(w, "\r\n");
}

void rs_strata_printer_header(rs_strata_printer *p)
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
        rs_strata_table_header(p);
    }
}

void rs_strata_printer_row(rs_strata_printer *p, slong id, const rs_ranks_t R,
                           const rs_barcode_t B, slong dim,
                           const rs_covers_struct *C, slong first, slong nup,
                           const slong *dims)
{
    rs_wbuf *w = &p->w;
    slong k, comps = rs_barcode_components_log2(B), codim = p->N - dim;

    p->top += dim == p->fiber_dim;
    if (p->format == RS_STRATA_LATEX || p->format == RS_STRATA_MARKDOWN) {
        rs_strata_table_row(p, id, R, B, dim, C, first, nup, dims);
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
        rs_wbuf_slong_pad(w, id, p->w_id);
        rs_wbuf_str(w, "  ");
        rs_wbuf_slong_pad(w, dim, p->w_dim);
        rs_wbuf_str(w, "  ");
        rs_wbuf_slong_pad(w, codim, p->w_codim);
        rs_wbuf_str(w, "  ");
        if (comps < FLINT_BITS - 2)
            rs_wbuf_slong_pad(w, WORD(1) << comps, p->w_comps);
        else
            rs_wbuf_pow2(w, comps);
        rs_wbuf_str(w, "  ");
        wbuf_rank_list(w, R);
        rs_wbuf_fill(w, ' ', p->w_ranks - rank_list_len(R) + 2);
        rs_wbuf_barcode(w, B, " + ");
        if (p->points || p->covered_by)
            rs_wbuf_fill(w, ' ', p->w_bar - rs_cli_barcode_text_len(B) + 2);
        if (p->points) { /* padded when the covered-by column follows */
            k = rs_strata_printer_points_cell(p, B, dim);
            if (p->covered_by)
                rs_wbuf_fill(w, ' ', p->w_pts - k + 2);
        }
        if (p->covered_by) {
            for (k = 0; k < nup; k++) {
                if (k)
                    rs_wbuf_str(w, ", ");
                rs_wbuf_slong(w, rs_covers_upper(C, first + k));
                rs_wbuf_char(w, '(');
                rs_wbuf_slong(w, dims[rs_covers_upper(C, first + k)] - dim);
                rs_wbuf_char(w, ')');
            }
            if (nup == 0)
                rs_wbuf_char(w, '-');
        }
        rs_wbuf_char(w, '\n');
        break;
    case RS_STRATA_JSON:
        rs_wbuf_str(w, p->rows ? ",\n  {\"id\": " : "  {\"id\": ");
        rs_wbuf_slong(w, id);
        rs_wbuf_str(w, ", \"ranks\": ");
        rs_wbuf_json_ranks(w, R);
        rs_wbuf_str(w, ", \"barcode\": ");
        rs_wbuf_json_barcode(w, B);
        rs_wbuf_str(w, ", \"dim\": ");
        rs_wbuf_slong(w, dim);
        rs_wbuf_str(w, ", \"codim\": ");
        rs_wbuf_slong(w, codim);
        rs_wbuf_str(w, ", \"components\": ");
        rs_wbuf_pow2(w, comps);
        rs_strata_printer_points_json(p, B);
        rs_wbuf_char(w, '}');
        break;
    case RS_STRATA_CSV:
        rs_wbuf_slong(w, id);
        rs_wbuf_char(w, ',');
        rs_wbuf_slong(w, dim);
        rs_wbuf_char(w, ',');
        rs_wbuf_slong(w, codim);
        rs_wbuf_char(w, ',');
        rs_wbuf_pow2(w, comps);
        rs_wbuf_char(w, ',');
        wbuf_rank_list(w, R);
        rs_wbuf_str(w, ",\"");
        wbuf_barcode_arg(w, B);
        rs_wbuf_char(w, '"');
        if (p->covered_by) {
            rs_wbuf_char(w, ',');
            for (k = 0; k < nup; k++) {
                if (k)
                    rs_wbuf_char(w, ' ');
                rs_wbuf_slong(w, rs_covers_upper(C, first + k));
            }
        }
        if (p->points) {
            rs_wbuf_char(w, ',');
            rs_strata_printer_points_cell(p, B, dim);
        }
        rs_wbuf_str(w, "\r\n");
        break;
    default:
        break;
    }
    p->rows++;
}

void rs_strata_printer_footer(rs_strata_printer *p, const rs_covers_t C)
{
    rs_wbuf *w = &p->w;
    slong k;
    switch (p->format) {
    case RS_STRATA_TEXT:
        rs_wbuf_str(w, "\nstrata           ");
        rs_wbuf_slong(w, p->rows);
        rs_wbuf_str(w, "\ntop-dimensional  ");
        rs_wbuf_slong(w, p->top);
        rs_wbuf_str(w, " (dimension ");
        rs_wbuf_slong(w, p->fiber_dim);
        rs_wbuf_str(w, ")\nmaximal          ");
        rs_wbuf_slong(w, p->maximal);
        rs_wbuf_str(w, " (their closures are the irreducible components)"
                       "\nminimal          id ");
        rs_wbuf_slong(w, p->minimal);
        rs_wbuf_str(w, ": ");
        rs_wbuf_barcode(w, p->minimal_barcode, " + ");
        rs_wbuf_str(w, " (dimension ");
        rs_wbuf_slong(w, rs_barcode_dim(p->minimal_barcode));
        rs_wbuf_str(w, ")\n");
        break;
    case RS_STRATA_JSON:
        rs_wbuf_str(w, "\n ]");
        if (C != NULL) {
            rs_wbuf_str(w, ",\n \"covers\": [");
            for (k = 0; k < C->n; k++) {
                rs_wbuf_str(w, k == 0 ? "" : (k % 8 == 0 ? ",\n  " : ","));
                rs_wbuf_char(w, '[');
                rs_wbuf_slong(w, rs_covers_lower(C, k));
                rs_wbuf_char(w, ',');
                rs_wbuf_slong(w, rs_covers_upper(C, k));
                rs_wbuf_char(w, ']');
            }
            rs_wbuf_char(w, ']');
        }
        if (p->inv != NULL) {
            rs_wbuf_str(w, ",\n \"invariants\": {");
            rs_wbuf_json_invariants(w, p->inv, ",\n  ");
            rs_wbuf_char(w, '}');
        }
        rs_wbuf_str(w, "}\n");
        break;
    case RS_STRATA_CSV:
        break;
    default:
        rs_strata_table_footer(p);
    }
    rs_wbuf_flush(w);
}

void rs_strata_printer_rows(rs_strata_printer *p, const rs_strata_t S,
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
        rs_strata_printer_row(p, id, R, B, rs_strata_dim(S, id), C, first,
                              k - first, S->dim);
    }
    rs_ranks_clear(R);
    rs_barcode_clear(B);
}

void rs_wbuf_fiber(rs_wbuf *w, slong r, const slong *d, slong L)
{
    slong k;
    rs_wbuf_str(w, "rank-");
    rs_wbuf_slong(w, r);
    rs_wbuf_str(w, " matrix, widths d = (");
    for (k = 0; k <= L; k++) {
        if (k)
            rs_wbuf_str(w, ", ");
        rs_wbuf_slong(w, d[k]);
    }
    rs_wbuf_char(w, ')');
}
