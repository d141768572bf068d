#include "qspace_internal.h"

/* A shape error of the caller: V is left unchanged. */
static int mismatch(rs_error_t err, const char *what, slong a, slong b)
{
    return rs_error_set(err, RS_EINPUT, "%s: shapes do not match (%ld and %ld)",
                        what, (long)a, (long)b);
}

/* [B1 | s B2] for s = +1 or -1. */
static void concat(fmpq_mat_t M, const fmpq_mat_t B1, const fmpq_mat_t B2,
                   int s)
{
    slong n = fmpq_mat_nrows(B1), d1 = fmpq_mat_ncols(B1);
    slong d2 = fmpq_mat_ncols(B2), i, j;
    for (i = 0; i < n; i++) {
        for (j = 0; j < d1; j++)
            fmpq_set(fmpq_mat_entry(M, i, j), fmpq_mat_entry(B1, i, j));
        for (j = 0; j < d2; j++) {
            fmpq *x = fmpq_mat_entry(M, i, d1 + j);
            fmpq_set(x, fmpq_mat_entry(B2, i, j));
            if (s < 0)
                fmpq_neg(x, x);
        }
    }
}

int rs_qspace_sum(rs_qspace_t V, const rs_qspace_t U1, const rs_qspace_t U2,
                  rs_error_t err)
{
    slong n = U1->n, d1 = rs_qspace_dim(U1), d2 = rs_qspace_dim(U2);
    fmpq_mat_t M;
    if (U1->n != U2->n)
        return mismatch(err, "rs_qspace_sum", U1->n, U2->n);
    fmpq_mat_init(M, n, d1 + d2);
    concat(M, U1->basis, U2->basis, 1);
    rs_qspace_colspace(V, M);
    fmpq_mat_clear(M);
    return RS_OK;
}

/* x = B1 a = B2 b exactly when (a, b) is in null [B1 | -B2], so
   U1 ∩ U2 = B1 (first d1 coordinates of that null space). */
int rs_qspace_intersect(rs_qspace_t V, const rs_qspace_t U1,
                        const rs_qspace_t U2, rs_error_t err)
{
    slong n = U1->n, d1 = rs_qspace_dim(U1), d2 = rs_qspace_dim(U2), k, i, j;
    fmpq_mat_t M, N, Na, T;
    if (U1->n != U2->n)
        return mismatch(err, "rs_qspace_intersect", U1->n, U2->n);
    if (d1 == 0 || d2 == 0) {
        rs_qspace_set_zero(V, n);
        return RS_OK;
    }
    fmpq_mat_init(M, n, d1 + d2);
    fmpq_mat_init(N, 0, 0);
    concat(M, U1->basis, U2->basis, -1);
    k = rs_qmat_nullspace(N, M);
    fmpq_mat_init(Na, d1, k);
    for (i = 0; i < d1; i++)
        for (j = 0; j < k; j++)
            fmpq_set(fmpq_mat_entry(Na, i, j), fmpq_mat_entry(N, i, j));
    fmpq_mat_init(T, n, k);
    if (k > 0)
        fmpq_mat_mul(T, U1->basis, Na);
    rs_qspace_colspace(V, T);
    fmpq_mat_clear(M);
    fmpq_mat_clear(N);
    fmpq_mat_clear(Na);
    fmpq_mat_clear(T);
    return RS_OK;
}

void rs_qspace_perp(rs_qspace_t V, const rs_qspace_t U)
{
    rs_qspace_left_nullspace(V, U->basis);
}

int rs_qspace_image(rs_qspace_t V, const fmpq_mat_t A, const rs_qspace_t U,
                    rs_error_t err)
{
    fmpq_mat_t T;
    if (fmpq_mat_ncols(A) != U->n)
        return mismatch(err, "rs_qspace_image", fmpq_mat_ncols(A), U->n);
    fmpq_mat_init(T, fmpq_mat_nrows(A), rs_qspace_dim(U));
    if (U->n > 0 && rs_qspace_dim(U) > 0)
        fmpq_mat_mul(T, A, U->basis);
    rs_qspace_colspace(V, T);
    fmpq_mat_clear(T);
    return RS_OK;
}

/* A x is in U exactly when it is orthogonal to U^perp = col W, i.e. when
   W^T A x = 0. */
int rs_qspace_preimage(rs_qspace_t V, const fmpq_mat_t A, const rs_qspace_t U,
                       rs_error_t err)
{
    slong w;
    rs_qspace_t P;
    fmpq_mat_t Wt, T;
    if (fmpq_mat_nrows(A) != U->n)
        return mismatch(err, "rs_qspace_preimage", fmpq_mat_nrows(A), U->n);
    rs_qspace_init(P, U->n);
    rs_qspace_perp(P, U);
    w = rs_qspace_dim(P);
    fmpq_mat_init(Wt, w, U->n);
    fmpq_mat_transpose(Wt, P->basis);
    fmpq_mat_init(T, w, fmpq_mat_ncols(A));
    if (w > 0 && U->n > 0 && fmpq_mat_ncols(A) > 0)
        fmpq_mat_mul(T, Wt, A);
    rs_qspace_nullspace(V, T);
    fmpq_mat_clear(Wt);
    fmpq_mat_clear(T);
    rs_qspace_clear(P);
    return RS_OK;
}
