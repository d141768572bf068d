/* The points column of the strata tables (the number of points of each
   stratum over F_q) and the "points" member of JSON strata objects, kept
   apart from the table code so that it can move with it.  Tables show the
   polynomial factored into a power of q and cyclotomic polynomials (short
   and exact even for strata of large dimension, computed without
   expanding anything); JSON gives the expanded integer coefficients. */
#include "table/invariants_out.h"
#include "table/strata_out.h"

void _rs_strata_printer_points(_rs_strata_printer *p, int column)
{
    slong k, maxd = 0;
    for (k = 0; k <= p->L; k++)
        maxd = FLINT_MAX(maxd, p->d[k]);
    p->points = column;
    if (p->phi == NULL) /* phi, c (max d + 1 each) and d (L + 1) */
        p->phi = flint_calloc(2 * (maxd + 1) + p->L + 1, sizeof(slong));
    p->maxd_phi = maxd;
    if (p->format == RS_STRATA_JSON && p->cache == NULL) {
        p->cache = flint_malloc(sizeof(rs_points_cache_struct));
        rs_points_cache_init(p->cache, maxd);
    }
}

void _rs_strata_printer_points_clear(_rs_strata_printer *p)
{
    if (p->cache != NULL) {
        rs_points_cache_clear(p->cache);
        flint_free(p->cache);
    }
    flint_free(p->phi);
    p->cache = NULL;
    p->phi = NULL;
}

/* The length of _rs_wbuf_qpoly_factored's text form. */
static slong factored_len(slong e, const slong *phi, slong top)
{
    slong n, k = 0, len = 0;
    if (e > 0) {
        len += 1 + (e > 1 ? 1 + _rs_wbuf_digits(e) : 0);
        k++;
    }
    for (n = 1; n <= top; n++) {
        if (phi[n] == 0)
            continue;
        len += (k++ ? 1 : 0) + (n <= 2 ? 5 : 3 + _rs_wbuf_digits(n)) +
               (phi[n] > 1 ? 1 + _rs_wbuf_digits(phi[n]) : 0);
    }
    return k ? len : 1;
}

slong _rs_strata_points_cell_len(const rs_barcode_t B)
{
    slong L = B->L, k, maxd = 0, e, top, len;
    slong *d = flint_malloc((L + 1) * sizeof(slong)), *phi;
    rs_barcode_widths(d, B);
    for (k = 0; k <= L; k++)
        maxd = FLINT_MAX(maxd, d[k]);
    phi = flint_calloc(maxd + 1, sizeof(slong));
    top = rs_stratum_points_factor(&e, phi, B);
    len = top < 0 ? 1 : factored_len(e, phi, top);
    flint_free(phi);
    flint_free(d);
    return len;
}

slong _rs_strata_printer_points_cell(_rs_strata_printer *p,
                                     const rs_barcode_t B, slong dim)
{
    slong e, top, m = p->maxd_phi + 1;
    top = rs_stratum_points_factor_scratch(&e, p->phi, p->phi + m,
                                           p->phi + 2 * m, B, dim);
    if (top < 0) {
        p->failed = 1;
        _rs_wbuf_char(&p->w, '?');
        return 1;
    }
    _rs_wbuf_qpoly_factored(&p->w, e, p->phi, top,
                            p->format == RS_STRATA_LATEX ? RS_QPOLY_LATEX
                                                         : RS_QPOLY_TEXT);
    return factored_len(e, p->phi, top);
}

void _rs_strata_printer_points_json(_rs_strata_printer *p, const rs_barcode_t B)
{
    const fmpz_poly_struct *cof;
    slong e;
    rs_error_t err;
    rs_error_init(err);
    _rs_wbuf_str(&p->w, ", \"points\": ");
    if (rs_points_cache_get(&cof, &e, p->cache, B, err) != RS_OK) {
        p->failed = 1;
        _rs_wbuf_str(&p->w, "null");
        return;
    }
    _rs_wbuf_json_qpoly_shifted(&p->w, cof, e);
}

slong _rs_stored_barcode_text_len(const rs_strata_t S, slong id, slong *r)
{
    slong L = S->L, n = L + 2, i, j, len = 0, bars = 0;
    /* r[(i + 1) n + j] = r_{ji} for -1 <= i <= j <= L (0 off the
       triangle: i = -1 or j = L + 1) */
    for (i = -1; i <= L; i++)
        for (j = 0; j <= L + 1; j++) {
            slong v = 0;
            if (i >= 0 && j <= L && i <= j)
                v = i == j ? S->d[i] : rs_strata_rank_entry(S, id, i, j);
            r[(i + 1) * n + j] = v;
        }
    for (i = 0; i <= L; i++)
        for (j = i; j <= L; j++) {
            /* w_{ji} = r_{ji} - r_{j+1,i} - r_{j,i-1} + r_{j+1,i-1} */
            slong m = r[(i + 1) * n + j] - r[(i + 1) * n + j + 1] -
                      r[i * n + j] + r[i * n + j + 1];
            if (m == 0)
                continue;
            len += (bars++ ? 3 : 0) + (m > 1 ? _rs_wbuf_digits(m) : 0) + 3 +
                   _rs_wbuf_digits(i) + _rs_wbuf_digits(j);
        }
    return bars ? len : 1;
}
