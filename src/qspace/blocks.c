#include "qspace_internal.h"

void _rs_blocks_init(rs_blocks_struct *K, const fmpz_mat_t A,
                     const rs_profile_struct *P)
{
    slong m = P->m, n = P->n, r = P->r, k = n - r, i, j;
    K->m = m;
    K->n = n;
    K->r = r;
    K->k = k;
    fmpz_mat_init(K->B, r, r);
    fmpz_mat_init(K->RN, r, k);
    fmpz_mat_init(K->LC, m - r, r);
    fmpz_mat_init(K->LN, m - r, k);
    for (i = 0; i < m; i++) {
        slong ai = P->rows[i];
        for (j = 0; j < n; j++) {
            const fmpz *a = fmpz_mat_entry(A, ai, P->cols[j]);
            fmpz *dst;
            if (i < r)
                dst = j < r ? fmpz_mat_entry(K->B, i, j)
                            : fmpz_mat_entry(K->RN, i, j - r);
            else
                dst = j < r ? fmpz_mat_entry(K->LC, i - r, j)
                            : fmpz_mat_entry(K->LN, i - r, j - r);
            fmpz_set(dst, a);
        }
    }
}

void _rs_blocks_clear(rs_blocks_struct *K)
{
    fmpz_mat_clear(K->B);
    fmpz_mat_clear(K->RN);
    fmpz_mat_clear(K->LC);
    fmpz_mat_clear(K->LN);
}

int _rs_blocks_solve_mod(nmod_mat_t Xq, const rs_blocks_struct *K, ulong q)
{
    slong r = K->r, k = K->k, l = K->m - K->r;
    int status = 1;
    nmod_mat_t Bq, RNq;

    nmod_mat_init(Bq, r, r, q);
    nmod_mat_init(RNq, r, k, q);
    fmpz_mat_get_nmod_mat(Bq, K->B);
    fmpz_mat_get_nmod_mat(RNq, K->RN);
    if (!nmod_mat_solve(Xq, Bq, RNq))
        status = 0;
    else if (l > 0 && k > 0) {
        /* B is invertible mod q, so rank(A mod q) = r + rank of the Schur
           complement LN - LC B^{-1} RN mod q. */
        nmod_mat_t LCq, LNq, T;
        nmod_mat_init(LCq, l, r, q);
        nmod_mat_init(LNq, l, k, q);
        nmod_mat_init(T, l, k, q);
        fmpz_mat_get_nmod_mat(LCq, K->LC);
        fmpz_mat_get_nmod_mat(LNq, K->LN);
        nmod_mat_mul(T, LCq, Xq);
        if (!nmod_mat_equal(T, LNq))
            status = -1;
        nmod_mat_clear(LCq);
        nmod_mat_clear(LNq);
        nmod_mat_clear(T);
    }
    nmod_mat_clear(Bq);
    nmod_mat_clear(RNq);
    return status;
}

/* prod_{i < r} (s_i + t_i) * max_{i >= r} (s_i + t_i), where for the rows
   of [[B, RN], [LC, LN]]: s_i = |row i restricted to C|^2 and t_i = the
   largest square of an entry of row i outside C.  The rows of a bordered
   minor det A[R + i, C + j] have squared norms at most s + t, so by
   Hadamard's inequality this bounds the minor's square. */
static void row_bound2(fmpz_t H2, const fmpz_mat_t B, const fmpz_mat_t RN,
                       const fmpz_mat_t LC, const fmpz_mat_t LN)
{
    slong r = fmpz_mat_nrows(B), l = fmpz_mat_nrows(LC);
    slong k = fmpz_mat_ncols(RN), i, j;
    fmpz_t s, t, best;
    fmpz_init(s);
    fmpz_init(t);
    fmpz_init(best);
    fmpz_one(H2);
    for (i = 0; i < r + l; i++) {
        const fmpz_mat_struct *left = i < r ? B : LC;
        const fmpz_mat_struct *right = i < r ? RN : LN;
        slong ii = i < r ? i : i - r;
        fmpz_zero(s);
        fmpz_zero(t);
        for (j = 0; j < r; j++)
            fmpz_addmul(s, fmpz_mat_entry(left, ii, j),
                        fmpz_mat_entry(left, ii, j));
        for (j = 0; j < k; j++)
            if (fmpz_cmpabs(fmpz_mat_entry(right, ii, j), t) > 0)
                fmpz_abs(t, fmpz_mat_entry(right, ii, j));
        fmpz_addmul(s, t, t);
        if (i < r)
            fmpz_mul(H2, H2, s);
        else if (fmpz_cmp(s, best) > 0)
            fmpz_set(best, s);
    }
    fmpz_mul(H2, H2, best);
    fmpz_clear(s);
    fmpz_clear(t);
    fmpz_clear(best);
}

void _rs_blocks_bordered_bound2(fmpz_t H2, const rs_blocks_struct *K)
{
    fmpz_t H2c;
    fmpz_mat_t Bt, RNt, LCt, LNt;
    if (K->k == 0 || K->m == K->r) {
        fmpz_zero(H2);
        return;
    }
    row_bound2(H2, K->B, K->RN, K->LC, K->LN);
    /* The same bound on columns (rows of the transpose); keep the smaller. */
    fmpz_mat_init(Bt, K->r, K->r);
    fmpz_mat_init(RNt, K->r, K->m - K->r);
    fmpz_mat_init(LCt, K->k, K->r);
    fmpz_mat_init(LNt, K->k, K->m - K->r);
    fmpz_mat_transpose(Bt, K->B);
    fmpz_mat_transpose(RNt, K->LC);
    fmpz_mat_transpose(LCt, K->RN);
    fmpz_mat_transpose(LNt, K->LN);
    fmpz_init(H2c);
    row_bound2(H2c, Bt, RNt, LCt, LNt);
    if (fmpz_cmp(H2c, H2) < 0)
        fmpz_swap(H2, H2c);
    fmpz_clear(H2c);
    fmpz_mat_clear(Bt);
    fmpz_mat_clear(RNt);
    fmpz_mat_clear(LCt);
    fmpz_mat_clear(LNt);
}

static int check_rows_mod(const fmpz_mat_t L, const fmpz_mat_t R,
                          const nmod_mat_t Xq, ulong dq, ulong q)
{
    slong l = fmpz_mat_nrows(L), r = fmpz_mat_ncols(L);
    slong k = fmpz_mat_ncols(R);
    int ok;
    nmod_mat_t Lq, Rq, T;
    if (l == 0 || k == 0)
        return 1;
    nmod_mat_init(Lq, l, r, q);
    nmod_mat_init(Rq, l, k, q);
    nmod_mat_init(T, l, k, q);
    fmpz_mat_get_nmod_mat(Lq, L);
    fmpz_mat_get_nmod_mat(Rq, R);
    nmod_mat_scalar_mul(Rq, Rq, dq);
    if (r > 0)
        nmod_mat_mul(T, Lq, Xq);
    ok = nmod_mat_equal(T, Rq);
    nmod_mat_clear(Lq);
    nmod_mat_clear(Rq);
    nmod_mat_clear(T);
    return ok;
}

int _rs_blocks_check_mod(const rs_blocks_struct *K, const nmod_mat_t Xq,
                         const fmpz_t d, ulong q)
{
    ulong dq = fmpz_fdiv_ui(d, q);
    return check_rows_mod(K->B, K->RN, Xq, dq, q) &&
           check_rows_mod(K->LC, K->LN, Xq, dq, q);
}
