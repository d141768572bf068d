#include "qspace_internal.h"

/* E / den with E[:, C] = den I and E[:, N] = X has the row space of A (the
   certificate gives A[:, N] = A[:, C] X / den, and E = B^{-1} A[R, :]); it
   is the reduced row echelon form iff every row is zero left of its pivot.
   That fails only when the pivots modulo the profile's prime are not the
   lexicographically first column basis over Q (an unlucky prime). */
static int is_rref(const rs_cert_struct *C)
{
    slong r = C->P.r, k = C->P.n - r, i, l;
    for (i = 0; i < r; i++)
        for (l = 0; l < k && C->P.cols[r + l] < C->P.cols[i]; l++)
            if (!fmpz_is_zero(fmpz_mat_entry(C->X, i, l)))
                return 0;
    return 1;
}

slong rs_zmat_rref(fmpz_mat_t E, fmpz_t den, slong *pivots, const fmpz_mat_t A)
{
    return _rs_zmat_rref_start(E, den, pivots, A, 0);
}

slong _rs_zmat_rref_start(fmpz_mat_t E, fmpz_t den, slong *pivots,
                          const fmpz_mat_t A, ulong start)
{
    slong m = fmpz_mat_nrows(A), n = fmpz_mat_ncols(A), r, i, l, attempt;
    rs_cert_struct C;
    rs_rank_info_t info;

    rs_rank_info_init(info);
    _rs_cert_init(&C, m, n);
    for (attempt = 0;; attempt++) {
        r = _rs_zmat_certify(&C, A, 1, start, info);
        if (is_rref(&C))
            break;
        if (attempt == RS_MAX_RESTARTS) {
            r = _rs_cert_fallback(&C, A, 1, info);
            break;
        }
        start = C.last_prime; /* fresh primes */
    }

    fmpz_mat_clear(E);
    fmpz_mat_init(E, r, n);
    for (i = 0; i < r; i++) {
        fmpz_set(fmpz_mat_entry(E, i, C.P.cols[i]), C.den);
        for (l = 0; l < n - r; l++)
            fmpz_set(fmpz_mat_entry(E, i, C.P.cols[r + l]),
                     fmpz_mat_entry(C.X, i, l));
    }
    fmpz_set(den, C.den);
    for (i = 0; i < n; i++)
        pivots[i] = C.P.cols[i];
    _rs_cert_clear(&C);
    return r;
}
