/* The four flags of the Fundamental Theorem at one layer. */
#include "rankstrat/layers.h"

void rs_layer_init(rs_layer_t S, rs_net_t N, slong k)
{
    slong L = N->L, dk = N->d[k], i, j;
    S->L = L;
    S->k = k;
    S->col = flint_malloc((k + 1) * sizeof(rs_qspace_struct));
    S->lnull = flint_malloc((k + 1) * sizeof(rs_qspace_struct));
    S->null = flint_malloc((L - k + 1) * sizeof(rs_qspace_struct));
    S->row = flint_malloc((L - k + 1) * sizeof(rs_qspace_struct));
    for (i = 0; i <= k; i++) {
        const fmpq_mat_struct *P = rs_net_product(N, k, i);
        rs_qspace_init(S->col + i, dk);
        rs_qspace_init(S->lnull + i, dk);
        rs_qspace_colspace(S->col + i, P);
        rs_qspace_left_nullspace(S->lnull + i, P);
    }
    for (j = k; j <= L; j++) {
        const fmpq_mat_struct *P = rs_net_product(N, j, k);
        rs_qspace_init(S->null + j - k, dk);
        rs_qspace_init(S->row + j - k, dk);
        rs_qspace_nullspace(S->null + j - k, P);
        rs_qspace_rowspace(S->row + j - k, P);
    }
}

void rs_layer_clear(rs_layer_t S)
{
    slong i;
    for (i = 0; i <= S->k; i++) {
        rs_qspace_clear(S->col + i);
        rs_qspace_clear(S->lnull + i);
    }
    for (i = 0; i <= S->L - S->k; i++) {
        rs_qspace_clear(S->null + i);
        rs_qspace_clear(S->row + i);
    }
    flint_free(S->col);
    flint_free(S->lnull);
    flint_free(S->null);
    flint_free(S->row);
}

const rs_qspace_struct *rs_layer_col(const rs_layer_t S, slong i)
{
    return S->col + i;
}

const rs_qspace_struct *rs_layer_left_null(const rs_layer_t S, slong i)
{
    return S->lnull + i;
}

const rs_qspace_struct *rs_layer_null(const rs_layer_t S, slong j)
{
    return S->null + (j - S->k);
}

const rs_qspace_struct *rs_layer_row(const rs_layer_t S, slong j)
{
    return S->row + (j - S->k);
}

void rs_layer_A(rs_qspace_t V, const rs_layer_t S, slong j, slong i)
{
    rs_qspace_intersect(V, rs_layer_col(S, i), rs_layer_null(S, j), NULL);
}

void rs_layer_B(rs_qspace_t V, const rs_layer_t S, slong j, slong i)
{
    rs_qspace_intersect(V, rs_layer_left_null(S, i), rs_layer_row(S, j), NULL);
}
