#include "rankstrat/barcode.h"

void rs_barcode_set_minimal(rs_barcode_t B, const slong *d, slong L, slong r)
{
    slong k;
    rs_barcode_clear(B);
    rs_barcode_init(B, L);
    rs_barcode_set_entry(B, 0, L, r);
    for (k = 0; k <= L; k++)
        rs_barcode_set_entry(B, k, k, rs_barcode_get(B, k, k) + d[k] - r);
}

int rs_barcode_is_minimal(const rs_barcode_t B)
{
    slong L = B->L, r = rs_barcode_rank(B), i, j;
    for (j = 0; j <= L; j++)
        for (i = 0; i <= j; i++) {
            if (i == j || (i == 0 && j == L))
                continue;
            if (rs_barcode_get(B, i, j) != 0)
                return 0;
        }
    (void)r;
    return 1;
}

int rs_barcode_merge_applies(const rs_barcode_t B, slong a, slong b, slong c,
                             slong e)
{
    slong L = B->L;
    if (!(0 <= a && a < c && c <= b + 1 && b + 1 <= e && e <= L))
        return 0;
    if (a == 0 && e == L)
        return 0; /* would raise rank W: leaves the fiber */
    return rs_barcode_get(B, a, b) > 0 && rs_barcode_get(B, c, e) > 0;
}

void rs_barcode_merge(rs_barcode_t M, const rs_barcode_t B, slong a, slong b,
                      slong c, slong e)
{
    rs_barcode_set(M, B);
    rs_barcode_set_entry(M, a, b, rs_barcode_get(M, a, b) - 1);
    rs_barcode_set_entry(M, c, e, rs_barcode_get(M, c, e) - 1);
    rs_barcode_set_entry(M, a, e, rs_barcode_get(M, a, e) + 1);
    if (c <= b)
        rs_barcode_set_entry(M, c, b, rs_barcode_get(M, c, b) + 1);
}

int rs_barcode_is_maximal(const rs_barcode_t B)
{
    slong L = B->L, a, b, c, e;
    for (b = 0; b <= L; b++)
        for (a = 0; a <= b; a++) {
            if (rs_barcode_get(B, a, b) == 0)
                continue;
            for (c = a + 1; c <= b + 1 && c <= L; c++)
                for (e = FLINT_MAX(b + 1, c); e <= L; e++)
                    if (rs_barcode_merge_applies(B, a, b, c, e))
                        return 0;
        }
    return 1;
}
