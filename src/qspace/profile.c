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

slong _rs_profile_mod(rs_profile_struct *P, const fmpz_mat_t A, ulong p)
{
    slong m = P->m, n = P->n, r, i, j, k;
    slong *perm;
    char *used;
    nmod_mat_t M;

    if (m == 0 || n == 0) {
        _rs_profile_zero(P);
        return 0;
    }
    nmod_mat_init(M, m, n, p);
    fmpz_mat_get_nmod_mat(M, A);
    perm = flint_malloc(m * sizeof(slong));
    for (i = 0; i < m; i++)
        perm[i] = i;
    /* nmod_mat_lu: row i of the result holds original row perm[i]; the
       first r rows carry U in row echelon form to the right of the
       multipliers of L, which occupy columns < min(i, r).  So the pivot of
       row i is its first nonzero entry at a column after the previous
       pivot (FLINT's own _nmod_mat_rref reads the pivots the same way). */
    r = nmod_mat_lu(perm, M, 0);
    P->r = r;

    used = flint_calloc(n, 1);
    for (i = 0, j = 0; i < r; i++, j++) {
        while (j < n && rs_nmod_mat_get(M, i, j) == 0)
            j++;
        if (j == n) {
            /* Not reached under FLINT's contract; a shorter profile is
               still a valid (if weaker) lower bound. */
            r = i;
            break;
        }
        P->cols[i] = j;
        used[j] = 1;
    }
    P->r = r;
    for (j = 0, k = r; j < n; j++)
        if (!used[j])
            P->cols[k++] = j;
    flint_free(used);

    used = flint_calloc(m, 1);
    for (i = 0; i < r; i++) {
        P->rows[i] = perm[i];
        used[perm[i]] = 1;
    }
    for (i = 0, k = r; i < m; i++)
        if (!used[i])
            P->rows[k++] = i;
    flint_free(used);

    flint_free(perm);
    nmod_mat_clear(M);
    return r;
}
