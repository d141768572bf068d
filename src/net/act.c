#include "rankstrat/net.h"

int rs_net_act(rs_net_t N, const fmpq_mat_struct *const *G)
{
    slong L, k;
    fmpq_mat_struct *inv;
    int ok = 1;
    if (N == NULL || G == NULL)
        return 0;
    L = N->L;
    for (k = 0; k <= L; k++)
        if (G[k] != NULL && (fmpq_mat_nrows(G[k]) != N->d[k] ||
                             fmpq_mat_ncols(G[k]) != N->d[k]))
            return 0;
    inv = flint_malloc((L + 1) * sizeof(fmpq_mat_struct));

    for (k = 0; k <= L; k++) {
        fmpq_mat_init(inv + k, N->d[k], N->d[k]);
        if (G[k] != NULL && ok && !fmpq_mat_inv(inv + k, G[k]))
            ok = 0;
    }
    if (ok) {
        for (k = 1; k <= L; k++) {
            fmpq_mat_struct *W = rs_net_weight_mut(N, k);
            if (G[k] != NULL)
                fmpq_mat_mul(W, G[k], W);
            if (G[k - 1] != NULL)
                fmpq_mat_mul(W, W, inv + k - 1);
        }
    }
    for (k = 0; k <= L; k++)
        fmpq_mat_clear(inv + k);
    flint_free(inv);
    return ok;
}
