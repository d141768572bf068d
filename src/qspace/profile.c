#include <string.h>

#include "blas.h"
#include "qspace_internal.h"

void _rs_profile_init(rs_profile_struct *P, slong m, slong n)
{
    P->m = m;
    P->n = n;
    P->rows = flint_malloc(FLINT_MAX(m, 1) * sizeof(slong));
    P->cols = flint_malloc(FLINT_MAX(n, 1) * sizeof(slong));
    _rs_profile_zero(P);
}

void _rs_profile_clear(rs_profile_struct *P)
{
    flint_free(P->rows);
    flint_free(P->cols);
}

void _rs_profile_zero(rs_profile_struct *P)
{
    slong i;
    P->r = 0;
    for (i = 0; i < P->m; i++)
        P->rows[i] = i;
    for (i = 0; i < P->n; i++)
        P->cols[i] = i;
}

/* Fills P from the pivot rows perm[0..r) and pivot columns cols[0..r). */
static void set_profile(rs_profile_struct *P, slong r, const slong *perm,
                        const slong *cols)
{
    slong m = P->m, n = P->n, i, j, k;
    char *used = flint_calloc(FLINT_MAX(m, n), 1);
    P->r = r;
    for (i = 0; i < r; i++) {
        P->cols[i] = cols[i];
        used[cols[i]] = 1;
    }
    for (j = 0, k = r; j < n; j++)
        if (!used[j])
            P->cols[k++] = j;
    memset(used, 0, FLINT_MAX(m, n));
    for (i = 0; i < r; i++) {
        P->rows[i] = perm[i];
        used[perm[i]] = 1;
    }
    for (i = 0, k = r; i < m; i++)
        if (!used[i])
            P->rows[k++] = i;
    flint_free(used);
}

/* 3 <= p <= 2^26: the blocked LU of blas_lu.c on balanced residues in
   doubles. */
static slong profile_blas(rs_profile_struct *P, const fmpz_mat_t A, ulong p)
{
    slong m = P->m, n = P->n, i, j, r;
    ulong h = (p - 1) / 2;
    double *W = flint_malloc(sizeof(double) * m * n);
    slong *perm = flint_malloc(sizeof(slong) * m);
    slong *cols = flint_malloc(sizeof(slong) * FLINT_MIN(m, n));
    for (i = 0; i < m; i++)
        for (j = 0; j < n; j++) {
            ulong e = fmpz_fdiv_ui(fmpz_mat_entry(A, i, j), p);
            W[i * n + j] = e > h ? -(double)(p - e) : (double)e;
        }
    r = _rs_blas_lu_mod(W, m, n, n, p, perm, cols);
    set_profile(P, r, perm, cols);
    flint_free(W);
    flint_free(perm);
    flint_free(cols);
    return r;
}

slong _rs_profile_mod(rs_profile_struct *P, const fmpz_mat_t A, ulong p)
{
    slong m = P->m, n = P->n, r, i, j;
    slong *perm, *cols;
    nmod_mat_t M;

    if (m == 0 || n == 0) {
        _rs_profile_zero(P);
        return 0;
    }
    if (RS_BLAS_PRIME_OK(p))
        return profile_blas(P, A, p);
    nmod_mat_init(M, m, n, p);
    fmpz_mat_get_nmod_mat(M, A);
    perm = flint_malloc(m * sizeof(slong));
    cols = flint_malloc(FLINT_MAX(FLINT_MIN(m, n), 1) * sizeof(slong));
    for (i = 0; i < m; i++)
        perm[i] = i;
    /* nmod_mat_lu: row i of the result holds original row perm[i]; the
       first r rows carry U in row echelon form to the right of the
       multipliers of L, which occupy columns < min(i, r).  So the pivot of
       row i is its first nonzero entry at a column after the previous
       pivot (FLINT's own _nmod_mat_rref reads the pivots the same way). */
    r = nmod_mat_lu(perm, M, 0);
    for (i = 0, j = 0; i < r; i++, j++) {
        while (j < n && rs_nmod_mat_get(M, i, j) == 0)
            j++;
        if (j == n) {
            /* Not reached under FLINT's contract; a shorter profile is
               still a valid (if weaker) lower bound. */
            r = i;
            break;
        }
        cols[i] = j;
    }
    set_profile(P, r, perm, cols);
    flint_free(perm);
    flint_free(cols);
    nmod_mat_clear(M);
    return r;
}
