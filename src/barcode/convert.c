#include "rankstrat/barcode.h"

void rs_barcode_from_ranks(rs_barcode_t B, const rs_ranks_t R)
{
    slong L = R->L, i, j;
    if (B->L != L) {
        rs_barcode_clear(B);
        rs_barcode_init(B, L);
    }
    for (j = 0; j <= L; j++)
        for (i = 0; i <= j; i++)
            rs_barcode_set_entry(
                B, i, j,
                rs_ranks_get(R, i, j) - rs_ranks_get(R, i, j + 1) -
                    rs_ranks_get(R, i - 1, j) + rs_ranks_get(R, i - 1, j + 1));
}

void rs_ranks_from_barcode(rs_ranks_t R, const rs_barcode_t B)
{
    slong L = B->L, i, j;
    if (R->L != L) {
        rs_ranks_clear(R);
        rs_ranks_init(R, L);
    }
    /* r_{ji} = sum of w_{j'i'} over i' <= i, j' >= j: a 2-D running sum,
       filled from the top row (j = L) down and from i = 0 up. */
    for (j = L; j >= 0; j--)
        for (i = 0; i <= j; i++)
            rs_ranks_set_entry(R, i, j,
                               rs_barcode_get(B, i, j) +
                                   rs_ranks_get(R, i, j + 1) +
                                   (i > 0 ? rs_ranks_get(R, i - 1, j) : 0) -
                                   (i > 0 ? rs_ranks_get(R, i - 1, j + 1) : 0));
}

int rs_barcode_is_valid(const rs_barcode_t B, const slong *d, slong r)
{
    slong L = B->L, k, n = rs_tri_size(L), ok = 1;
    slong *w = flint_malloc((L + 1) * sizeof(slong));
    for (k = 0; k < n; k++)
        if (B->w[k] < 0)
            ok = 0;
    if (ok) {
        rs_barcode_widths(w, B);
        for (k = 0; k <= L; k++)
            if (w[k] != d[k])
                ok = 0;
    }
    flint_free(w);
    return ok && rs_barcode_rank(B) == r;
}

int rs_ranks_is_valid(const rs_ranks_t R, const slong *d, slong r)
{
    slong L = R->L, i, j, ok = 1;
    rs_barcode_t B;
    for (i = 0; i <= L; i++)
        if (rs_ranks_get(R, i, i) != d[i])
            return 0;
    if (rs_ranks_get(R, 0, L) != r)
        return 0;
    rs_barcode_init(B, L);
    rs_barcode_from_ranks(B, R);
    for (j = 0; j <= L; j++)
        for (i = 0; i <= j; i++)
            if (rs_barcode_get(B, i, j) < 0)
                ok = 0;
    rs_barcode_clear(B);
    return ok;
}
