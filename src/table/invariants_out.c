/* Polynomials in q and the invariants object (see invariants_out.h). */
#include "table/invariants_out.h"

void _rs_wbuf_fmpz(_rs_wbuf *w, const fmpz_t x)
{
    if (!COEFF_IS_MPZ(*x)) {
        _rs_wbuf_slong(w, *x);
    } else {
        char *s = fmpz_get_str(NULL, 10, x);
        _rs_wbuf_str(w, s);
        flint_free(s);
    }
}

slong _rs_wbuf_fmpz_len(const fmpz_t x)
{
    slong n;
    char *s;
    if (!COEFF_IS_MPZ(*x))
        return _rs_wbuf_digits(*x);
    s = fmpz_get_str(NULL, 10, x);
    n = (slong)strlen(s);
    flint_free(s);
    return n;
}

static void wbuf_qpow(_rs_wbuf *w, slong k, int style)
{
    if (k == 0)
        return;
    _rs_wbuf_char(w, 'q');
    if (k == 1)
        return;
    _rs_wbuf_str(w, style == RS_QPOLY_LATEX ? "^{" : "^");
    _rs_wbuf_slong(w, k);
    if (style == RS_QPOLY_LATEX)
        _rs_wbuf_char(w, '}');
}

void _rs_wbuf_qpoly(_rs_wbuf *w, const fmpz_poly_t p, int style)
{
    slong k, n = 0;
    fmpz_t a;
    if (fmpz_poly_is_zero(p)) {
        _rs_wbuf_char(w, '0');
        return;
    }
    fmpz_init(a);
    for (k = fmpz_poly_degree(p); k >= 0; k--) {
        const fmpz *c = p->coeffs + k;
        if (fmpz_is_zero(c))
            continue;
        if (fmpz_sgn(c) < 0)
            _rs_wbuf_str(w, n ? " - " : "-");
        else if (n)
            _rs_wbuf_str(w, " + ");
        fmpz_abs(a, c);
        if (!fmpz_is_one(a) || k == 0)
            _rs_wbuf_fmpz(w, a);
        wbuf_qpow(w, k, style);
        n++;
    }
    fmpz_clear(a);
}

void _rs_wbuf_json_qpoly_shifted(_rs_wbuf *w, const fmpz_poly_t p, slong e)
{
    slong k, len = fmpz_poly_length(p);
    _rs_wbuf_char(w, '[');
    if (len > 0)
        for (k = 0; k < e; k++)
            _rs_wbuf_str(w, "0,");
    for (k = 0; k < len; k++) {
        if (k)
            _rs_wbuf_char(w, ',');
        _rs_wbuf_fmpz(w, p->coeffs + k);
    }
    _rs_wbuf_char(w, ']');
}

void _rs_wbuf_json_qpoly(_rs_wbuf *w, const fmpz_poly_t p)
{
    _rs_wbuf_json_qpoly_shifted(w, p, 0);
}

static void wbuf_exp(_rs_wbuf *w, slong x, int style)
{
    if (x == 1)
        return;
    _rs_wbuf_str(w, style == RS_QPOLY_LATEX ? "^{" : "^");
    _rs_wbuf_slong(w, x);
    if (style == RS_QPOLY_LATEX)
        _rs_wbuf_char(w, '}');
}

void _rs_wbuf_qpoly_factored(_rs_wbuf *w, slong e, const slong *phi, slong top,
                             int style)
{
    slong n, k = 0;
    const char *sp = style == RS_QPOLY_LATEX ? "" : " ";
    if (e > 0) {
        wbuf_qpow(w, e, style);
        k++;
    }
    for (n = 1; n <= top; n++) {
        if (phi[n] == 0)
            continue;
        if (k++)
            _rs_wbuf_str(w, sp);
        if (n <= 2) {
            _rs_wbuf_str(w, n == 1 ? "(q-1)" : "(q+1)");
        } else {
            _rs_wbuf_str(w, style == RS_QPOLY_LATEX ? "\\Phi_{" : "Phi");
            _rs_wbuf_slong(w, n);
            if (style == RS_QPOLY_LATEX)
                _rs_wbuf_char(w, '}');
        }
        wbuf_exp(w, phi[n], style);
    }
    if (k == 0)
        _rs_wbuf_char(w, '1');
}

