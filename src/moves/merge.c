/* The merge move of docs/math.md section 4 through the flow basis at theta. */
#include "rankstrat/moves.h"

slong rs_move_find_strand(const rs_flow_t F, slong a, slong b)
{
    slong s;
    for (s = 0; s < rs_flow_num_strands(F); s++)
        if (rs_flow_birth(F, s) == a && rs_flow_death(F, s) == b)
            return s;
    return -1;
}

int rs_move_merge(rs_net_t N, const rs_flow_t F, slong p, slong q,
                  const fmpq_t t, rs_error_t err)
{
    slong L, a, b, c, e, i, j, n;
    fmpq_mat_t W0;
    fmpq_mat_struct *Wb;
    fmpq_t x;
    int same;
    if (N == NULL || F == NULL || t == NULL)
        return rs_error_set(err, RS_EINPUT,
                            "merge move: expected N, F and t, got NULL");
    L = N->L;
    n = rs_flow_num_strands(F);
    if (F->L != L || p < 0 || p >= n || q < 0 || q >= n)
        return rs_error_set(err, RS_EINPUT,
                            "merge move: expected two strands of the flow "
                            "basis of the network");
    a = rs_flow_birth(F, p);
    b = rs_flow_death(F, p);
    c = rs_flow_birth(F, q);
    e = rs_flow_death(F, q);
    if (!(a < c && c <= b + 1 && b + 1 <= e) || (a == 0 && e == L))
        return rs_error_set(err, RS_EINPUT,
                            "merge move: bars [%ld,%ld] and [%ld,%ld] do not "
                            "merge (expected [a,b] and [c,e] with a < c <= "
                            "b+1 <= e and (a,e) != (0,L))",
                            (long)a, (long)b, (long)c, (long)e);
    fmpq_mat_init(W0, N->d[L], N->d[0]);
    fmpq_mat_set(W0, rs_net_product(N, L, 0));
    fmpq_init(x);
    /* W_{b+1} += t v_q^(b+1) phi_p^(b)^T */
    Wb = rs_net_weight_mut(N, b + 1);
    for (i = 0; i < N->d[b + 1]; i++) {
        const fmpq *vi = rs_flow_v_entry(F, q, b + 1, i);
        if (fmpq_is_zero(vi))
            continue;
        for (j = 0; j < N->d[b]; j++) {
            fmpq_mul(x, vi, rs_flow_phi_entry(F, p, b, j));
            fmpq_addmul(fmpq_mat_entry(Wb, i, j), x, t);
        }
    }
    same = fmpq_mat_equal(rs_net_product(N, L, 0), W0);
    if (!same) {
        /* undo: the update is exact, so subtracting it restores W_{b+1} */
        Wb = rs_net_weight_mut(N, b + 1);
        for (i = 0; i < N->d[b + 1]; i++)
            for (j = 0; j < N->d[b]; j++) {
                fmpq_mul(x, rs_flow_v_entry(F, q, b + 1, i),
                         rs_flow_phi_entry(F, p, b, j));
                fmpq_submul(fmpq_mat_entry(Wb, i, j), x, t);
            }
    }
    fmpq_clear(x);
    fmpq_mat_clear(W0);
    if (!same)
        return rs_error_set(err, RS_EINTERNAL,
                            "internal error: the merge move of [%ld,%ld] and "
                            "[%ld,%ld] changed the product W (is the flow "
                            "basis that of this network?)",
                            (long)a, (long)b, (long)c, (long)e);
    return RS_OK;
}

void rs_move_merge_ranks(rs_ranks_t S, const rs_ranks_t R, slong a, slong b,
                         slong c, slong e)
{
    slong i, j;
    rs_ranks_set(S, R);
    for (i = a; i <= c - 1; i++)
        for (j = b + 1; j <= e; j++)
            rs_ranks_set_entry(S, i, j, rs_ranks_get(R, i, j) + 1);
}
