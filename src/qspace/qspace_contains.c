#include "qspace_internal.h"

/* With basis^T in reduced echelon form, basis vector i is 1 at its pivot
   p_i and 0 at the other pivots, so the only candidate combination for x
   is sum_i x[p_i] b_i; x lies in V exactly when that equals x.  The same
   test runs on all columns of a matrix Y at once. */
static int contains_cols(const rs_qspace_t V, const fmpq_mat_t Y)
{
    slong n = V->n, d = rs_qspace_dim(V), c = fmpq_mat_ncols(Y), i, j;
    slong *piv;
    fmpq_mat_t Cf, T;
    int ok;
    if (c == 0)
        return 1;
    if (d == 0)
        return fmpq_mat_is_zero(Y);
    piv = flint_malloc(d * sizeof(slong));
    _rs_qspace_pivots(piv, V->basis);
    fmpq_mat_init(Cf, d, c);
    fmpq_mat_init(T, n, c);
    for (i = 0; i < d; i++)
        for (j = 0; j < c; j++)
            fmpq_set(fmpq_mat_entry(Cf, i, j), fmpq_mat_entry(Y, piv[i], j));
    fmpq_mat_mul(T, V->basis, Cf);
    ok = fmpq_mat_equal(T, Y);
    fmpq_mat_clear(Cf);
    fmpq_mat_clear(T);
    flint_free(piv);
    return ok;
}

int rs_qspace_contains_vec(const rs_qspace_t V, const fmpq_mat_t x)
{
    if (fmpq_mat_nrows(x) != V->n || fmpq_mat_ncols(x) != 1)
        return 0;
    return contains_cols(V, x);
}

int rs_qspace_contains(const rs_qspace_t V, const rs_qspace_t U)
{
    if (U->n != V->n || rs_qspace_dim(U) > rs_qspace_dim(V))
        return 0;
    return contains_cols(V, U->basis);
}
