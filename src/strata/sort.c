/* The sorted order of the strata: decreasing dimension, then increasing
   rank list (packed lists compare lexicographically with memcmp). */
#include <string.h>

#include "rankstrat/strata.h"

#include "strata_internal.h"

void _rs_sort_slong(slong *perm, slong n,
                    int (*cmp)(slong a, slong b, const void *ctx),
                    const void *ctx)
{
    /* bottom-up merge sort: no recursion, stable, O(n log n) */
    slong *tmp = flint_malloc((n + 1) * sizeof(slong)), *src = perm, *dst = tmp,
          width, i;
    for (width = 1; width < n; width *= 2) {
        for (i = 0; i < n; i += 2 * width) {
            slong lo = i, mid = FLINT_MIN(i + width, n),
                  hi = FLINT_MIN(i + 2 * width, n), a = lo, b = mid, o = lo;
            while (a < mid && b < hi)
                dst[o++] = cmp(src[b], src[a], ctx) < 0 ? src[b++] : src[a++];
            while (a < mid)
                dst[o++] = src[a++];
            while (b < hi)
                dst[o++] = src[b++];
        }
        {
            slong *t = src;
            src = dst;
            dst = t;
        }
    }
    if (src != perm)
        memcpy(perm, src, n * sizeof(slong));
    flint_free(tmp);
}

static int cmp_strata(slong a, slong b, const void *ctx)
{
    const rs_strata_struct *S = ctx;
    slong bytes = S->m * S->width;
    if (S->dim[a] != S->dim[b])
        return S->dim[a] > S->dim[b] ? -1 : 1;
    return memcmp(S->ranks + a * bytes, S->ranks + b * bytes, bytes);
}

void rs_strata_sort(rs_strata_t S)
{
    slong n = S->n, bytes = S->m * S->width, k;
    slong *perm = flint_malloc((n + 1) * sizeof(slong));
    unsigned char *ranks = flint_malloc(n * bytes + 1);
    slong *dim = flint_malloc((n + 1) * sizeof(slong));
    for (k = 0; k < n; k++)
        perm[k] = k;
    _rs_sort_slong(perm, n, cmp_strata, S);
    for (k = 0; k < n; k++) {
        memcpy(ranks + k * bytes, S->ranks + perm[k] * bytes, bytes);
        dim[k] = S->dim[perm[k]];
    }
    flint_free(S->ranks);
    flint_free(S->dim);
    S->ranks = ranks;
    S->dim = dim;
    S->alloc = n;
    flint_free(perm);
    _rs_strata_rehash(S, S->table_size);
}
