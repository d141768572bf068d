#include <string.h>

#include "rankstrat/barcode.h"

/* Rank over F_2 of the rows of a bit matrix, each row `words` words long;
   the rows are destroyed. */
static slong f2_rank(ulong *rows, slong nrows, slong words)
{
    slong rank = 0, col, ncols = words * FLINT_BITS, i, w;
    for (col = 0; col < ncols && rank < nrows; col++) {
        slong wd = col / FLINT_BITS, piv = -1;
        ulong bit = UWORD(1) << (col % FLINT_BITS);
        for (i = rank; i < nrows; i++)
            if (rows[i * words + wd] & bit) {
                piv = i;
                break;
            }
        if (piv < 0)
            continue;
        for (w = 0; w < words; w++) {
            ulong t = rows[piv * words + w];
            rows[piv * words + w] = rows[rank * words + w];
            rows[rank * words + w] = t;
        }
        for (i = 0; i < nrows; i++)
            if (i != rank && (rows[i * words + wd] & bit))
                for (w = 0; w < words; w++)
                    rows[i * words + w] ^= rows[rank * words + w];
        rank++;
    }
    return rank;
}

slong rs_barcode_components_log2(const rs_barcode_t B)
{
    slong L = B->L, r = rs_barcode_rank(B), a, b, k, n = 0, nrows = 0;
    slong *d = flint_malloc((L + 1) * sizeof(slong));
    slong *col = flint_malloc((L + 1) * sizeof(slong));
    slong colA, colD, colE, words, rank;
    ulong *rows;

    rs_barcode_widths(d, B);
    /* Coordinates (docs/math.md section 3): one per nonempty hidden layer, then
       A (r > 0), D (d_L > r), E (d_0 > r). */
    for (k = 1; k <= L - 1; k++)
        col[k] = d[k] > 0 ? n++ : -1;
    colA = r > 0 ? n++ : -1;
    colD = d[L] > r ? n++ : -1;
    colE = d[0] > r ? n++ : -1;

    words = n / FLINT_BITS + 1;
    rows = flint_calloc(rs_tri_size(L) * words, sizeof(ulong));
    for (b = 0; b <= L; b++)
        for (a = 0; a <= b; a++) {
            ulong *row = rows + nrows * words;
            if (rs_barcode_get(B, a, b) == 0)
                continue;
            for (k = FLINT_MAX(a, 1); k <= FLINT_MIN(b, L - 1); k++)
                row[col[k] / FLINT_BITS] ^= UWORD(1) << (col[k] % FLINT_BITS);
#define RS_SET_BIT(c)                                                          \
    if ((c) >= 0)                                                              \
    row[(c) / FLINT_BITS] ^= UWORD(1) << ((c) % FLINT_BITS)
            if (a == 0 && b == L)
                RS_SET_BIT(colA);
            if (b == L && a >= 1)
                RS_SET_BIT(colD);
            if (a == 0 && b < L)
                RS_SET_BIT(colE);
#undef RS_SET_BIT
            nrows++;
        }
    rank = f2_rank(rows, nrows, words);
    flint_free(rows);
    flint_free(col);
    flint_free(d);
    return n - rank;
}

void rs_barcode_components(fmpz_t count, const rs_barcode_t B)
{
    fmpz_one(count);
    fmpz_mul_2exp(count, count, (ulong)rs_barcode_components_log2(B));
}
