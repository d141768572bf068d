#include "rankstrat/barcode.h"

void rs_barcode_transpose(rs_barcode_t BT, const rs_barcode_t B)
{
    slong L = B->L, i, j;
    rs_barcode_t T;
    rs_barcode_init(T, L);
    for (j = 0; j <= L; j++)
        for (i = 0; i <= j; i++)
            rs_barcode_set_entry(T, L - j, L - i, rs_barcode_get(B, i, j));
    rs_barcode_set(BT, T);
    rs_barcode_clear(T);
}

void rs_barcode_reduce(rs_barcode_t R, const rs_barcode_t B)
{
    rs_barcode_set(R, B);
    rs_barcode_set_entry(R, 0, R->L, 0);
}

void rs_barcode_lift(rs_barcode_t B, const rs_barcode_t R, slong r)
{
    rs_barcode_set(B, R);
    rs_barcode_set_entry(B, 0, B->L, rs_barcode_get(B, 0, B->L) + r);
}
