/* The canonical point of a barcode, moved into the fiber of a given W
   (docs/math.md section 7). */
#include "rankstrat/moves.h"

int rs_canonical_check(const rs_barcode_t B, const slong *d, slong L, slong r,
                       const char *what, rs_error_t err)
{
    slong i, j, k, n, *start;
    if (B == NULL || d == NULL || L < 0)
        return rs_error_set(err, RS_EINPUT,
                            "rs_canonical_check: expected B, d and L >= 0");
    if (what == NULL)
        what = "barcode";
    if (B->L != L)
        return rs_error_set(err, RS_EINPUT,
                            "%s: expected bars for layers 0..%ld, got a "
                            "barcode for layers 0..%ld",
                            what, (long)L, (long)B->L);
    /* One pass over the bars (linear in the size of the barcode, not cubic
       in L): start[k] gains the bars born at k, start[j + 1] loses those
       dying at j, and the running sum is the number of strands at k. */
    start = flint_calloc(L + 2, sizeof(slong));
    for (j = 0; j <= L; j++)
        for (i = 0; i <= j; i++) {
            slong w = B->w[rs_tri_index(i, j)];
            if (w < 0 || __builtin_add_overflow(start[i], w, &start[i]) ||
                __builtin_sub_overflow(start[j + 1], w, &start[j + 1])) {
                flint_free(start);
                return rs_error_set(
                    err, RS_EINPUT, "%s: bar %ld-%ld has %s multiplicity %ld",
                    what, (long)i, (long)j, w < 0 ? "negative" : "too large a",
                    (long)w);
            }
        }
    for (k = 0, n = 0; k <= L; k++) {
        if (__builtin_add_overflow(n, start[k], &n))
            n = WORD_MAX; /* more strands than any width */
        if (n != d[k]) {
            flint_free(start);
            return rs_error_set(err, RS_EINPUT,
                                "%s: layer %ld has %ld strand%s but d_%ld = "
                                "%ld (the bars i-j with i <= %ld <= j must "
                                "number d_%ld)",
                                what, (long)k, (long)n, n == 1 ? "" : "s",
                                (long)k, (long)d[k], (long)k, (long)k);
        }
    }
    flint_free(start);
    if (r >= 0 && rs_barcode_rank(B) != r)
        return rs_error_set(err, RS_EINPUT,
                            "%s: bar 0-%ld has multiplicity %ld but rank W = "
                            "%ld (the bars 0-L number rank W)",
                            what, (long)L, (long)rs_barcode_rank(B), (long)r);
    return RS_OK;
}

int rs_canonical_point(rs_net_t N, const rs_barcode_t B, const fmpq_mat_t W,
                       rs_error_t err)
{
    slong L, r, *d;
    fmpq_mat_t P, Q;
    rs_net_t M;
    int status = RS_OK;
    if (N == NULL || B == NULL)
        return rs_error_set(err, RS_EINPUT,
                            "rs_canonical_point: expected N and B, got NULL");
    L = B->L;
    d = flint_malloc((L + 1) * sizeof(slong));

    rs_barcode_widths(d, B);
    rs_net_init_empty(M);
    rs_net_set_canonical(M, B);
    if (W == NULL)
        goto done;
    if (fmpq_mat_nrows(W) != d[L] || fmpq_mat_ncols(W) != d[0]) {
        status = rs_error_set(err, RS_EINPUT,
                              "expected a %ld x %ld product (d_L x d_0), got "
                              "%ld x %ld",
                              (long)d[L], (long)d[0], (long)fmpq_mat_nrows(W),
                              (long)fmpq_mat_ncols(W));
        goto done;
    }
    fmpq_mat_init(P, 0, 0);
    fmpq_mat_init(Q, 0, 0);
    status = rs_rank_factor(P, Q, &r, W, err);
    if (status == RS_OK && r != rs_barcode_rank(B))
        status =
            rs_error_set(err, RS_EINPUT,
                         "the barcode has %ld bar%s [0,%ld] but rank W = "
                         "%ld",
                         (long)rs_barcode_rank(B),
                         rs_barcode_rank(B) == 1 ? "" : "s", (long)L, (long)r);
    if (status == RS_OK) {
        fmpq_mat_struct *WL = rs_net_weight_mut(M, L);
        fmpq_mat_t T;
        fmpq_mat_init(T, d[L], d[L - 1]);
        fmpq_mat_mul(T, P, WL);
        fmpq_mat_swap(T, WL);
        fmpq_mat_clear(T);
        {
            fmpq_mat_struct *W1 = rs_net_weight_mut(M, 1);
            fmpq_mat_init(T, d[1], d[0]);
            fmpq_mat_mul(T, W1, Q);
            fmpq_mat_swap(T, W1);
            fmpq_mat_clear(T);
        }
        if (!fmpq_mat_equal(rs_net_product(M, L, 0), W))
            status = rs_error_set(err, RS_EINTERNAL,
                                  "internal error: the canonical point moved "
                                  "into the fiber of W does not compute W");
    }
    fmpq_mat_clear(P);
    fmpq_mat_clear(Q);
done:
    if (status == RS_OK)
        rs_net_swap(N, M);
    rs_net_clear(M);
    flint_free(d);
    return status;
}
