/* Covering pairs by brute force: the closure order is rank dominance
   (docs/math.md section 4), compared over all pairs, and its transitive
   reduction is taken with bit sets.  The test oracle for the local rule. */
#include <string.h>

#include "rankstrat/strata.h"

#include "strata_internal.h"

static int dominated(const rs_strata_t S, slong x, slong y)
{
    slong bytes = S->m * S->width, p;
    const unsigned char *kx = S->ranks + x * bytes, *ky = S->ranks + y * bytes;
    for (p = 0; p < S->m; p++)
        if (_rs_strata_get(kx, p, S->width) > _rs_strata_get(ky, p, S->width))
            return 0;
    return 1;
}

void rs_strata_covers_naive(rs_covers_t C, const rs_strata_t S)
{
    slong n = S->n, words = n / FLINT_BITS + 1, x, y, z, w;
    ulong *up = flint_calloc((size_t)n * words + 1, sizeof(ulong));
    ulong *reach = flint_malloc((words + 1) * sizeof(ulong));
    C->n = 0;
    /* up[x] = strata strictly above x; distinct strata have distinct rank
       lists, so x <= y and x != y is strict */
    for (x = 0; x < n; x++)
        for (y = 0; y < n; y++)
            if (x != y && dominated(S, x, y))
                up[x * words + y / FLINT_BITS] |= UWORD(1) << (y % FLINT_BITS);
    for (x = 0; x < n; x++) {
        const ulong *ux = up + x * words;
        memset(reach, 0, words * sizeof(ulong));
        for (z = 0; z < n; z++)
            if (ux[z / FLINT_BITS] >> (z % FLINT_BITS) & 1)
                for (w = 0; w < words; w++)
                    reach[w] |= up[z * words + w];
        for (y = 0; y < n; y++)
            if ((ux[y / FLINT_BITS] >> (y % FLINT_BITS) & 1) &&
                !(reach[y / FLINT_BITS] >> (y % FLINT_BITS) & 1))
                _rs_covers_push(C, x, y);
    }
    flint_free(up);
    flint_free(reach);
}
