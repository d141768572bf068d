#include <string.h>

#include "rankstrat/barcode.h"

void rs_barcode_init(rs_barcode_t B, slong L)
{
    B->L = L;
    B->w = flint_calloc(rs_tri_size(L), sizeof(slong));
}

void rs_barcode_clear(rs_barcode_t B)
{
    flint_free(B->w);
}

void rs_barcode_set(rs_barcode_t B, const rs_barcode_t C)
{
    if (B == C)
        return;
    if (B->L != C->L) {
        flint_free(B->w);
        rs_barcode_init(B, C->L);
    }
    memcpy(B->w, C->w, rs_tri_size(C->L) * sizeof(slong));
}

int rs_barcode_equal(const rs_barcode_t B, const rs_barcode_t C)
{
    return B->L == C->L &&
           memcmp(B->w, C->w, rs_tri_size(B->L) * sizeof(slong)) == 0;
}

int rs_barcode_cmp(const rs_barcode_t B, const rs_barcode_t C)
{
    slong k, n;
    if (B->L != C->L)
        return B->L < C->L ? -1 : 1;
    n = rs_tri_size(B->L);
    for (k = 0; k < n; k++)
        if (B->w[k] != C->w[k])
            return B->w[k] < C->w[k] ? -1 : 1;
    return 0;
}

slong rs_barcode_get(const rs_barcode_t B, slong i, slong j)
{
    return B->w[rs_tri_index(i, j)];
}

void rs_barcode_set_entry(rs_barcode_t B, slong i, slong j, slong mult)
{
    B->w[rs_tri_index(i, j)] = mult;
}

void rs_barcode_widths(slong *d, const rs_barcode_t B)
{
    slong L = B->L, i, j, k, idx = 0;
    for (k = 0; k <= L; k++)
        d[k] = 0;
    /* difference array: a bar [i,j] adds w at i and removes it after j;
       the triangle is read in storage order (j, then i) */
    for (j = 0; j <= L; j++)
        for (i = 0; i <= j; i++) {
            slong w = B->w[idx++];
            d[i] += w;
            if (j + 1 <= L)
                d[j + 1] -= w;
        }
    for (k = 1; k <= L; k++)
        d[k] += d[k - 1];
}

slong rs_barcode_rank(const rs_barcode_t B)
{
    return rs_barcode_get(B, 0, B->L);
}

slong rs_barcode_num_strands(const rs_barcode_t B)
{
    slong k, n = rs_tri_size(B->L), s = 0;
    for (k = 0; k < n; k++)
        s += B->w[k];
    return s;
}
