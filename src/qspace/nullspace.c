#include "qspace_internal.h"

/* The canonical null space basis is read off the reduced echelon form of A
   with its columns reversed.  Its pivots, mapped back, are the greedy
   column basis of A taken from the right, so each free column f of A is a
   combination of pivot columns to the right of f only.  The kernel vector
   of f (1 at f, 0 at the other free columns) therefore has its first
   nonzero entry at f, and these vectors, ordered by f, form X^T in reduced
   row echelon form: its pivots are the free columns, where every other
   vector is 0. */
slong rs_qmat_nullspace(fmpq_mat_t X, const fmpq_mat_t A)
{
    slong m = fmpq_mat_nrows(A), n = fmpq_mat_ncols(A), r, k, i, j, l;
    slong *piv = flint_malloc(FLINT_MAX(n, 1) * sizeof(slong));
    fmpz_mat_t Z, Zr, E;
    fmpz_t den;

    fmpz_mat_init(Z, m, n);
    fmpz_mat_init(Zr, m, n);
    fmpz_mat_init(E, 0, 0);
    fmpz_init(den);
    _rs_qmat_clear_rows(Z, A);
    for (i = 0; i < m; i++)
        for (j = 0; j < n; j++)
            fmpz_set(fmpz_mat_entry(Zr, i, n - 1 - j), fmpz_mat_entry(Z, i, j));
    r = rs_zmat_rref(E, den, piv, Zr);
    k = n - r;
    rs_qmat_reshape(X, n, k);
    for (l = 0; l < k; l++) {
        slong fr = piv[r + l], c = k - 1 - l;
        fmpq_one(fmpq_mat_entry(X, n - 1 - fr, c));
        for (i = 0; i < r; i++) {
            fmpq *x = fmpq_mat_entry(X, n - 1 - piv[i], c);
            fmpq_set_fmpz_frac(x, fmpz_mat_entry(E, i, fr), den);
            fmpq_neg(x, x);
        }
    }
    fmpz_mat_clear(Z);
    fmpz_mat_clear(Zr);
    fmpz_mat_clear(E);
    fmpz_clear(den);
    flint_free(piv);
    return k;
}
