/* The structured normal basis (docs/math.md section 6).

   With the tangent terms e_m(p,q) = v_p^(m) phi_q^(m-1)^T and the normal
   terms f_m(p,q) = phi_p^(m) v_q^(m-1)^T we have <e_m(p,q), f_m'(p',q')> =
   [m = m'][p = p'][q = q'] (trace inner product, dual flow bases).  So the
   normal space is, pair by pair, the orthogonal complement of the tangent
   moves of that pair (tangent.c): a path of differences e_k - e_{k+1} with
   no grounded end, or the cycle of two [0,L] strands, leaves exactly the
   all-ones vector sum_m f_m; a grounded path leaves nothing.  The pairs
   with an ungrounded path on a nonempty set of layers are exactly those
   listed in tangent.h. */
#include "rankstrat/tangent.h"

void rs_normal_basis(rs_rank1_basis_t B, const rs_flow_t F)
{
    slong L = F->L, n = F->num, p, q, m;
    rs_rank1_basis_clear(B);
    rs_rank1_basis_init(B, RS_RANK1_NORMAL);
    for (p = 0; p < n; p++) {
        slong a = F->birth[p], b = F->death[p];
        int pfull = rs_flow_is_full(F, p);
        for (q = 0; q < n; q++) {
            slong c = F->birth[q], e = F->death[q], lo, hi;
            int qfull = rs_flow_is_full(F, q);
            if (!((c < a && a <= e + 1 && e + 1 <= b) || (qfull && b == L) ||
                  (pfull && c == 0)))
                continue;
            lo = FLINT_MAX(FLINT_MAX(a, c + 1), 1);
            hi = FLINT_MIN(FLINT_MIN(b, e + 1), L);
            rs_rank1_basis_push_vec(B, p, q, -1);
            for (m = lo; m <= hi; m++)
                rs_rank1_basis_push_term(B, m, p, q, 1);
        }
    }
}
