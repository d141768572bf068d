/* The structured tangent basis (docs/math.md section 6).

   Why it is a basis.  X_k = v_p^(k) phi_q^(k)^T at one hidden layer k moves
   theta by X_k W_k in W_k and -W_{k+1} X_k in W_{k+1}; with the flow
   identities these are the terms tau_k(p,q).  Writing e_m(p,q) for the
   tangent term v_p^(m) phi_q^(m-1)^T (these, over all m, p, q, are a basis
   of weight space), tau_k(p,q) = [k > c] e_k - [k < b] e_{k+1}: the moves of
   one pair only use that pair's e's and form a path through them, grounded
   at the left when a <= c (tau_c lacks its e_c) and at the right when
   e >= b (tau_b lacks its e_{b+1}).  The end layers are constrained by
   X_L W = W X_0, with W = sum over [0,L] strands s of v_s^(L) phi_s^(0)^T:
   in flow coordinates X_L = v_p phi_q^T alone is allowed iff q is not a
   [0,L] strand, X_0 alone iff p is not, and for two [0,L] strands the pair
   (X_L, X_0) moves together, giving e_L - e_1, which closes the path into a
   cycle.  A path grounded at both ends (a <= c <= b <= e) or a cycle has
   exactly one dependency, removed by dropping one move (tau_b, resp. the
   end pair); every other path is independent.  The count is dim S:
   sum_k d_k^2 pairs-at-a-layer, minus End (the closed chains), minus
   r (d_0 + d_L - r) for the excluded end moves. */
#include "rankstrat/tangent.h"

static void push_move(rs_rank1_basis_t B, slong p, slong q, slong k, slong c,
                      slong b)
{
    rs_rank1_basis_push_vec(B, p, q, k);
    if (k > c)
        rs_rank1_basis_push_term(B, k, p, q, 1);
    if (k < b)
        rs_rank1_basis_push_term(B, k + 1, p, q, -1);
}

void rs_tangent_basis(rs_rank1_basis_t B, const rs_flow_t F)
{
    slong L = F->L, n = F->num, p, q, k;
    int kind = RS_RANK1_TANGENT;
    rs_rank1_basis_clear(B);
    rs_rank1_basis_init(B, kind);
    for (p = 0; p < n; p++) {
        slong a = F->birth[p], b = F->death[p];
        int pfull = rs_flow_is_full(F, p);
        for (q = 0; q < n; q++) {
            slong c = F->birth[q], e = F->death[q];
            slong lo = FLINT_MAX(a, c), hi = FLINT_MIN(b, e);
            int qfull = rs_flow_is_full(F, q), closed;
            if (lo > hi)
                continue;
            if (pfull && qfull) {
                for (k = 1; k < L; k++)
                    push_move(B, p, q, k, c, b);
                continue;
            }
            closed = a <= c && c <= b && b <= e;
            for (k = lo; k <= hi; k++) {
                if ((k == L && qfull) || (k == 0 && pfull) ||
                    (closed && k == b))
                    continue;
                push_move(B, p, q, k, c, b);
            }
        }
    }
}
