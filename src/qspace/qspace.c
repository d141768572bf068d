#include "qspace_internal.h"

void rs_qspace_init(rs_qspace_t V, slong n)
{
    V->n = n;
    fmpq_mat_init(V->basis, n, 0);
}

void rs_qspace_clear(rs_qspace_t V)
{
    fmpq_mat_clear(V->basis);
}

void rs_qspace_set(rs_qspace_t V, const rs_qspace_t U)
{
    if (V == U)
        return;
    rs_qmat_reshape(V->basis, U->n, fmpq_mat_ncols(U->basis));
    fmpq_mat_set(V->basis, U->basis);
    V->n = U->n;
}

void rs_qspace_set_full(rs_qspace_t V, slong n)
{
    rs_qmat_reshape(V->basis, n, n);
    fmpq_mat_one(V->basis);
    V->n = n;
}

void rs_qspace_set_zero(rs_qspace_t V, slong n)
{
    rs_qmat_reshape(V->basis, n, 0);
    V->n = n;
}

slong rs_qspace_dim(const rs_qspace_t V)
{
    return fmpq_mat_ncols(V->basis);
}

slong rs_qspace_ambient(const rs_qspace_t V)
{
    return V->n;
}

const fmpq_mat_struct *rs_qspace_basis(const rs_qspace_t V)
{
    return V->basis;
}

int rs_qspace_equal(const rs_qspace_t U, const rs_qspace_t V)
{
    /* Canonical bases: equal subspaces have identical bases. */
    return U->n == V->n &&
           fmpq_mat_ncols(U->basis) == fmpq_mat_ncols(V->basis) &&
           fmpq_mat_equal(U->basis, V->basis);
}

void _rs_qspace_pivots(slong *pivots, const fmpq_mat_t basis)
{
    slong n = fmpq_mat_nrows(basis), d = fmpq_mat_ncols(basis), i, j;
    for (i = 0; i < d; i++) {
        for (j = 0; j < n && fmpq_is_zero(fmpq_mat_entry(basis, j, i)); j++)
            ;
        pivots[i] = j;
    }
}
