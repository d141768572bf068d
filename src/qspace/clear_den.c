#include "qspace_internal.h"

void _rs_qmat_clear_rows(fmpz_mat_t Z, const fmpq_mat_t A)
{
    slong m = fmpq_mat_nrows(A);
    fmpz *den;
    if (m == 0 || fmpq_mat_ncols(A) == 0)
        return;
    /* Scaling a row by a nonzero integer keeps the row space, the null
       space and the rank. */
    den = _fmpz_vec_init(m);
    fmpq_mat_get_fmpz_mat_rowwise(Z, den, A);
    _fmpz_vec_clear(den, m);
}

void _rs_qmat_clear_cols_transpose(fmpz_mat_t Z, const fmpq_mat_t A)
{
    fmpq_mat_t T;
    fmpq_mat_init(T, fmpq_mat_ncols(A), fmpq_mat_nrows(A));
    fmpq_mat_transpose(T, A);
    _rs_qmat_clear_rows(Z, T);
    fmpq_mat_clear(T);
}
