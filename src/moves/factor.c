/* Exact rank factorization W = P [[I_r,0],[0,0]] Q. */
#include "rankstrat/moves.h"
#include "rankstrat/qspace.h"

/* Pivot columns of a matrix in reduced row echelon form without zero rows:
   the first nonzero entry of each row. */
static void rref_pivots(slong *piv, const fmpq_mat_t R)
{
    slong i, j;
    for (i = 0; i < fmpq_mat_nrows(R); i++) {
        for (j = 0; fmpq_is_zero(fmpq_mat_entry(R, i, j)); j++)
            ;
        piv[i] = j;
    }
}

/* Marks the positions listed in piv[0..r) and returns the others in
   increasing order in rest (n - r entries). */
static void complement(slong *rest, const slong *piv, slong r, slong n)
{
    char *used = flint_calloc(FLINT_MAX(n, 1), 1);
    slong i, k = 0;
    for (i = 0; i < r; i++)
        used[piv[i]] = 1;
    for (i = 0; i < n; i++)
        if (!used[i])
            rest[k++] = i;
    flint_free(used);
}

static int rank_factor(fmpq_mat_t P, fmpq_mat_t Q, slong *r, const fmpq_mat_t W,
                       rs_error_t err);

int rs_rank_factor(fmpq_mat_t P, fmpq_mat_t Q, slong *r, const fmpq_mat_t W,
                   rs_error_t err)
{
    if (P == NULL || Q == NULL || r == NULL || W == NULL || P == Q)
        return rs_error_set(err, RS_EINPUT,
                            "rs_rank_factor: expected distinct P and Q, r "
                            "and W, got NULL or P == Q");
    return rank_factor(P, Q, r, W, err);
}

static int rank_factor(fmpq_mat_t P, fmpq_mat_t Q, slong *r, const fmpq_mat_t W,
                       rs_error_t err)
{
    slong m = fmpq_mat_nrows(W), n = fmpq_mat_ncols(W), rank, i, j;
    slong *pcol = flint_malloc(FLINT_MAX(n, 1) * sizeof(slong));
    slong *qrest = flint_malloc(FLINT_MAX(n, 1) * sizeof(slong));
    slong *prow = flint_malloc(FLINT_MAX(m, 1) * sizeof(slong));
    slong *prest = flint_malloc(FLINT_MAX(m, 1) * sizeof(slong));
    fmpq_mat_t R, C, CT, RC, E, T;
    int status = RS_OK;

    fmpq_mat_init(R, 0, 0);
    rank = rs_qmat_rowspace_rref(R, W);
    rref_pivots(pcol, R);
    complement(qrest, pcol, rank, n);

    /* C = W[:, pivots] has full column rank; a nonsingular r x r minor of
       it sits in the pivot columns of rref C^T, and unit vectors at the
       other rows complete C to an invertible matrix */
    fmpq_mat_init(C, m, rank);
    for (i = 0; i < m; i++)
        for (j = 0; j < rank; j++)
            fmpq_set(fmpq_mat_entry(C, i, j), fmpq_mat_entry(W, i, pcol[j]));
    fmpq_mat_init(CT, rank, m);
    fmpq_mat_transpose(CT, C);
    fmpq_mat_init(RC, 0, 0);
    if (rs_qmat_rowspace_rref(RC, CT) != rank)
        status = rs_error_set(err, RS_EINTERNAL,
                              "internal error: the pivot columns of a rank-%ld "
                              "matrix are dependent",
                              (long)rank);
    rref_pivots(prow, RC);
    complement(prest, prow, rank, m);

    fmpq_mat_clear(P);
    fmpq_mat_init(P, m, m);
    for (i = 0; i < m; i++)
        for (j = 0; j < rank; j++)
            fmpq_set(fmpq_mat_entry(P, i, j), fmpq_mat_entry(C, i, j));
    for (j = 0; j < m - rank; j++)
        fmpq_one(fmpq_mat_entry(P, prest[j], rank + j));

    fmpq_mat_clear(Q);
    fmpq_mat_init(Q, n, n);
    for (i = 0; i < rank; i++)
        for (j = 0; j < n; j++)
            fmpq_set(fmpq_mat_entry(Q, i, j), fmpq_mat_entry(R, i, j));
    for (i = 0; i < n - rank; i++)
        fmpq_one(fmpq_mat_entry(Q, rank + i, qrest[i]));

    /* the one exact product: P E Q = W, E = [[I_r,0],[0,0]]; P and Q are
       invertible by construction (P has a nonsingular minor bordered by
       unit columns, Q is a permuted unit triangular matrix), and their
       ranks confirm it */
    fmpq_mat_init(E, m, n);
    for (i = 0; i < rank; i++)
        fmpq_one(fmpq_mat_entry(E, i, i));
    fmpq_mat_init(T, m, n);
    fmpq_mat_mul(T, P, E);
    fmpq_mat_mul(E, T, Q);
    if (status == RS_OK &&
        (!fmpq_mat_equal(E, W) || rs_qmat_rank(P) != m || rs_qmat_rank(Q) != n))
        status = rs_error_set(err, RS_EINTERNAL,
                              "internal error: the rank factorization "
                              "W = P [[I,0],[0,0]] Q failed its exact check");
    *r = rank;

    fmpq_mat_clear(T);
    fmpq_mat_clear(E);
    fmpq_mat_clear(RC);
    fmpq_mat_clear(CT);
    fmpq_mat_clear(C);
    fmpq_mat_clear(R);
    flint_free(pcol);
    flint_free(qrest);
    flint_free(prow);
    flint_free(prest);
    return status;
}
