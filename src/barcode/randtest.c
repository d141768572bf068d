#include "rankstrat/barcode.h"

/* The layer-by-layer process of docs/math.md section 2: at each layer, which
   alive strands die is random. */
int rs_barcode_randtest(rs_barcode_t B, const slong *d, slong L, slong r,
                        flint_rand_t state)
{
    slong k, i, *a, *n;
    for (k = 0; k <= L; k++)
        if (d[k] < r || r < 0)
            return 0;
    a = flint_calloc(L + 1, sizeof(slong));
    n = flint_calloc(L + 1, sizeof(slong));
    rs_barcode_clear(B);
    rs_barcode_init(B, L);
    a[0] = d[0];
    for (k = 0; k < L; k++) {
        slong budget = d[k + 1];
        /* class 0 keeps at least r strands and exactly r at the end */
        slong hi0 = FLINT_MIN(a[0], budget);
        n[0] = (k + 1 == L) ? r : r + (slong)n_randint(state, hi0 - r + 1);
        budget -= n[0];
        for (i = 1; i <= k; i++) {
            slong hi = FLINT_MIN(a[i], budget);
            n[i] = (slong)n_randint(state, hi + 1);
            budget -= n[i];
        }
        n[k + 1] = budget;
        for (i = 0; i <= k; i++)
            rs_barcode_set_entry(B, i, k, a[i] - n[i]);
        for (i = 0; i <= k + 1; i++)
            a[i] = n[i];
    }
    for (i = 0; i <= L; i++)
        rs_barcode_set_entry(B, i, L, a[i]);
    flint_free(a);
    flint_free(n);
    return 1;
}