static const char *check_name(int c)
{
    return c == RS_INV_AGREE ? "\"agree\"" : "\"skipped\"";
}

void _rs_wbuf_json_invariants(_rs_wbuf *w, const rs_invariants_t I,
                              const char *sep)
{
    char *s;
    slong k, n;
    _rs_wbuf_str(w, "\"weight_space_dim\": ");
    _rs_wbuf_slong(w, I->N);
    _rs_wbuf_str(w, ", \"fiber_dim\": ");
    _rs_wbuf_slong(w, I->fiber_dim);
    _rs_wbuf_str(w, ", \"codim\": ");
    _rs_wbuf_slong(w, I->codim);
    _rs_wbuf_str(w, sep);
    _rs_wbuf_str(w, "\"lambda\": \"");
    s = rs_invariants_lambda_str(I->lambda);
    _rs_wbuf_str(w, s);
    flint_free(s);
    _rs_wbuf_str(w, "\", \"lambda_aoyagi\": \"");
    s = rs_invariants_lambda_str(I->lambda_aoyagi);
    _rs_wbuf_str(w, s);
    flint_free(s);
    _rs_wbuf_str(w, "\", \"theta\": ");
    _rs_wbuf_slong(w, I->theta);
    _rs_wbuf_str(w, sep);
    _rs_wbuf_str(w, "\"top_components\": ");
    _rs_wbuf_fmpz(w, I->top_plr);
    _rs_wbuf_str(w, ", \"count\": ");
    if (I->count_known)
        _rs_wbuf_fmpz(w, I->count);
    else
        _rs_wbuf_str(w, "null");
    _rs_wbuf_str(w, ", \"listed\": ");
    _rs_wbuf_str(w, I->listed ? "true" : "false");
    _rs_wbuf_str(w, sep);
    _rs_wbuf_str(w, "\"strata_by_dim\": ");
    if (I->listed) {
        _rs_wbuf_char(w, '[');
        for (k = I->fiber_dim, n = 0; k >= 0; k--) {
            if (I->by_dim[k] == 0)
                continue;
            if (n++)
                _rs_wbuf_char(w, ',');
            _rs_wbuf_char(w, '[');
            _rs_wbuf_slong(w, k);
            _rs_wbuf_char(w, ',');
            _rs_wbuf_slong(w, I->by_dim[k]);
            _rs_wbuf_char(w, ']');
        }
        _rs_wbuf_char(w, ']');
    } else {
        _rs_wbuf_str(w, "null");
    }
    _rs_wbuf_str(w, sep);
    _rs_wbuf_str(w, "\"points\": ");
    if (I->points_known)
        _rs_wbuf_json_qpoly(w, I->points);
    else
        _rs_wbuf_str(w, "null");
    _rs_wbuf_str(w, ", \"euler\": ");
    if (I->points_known)
        _rs_wbuf_fmpz(w, I->euler);
    else
        _rs_wbuf_str(w, "null");
    _rs_wbuf_str(w, sep);
    _rs_wbuf_str(w, "\"checks\": {\"lambda\": ");
    _rs_wbuf_str(w, check_name(I->check_lambda));
    _rs_wbuf_str(w, ", \"top_components\": ");
    _rs_wbuf_str(w, check_name(I->check_top));
    _rs_wbuf_str(w, ", \"points\": ");
    _rs_wbuf_str(w, check_name(I->check_points));
    _rs_wbuf_str(w, ", \"points_leading\": ");
    _rs_wbuf_str(w, check_name(I->check_leading));
    _rs_wbuf_char(w, '}');
}
