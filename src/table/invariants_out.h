/* Output of fiber invariants (rankstrat invariants, and the points column
   and "invariants" summary of rankstrat strata): polynomials in q, the
   JSON object of the rankstrat-invariants schema. */
#ifndef RS_TABLE_INVARIANTS_OUT_H
#define RS_TABLE_INVARIANTS_OUT_H

#include "table/wbuf.h"
#include "rankstrat.h"

enum { RS_QPOLY_TEXT, RS_QPOLY_LATEX };

/* Decimal x (any size). */
void _rs_wbuf_fmpz(_rs_wbuf *w, const fmpz_t x);

/* The number of characters of _rs_wbuf_fmpz(x). */
slong _rs_wbuf_fmpz_len(const fmpz_t x);

/* p expanded, highest degree first: "q^5 + 3q^4 - 2q^3 - 2q^2 + q"
   (text) or "q^{5} + 3q^{4} - ..." (LaTeX); "0" for the zero
   polynomial. */
void _rs_wbuf_qpoly(_rs_wbuf *w, const fmpz_poly_t p, int style);

/* [c_0, c_1, ..., c_deg] ([] for the zero polynomial). */
void _rs_wbuf_json_qpoly(_rs_wbuf *w, const fmpz_poly_t p);
/* The same for q^e times p. */
void _rs_wbuf_json_qpoly_shifted(_rs_wbuf *w, const fmpz_poly_t p, slong e);

/* The factored form q^e prod Phi_n^{phi[n]} (n = 1..top) of
   rs_stratum_points_factor, with Phi_1 = q-1 and Phi_2 = q+1 written out:
   text "q^3 (q-1)^2 (q+1) Phi3^2", LaTeX "q^{3}(q-1)^{2}(q+1)\Phi_{3}^{2}";
   "1" when there is no factor. */
void _rs_wbuf_qpoly_factored(_rs_wbuf *w, slong e, const slong *phi, slong top,
                             int style);

/* The members of the invariants object (no braces): "weight_space_dim",
   "fiber_dim", "codim", "lambda", "lambda_aoyagi", "theta",
   "top_components", "count", "listed", "strata_by_dim", "points", "euler",
   "checks".  sep separates members (e.g. ",\n "). */
void _rs_wbuf_json_invariants(_rs_wbuf *w, const rs_invariants_t I,
                              const char *sep);

#endif
