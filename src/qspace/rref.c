#include "qspace_internal.h"

slong rs_qmat_rowspace_rref(fmpq_mat_t R, const fmpq_mat_t A)
{
    slong m = fmpq_mat_nrows(A), n = fmpq_mat_ncols(A), r, i, j;
    slong *piv = flint_malloc(FLINT_MAX(n, 1) * sizeof(slong));
    fmpz_mat_t Z, E;
    fmpz_t den;

    fmpz_mat_init(Z, m, n);
    fmpz_mat_init(E, 0, 0);
    fmpz_init(den);
    _rs_qmat_clear_rows(Z, A);
    r = rs_zmat_rref(E, den, piv, Z);
    rs_qmat_reshape(R, r, n);
    for (i = 0; i < r; i++)
        for (j = 0; j < n; j++)
            fmpq_set_fmpz_frac(fmpq_mat_entry(R, i, j), fmpz_mat_entry(E, i, j),
                               den);
    fmpz_mat_clear(Z);
    fmpz_mat_clear(E);
    fmpz_clear(den);
    flint_free(piv);
    return r;
}
