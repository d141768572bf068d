#include "rankstrat/barcode.h"

int rs_dims_check(const slong *d, slong L, const char *what, rs_error_t err)
{
    slong k, total = 0;
    if (L < 1)
        return rs_error_set(err, RS_EINPUT,
                            "%s: expected at least two widths d_0, d_1", what);
    if (L > RS_MAX_LAYERS)
        return rs_error_set(err, RS_ELIMIT,
                            "%s: %ld layers requested; at most %ld supported",
                            what, (long)L, (long)RS_MAX_LAYERS);
    for (k = 0; k <= L; k++) {
        if (d[k] < 0)
            return rs_error_set(err, RS_EINPUT,
                                "%s: width d_%ld = %ld is negative", what,
                                (long)k, (long)d[k]);
        if (d[k] > RS_MAX_TOTAL_WIDTH - total)
            return rs_error_set(
                err, RS_ELIMIT,
                "%s: total width exceeds %ld at d_%ld; widths this large "
                "are not supported",
                what, (long)RS_MAX_TOTAL_WIDTH, (long)k);
        total += d[k];
    }
    return RS_OK;
}

slong rs_weight_space_dim(const slong *d, slong L)
{
    slong k, N = 0;
    for (k = 1; k <= L; k++)
        N += d[k] * d[k - 1];
    return N;
}

slong rs_ranks_dim(const rs_ranks_t R)
{
    slong L = R->L, i, j, k, N = 0, loss = 0;
    slong r = rs_ranks_get(R, 0, L);
    for (k = 1; k <= L; k++)
        N += rs_ranks_get(R, k, k) * rs_ranks_get(R, k - 1, k - 1);
    for (j = 1; j <= L; j++)
        for (i = 0; i < j; i++) {
            slong rji = rs_ranks_get(R, i, j);
            loss += (rs_ranks_get(R, i, j - 1) - rji) *
                    (rs_ranks_get(R, i + 1, j) - rji);
        }
    return N - loss - r * (rs_ranks_get(R, 0, 0) + rs_ranks_get(R, L, L) - r);
}

slong rs_barcode_dim(const rs_barcode_t B)
{
    slong L = B->L, a, b, c, e, k, r = rs_barcode_rank(B), sq = 0, end = 0,
          idx = 0;
    slong *d = flint_malloc((L + 1) * sizeof(slong));
    rs_barcode_widths(d, B);
    for (k = 0; k <= L; k++)
        sq += d[k] * d[k];
    /* End = sum over ordered bar pairs I=[a,b], J=[c,e] with
       c <= a <= e <= b of w_I w_J: dim Hom between interval modules. */
    for (b = 0; b <= L; b++)
        for (a = 0; a <= b; a++) {
            slong wI = B->w[idx++]; /* storage order: (b, then a) */
            if (wI == 0)
                continue;
            for (e = a; e <= b; e++)
                for (c = 0; c <= a; c++)
                    end += wI * rs_barcode_get(B, c, e);
        }
    sq = sq - end - r * (d[0] + d[L] - r);
    flint_free(d);
    return sq;
}

slong rs_barcode_codim(const rs_barcode_t B)
{
    slong L = B->L, N;
    slong *d = flint_malloc((L + 1) * sizeof(slong));
    rs_barcode_widths(d, B);
    N = rs_weight_space_dim(d, L);
    flint_free(d);
    return N - rs_barcode_dim(B);
}

slong rs_reduction_shift(const slong *d, slong L, slong r)
{
    slong k, s = 0;
    for (k = 1; k <= L - 1; k++)
        s += r * (2 * d[k] - r);
    return s;
}
