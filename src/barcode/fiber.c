#include "rankstrat/barcode.h"

int rs_fiber_is_nonempty(const slong *d, slong L, slong r)
{
    slong k;
    if (r < 0)
        return 0;
    for (k = 0; k <= L; k++)
        if (d[k] < r)
            return 0;
    return 1;
}

int rs_fiber_is_smooth(const slong *d, slong L, slong r)
{
    slong k, m = d[0];
    for (k = 1; k <= L; k++)
        m = FLINT_MIN(m, d[k]);
    return L == 1 || r == m;
}

/* Cost of one transition of the programme below: t strands die at layer k
   (x of them born at layer 0), s strands of later birth are alive at k. */
static slong step_cost(slong t, slong x, slong s, slong ek, slong ek1)
{
    return (ek1 - ek + t) * t + x * (s - (t - x));
}

/* For r = 0 (after the reduction of docs/math.md section 3) the
   codimension of a stratum is the number of ordered strand pairs (I, J)
   with a < c <= b + 1 <= e, i.e. "J is born while I is alive, or right after
   I dies, and outlives I".  Pairs with J born right after I dies contribute
   (newborns at k+1) x (deaths at k), fixed by rank W_{k+1}.  The other pairs
   vanish when deaths are last-in-first-out; only the strands born at layer
   0 must break that order, since none of them may reach layer L.  Killing
   one of them costs one per younger strand that survives it.  So an optimal
   barcode is found by a programme over layers whose state is the number z
   of layer-0 strands still alive; the rest are interchangeable. */
slong rs_fiber_dim(const slong *d, slong L, slong r)
{
    slong k, z, x, N = rs_weight_space_dim(d, L), best;
    slong emax = 0, *cost, *next;
    const slong inf = WORD_MAX;

    for (k = 0; k <= L; k++)
        emax = FLINT_MAX(emax, d[k] - r);
    cost = flint_malloc((emax + 1) * sizeof(slong));
    next = flint_malloc((emax + 1) * sizeof(slong));
    for (z = 0; z <= emax; z++)
        cost[z] = inf;
    cost[d[0] - r] = 0;

    for (k = 0; k < L; k++) {
        slong ek = d[k] - r, ek1 = d[k + 1] - r;
        for (z = 0; z <= ek1; z++)
            next[z] = inf;
        for (z = 0; z <= ek; z++) {
            slong s = ek - z;
            if (cost[z] == inf)
                continue;
            for (x = 0; x <= z; x++) {
                slong zn = z - x, lo, hi, t, c;
                if (zn > ek1 || (k + 1 == L && zn != 0))
                    continue;
                lo = FLINT_MAX(x, ek - ek1);
                hi = x + s;
                if (lo > hi)
                    continue;
                /* step_cost is a convex quadratic in t with its minimum
                   at (ek - ek1 + x) / 2 */
                t = (ek - ek1 + x) / 2;
                t = FLINT_MAX(lo, FLINT_MIN(hi, t));
                c = step_cost(t, x, s, ek, ek1);
                if (t + 1 <= hi)
                    c = FLINT_MIN(c, step_cost(t + 1, x, s, ek, ek1));
                if (t - 1 >= lo)
                    c = FLINT_MIN(c, step_cost(t - 1, x, s, ek, ek1));
                if (cost[z] + c < next[zn])
                    next[zn] = cost[z] + c;
            }
        }
        for (z = 0; z <= emax; z++)
            cost[z] = z <= ek1 ? next[z] : inf;
    }
    best = cost[0];
    flint_free(cost);
    flint_free(next);
    return N - best - r * (d[0] + d[L] - r);
}
