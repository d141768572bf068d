#include <string.h>

#include "rankstrat/barcode.h"

void rs_ranks_init(rs_ranks_t R, slong L)
{
    R->L = L;
    R->r = flint_calloc(rs_tri_size(L), sizeof(slong));
}

void rs_ranks_clear(rs_ranks_t R)
{
    flint_free(R->r);
}

void rs_ranks_set(rs_ranks_t R, const rs_ranks_t S)
{
    if (R == S)
        return;
    if (R->L != S->L) {
        flint_free(R->r);
        rs_ranks_init(R, S->L);
    }
    memcpy(R->r, S->r, rs_tri_size(S->L) * sizeof(slong));
}

int rs_ranks_equal(const rs_ranks_t R, const rs_ranks_t S)
{
    return R->L == S->L &&
           memcmp(R->r, S->r, rs_tri_size(R->L) * sizeof(slong)) == 0;
}

slong rs_ranks_get(const rs_ranks_t R, slong i, slong j)
{
    if (i < 0 || j > R->L)
        return 0;
    return R->r[rs_tri_index(i, j)];
}

void rs_ranks_set_entry(rs_ranks_t R, slong i, slong j, slong value)
{
    R->r[rs_tri_index(i, j)] = value;
}

int rs_ranks_leq(const rs_ranks_t R, const rs_ranks_t S)
{
    slong i, j;
    if (R->L != S->L)
        return 0;
    for (j = 1; j <= R->L; j++)
        for (i = 0; i < j; i++)
            if (rs_ranks_get(R, i, j) > rs_ranks_get(S, i, j))
                return 0;
    return 1;
}

void rs_ranks_transpose(rs_ranks_t RT, const rs_ranks_t R)
{
    slong L = R->L, i, j;
    rs_ranks_t T;
    rs_ranks_init(T, L);
    for (j = 0; j <= L; j++)
        for (i = 0; i <= j; i++)
            rs_ranks_set_entry(T, L - j, L - i, rs_ranks_get(R, i, j));
    rs_ranks_set(RT, T);
    rs_ranks_clear(T);
}
