#include "qspace_internal.h"

/* basis = R^T for a reduced echelon form R whose rows span the space. */
static void set_from_rref(rs_qspace_t V, slong n, const fmpq_mat_t R)
{
    rs_qmat_reshape(V->basis, n, fmpq_mat_nrows(R));
    fmpq_mat_transpose(V->basis, R);
    V->n = n;
}

void rs_qspace_rowspace(rs_qspace_t V, const fmpq_mat_t A)
{
    fmpq_mat_t R;
    fmpq_mat_init(R, 0, 0);
    rs_qmat_rowspace_rref(R, A);
    set_from_rref(V, fmpq_mat_ncols(A), R);
    fmpq_mat_clear(R);
}

void rs_qspace_colspace(rs_qspace_t V, const fmpq_mat_t A)
{
    fmpq_mat_t T, R;
    fmpq_mat_init(T, fmpq_mat_ncols(A), fmpq_mat_nrows(A));
    fmpq_mat_init(R, 0, 0);
    fmpq_mat_transpose(T, A);
    rs_qmat_rowspace_rref(R, T);
    set_from_rref(V, fmpq_mat_nrows(A), R);
    fmpq_mat_clear(T);
    fmpq_mat_clear(R);
}

void rs_qspace_nullspace(rs_qspace_t V, const fmpq_mat_t A)
{
    fmpq_mat_t X;
    fmpq_mat_init(X, 0, 0);
    rs_qmat_nullspace(X, A);
    fmpq_mat_swap(V->basis, X);
    V->n = fmpq_mat_ncols(A);
    fmpq_mat_clear(X);
}

void rs_qspace_left_nullspace(rs_qspace_t V, const fmpq_mat_t A)
{
    fmpq_mat_t T;
    fmpq_mat_init(T, fmpq_mat_ncols(A), fmpq_mat_nrows(A));
    fmpq_mat_transpose(T, A);
    rs_qspace_nullspace(V, T);
    fmpq_mat_clear(T);
}
