/* The first form of the counting programme of count.c, kept as an
   independent test oracle for the dense programme (count_dp.c): the same
   mathematics (a layer step is the plethystic shift f -> f[X + 1] then
   Pieri multiplication, both running sums over partitions in the Schur
   basis, two halves paired by the Hall inner product), but states are
   kept sparsely in hash maps (count_map.c) with fmpz values and the two
   halves always meet at a layer chosen by a different rule.  Not used by
   rs_strata_count. */
#include <math.h>
#include <string.h>

#include "rankstrat/strata.h"

#include "strata_internal.h"

typedef struct {
    slong work, budget;
    int over;
} budget_t;

static void key_copy_resized(uint32_t *dst, slong Pd, const uint32_t *src,
                             slong Ps)
{
    slong k;
    for (k = 0; k < Pd; k++)
        dst[k] = k < Ps ? src[k] : 0;
}

static slong key_sum(const uint32_t *x, slong P, slong upto)
{
    slong k, s = 0;
    for (k = 0; k < upto && k < P; k++)
        s += x[k];
    return s;
}

/* Keeps the entries of M whose first `prefix` coordinates sum to at most
   bound (exactly bound if `exact`) and whose value is nonzero, shortening
   the keys to Pn coordinates (those beyond must then be zero). */
static void filter(rs_pmap_t M, slong Pn, slong prefix, slong bound, int exact)
{
    slong k, P = M->P;
    char *keep = flint_malloc(M->n + 1);
    for (k = 0; k < M->n; k++) {
        slong s = key_sum(M->keys + k * P, P, prefix);
        keep[k] =
            !fmpz_is_zero(M->vals + k) && s <= bound && (!exact || s == bound);
    }
    _rs_pmap_compact(M, keep, Pn);
    flint_free(keep);
}

/* Bucket order of the entries of M by coordinate i (counting sort). */
static slong *order_by(const rs_pmap_t M, slong i, int decreasing)
{
    slong n = M->n, P = M->P, k, v, maxv = 0, *cnt, *ord;
    for (k = 0; k < n; k++)
        maxv = FLINT_MAX(maxv, (slong)M->keys[k * P + i]);
    cnt = flint_calloc(maxv + 2, sizeof(slong));
    ord = flint_malloc((n + 1) * sizeof(slong));
    for (k = 0; k < n; k++) {
        v = M->keys[k * P + i];
        cnt[(decreasing ? maxv - v : v) + 1]++;
    }
    for (v = 0; v <= maxv; v++)
        cnt[v + 1] += cnt[v];
    for (k = 0; k < n; k++) {
        v = M->keys[k * P + i];
        ord[cnt[decreasing ? maxv - v : v]++] = k;
    }
    flint_free(cnt);
    return ord;
}

/* One running sum along coordinate i over non-increasing sequences, in
   place on M: down (suffix sums, f(x) <- sum_{y >= x_i} f(x[i<-y]), the
   line running down to the next coordinate; only points whose coordinates
   0..i sum to at most `bound` are wanted, so values above that are first
   moved down to the highest wanted point of their line, which leaves the
   wanted suffix sums unchanged) or up (prefix sums, f(x) <- sum_{y <= x_i}
   f(x[i<-y]), the line running up to the previous coordinate, sequences
   kept to sum <= bound). */
static void running_sum(rs_pmap_t M, slong i, int down, slong bound)
{
    slong P = M->P, n0 = M->n, k, t, j;
    int is_new;
    uint32_t *key = flint_malloc((P + 1) * sizeof(uint32_t));
    slong *ord;
    if (down)
        for (k = 0; k < n0 && !*M->over; k++) {
            slong top;
            memcpy(key, M->keys + k * P, P * sizeof(uint32_t));
            top = bound - key_sum(key, P, i);
            if ((slong)key[i] <= top)
                continue;
            if (top >= (i + 1 < P ? (slong)key[i + 1] : 0)) {
                key[i] = (uint32_t)top;
                j = _rs_pmap_insert(M, key, NULL);
                fmpz_add(M->vals + j, M->vals + j, M->vals + k);
            }
            fmpz_zero(M->vals + k);
        }
    /* complete every line: from each point walk along the line until a
       point already present (which completes the rest) */
    for (k = 0; k < M->n && !*M->over; k++) {
        memcpy(key, M->keys + k * P, P * sizeof(uint32_t));
        if (down) {
            slong lo = i + 1 < P ? (slong)key[i + 1] : 0;
            if ((slong)key[i] > bound - key_sum(key, P, i))
                continue; /* emptied above */
            for (t = (slong)key[i] - 1; t >= lo; t--) {
                key[i] = (uint32_t)t;
                _rs_pmap_insert(M, key, &is_new);
                if (!is_new)
                    break;
            }
        } else {
            slong s;
            if (k >= n0)
                break;
            s = key_sum(key, P, P) - key[i];
            for (t = (slong)key[i] + 1;
                 (i == 0 || t <= (slong)key[i - 1]) && s + t <= bound; t++) {
                key[i] = (uint32_t)t;
                _rs_pmap_insert(M, key, &is_new);
                if (!is_new)
                    break;
            }
        }
    }
    if (*M->over) {
        flint_free(key);
        return;
    }
    ord = order_by(M, i, down);
    for (k = 0; k < M->n; k++) {
        slong id = ord[k], nb;
        memcpy(key, M->keys + id * P, P * sizeof(uint32_t));
        if (down)
            key[i]++;
        else if (key[i] == 0)
            continue;
        else
            key[i]--;
        nb = _rs_pmap_find(M, key);
        if (nb >= 0)
            fmpz_add(M->vals + id, M->vals + id, M->vals + nb);
    }
    flint_free(ord);
    flint_free(key);
}

/* One layer: alpha (partitions of e_k, length P) to alpha' (partitions of
   e1 = e_{k+1}), in place. */
static void layer_step(rs_pmap_t A, slong e1, budget_t *b)
{
    slong P = A->P, i, k, u, Pn = P + 1;
    uint32_t *key = flint_malloc((Pn + 1) * sizeof(uint32_t));
    rs_pmap_t T;
    /* skew by horizontal strips: s_nu -> sum of s_kappa, kappa interlacing
       nu from below; keep |kappa| <= e1 */
    for (i = 0; i < P && !b->over; i++) {
        running_sum(A, i, 1, e1);
        if (!b->over)
            filter(A, P, i + 1, e1, 0);
    }
    /* Pieri: s_kappa h_n adds a horizontal strip.  The new sequences have
       one more coordinate: first an extra lowest one u in [0, kappa_P],
       then running sums up each coordinate from P - 1 to 1 */
    _rs_pmap_init(T, Pn, &b->work, b->budget, &b->over);
    for (k = 0; k < A->n && !b->over; k++) {
        const uint32_t *x = A->keys + k * P;
        slong s = key_sum(x, P, P);
        memcpy(key, x, P * sizeof(uint32_t));
        for (u = 0; u <= (slong)x[P - 1] && s + u <= e1; u++) {
            slong j;
            key[P] = (uint32_t)u;
            j = _rs_pmap_insert(T, key, NULL);
            fmpz_set(T->vals + j, A->vals + k);
        }
    }
    _rs_pmap_clear(A);
    *A = *T;
    for (i = P - 1; i >= 1 && !b->over; i--)
        running_sum(A, i, 0, e1);
    /* the last running sum (coordinate 0, no upper end) is only needed at
       |nu'| = e1: the whole line below that point, so aggregate */
    if (!b->over) {
        _rs_pmap_init(T, FLINT_MAX(1, FLINT_MIN(Pn, e1)), &b->work, b->budget,
                      &b->over);
        for (k = 0; k < A->n && !b->over; k++) {
            const uint32_t *x = A->keys + k * Pn;
            slong top = e1 - (key_sum(x, Pn, Pn) - x[0]), j;
            if (fmpz_is_zero(A->vals + k) || top < (Pn > 1 ? (slong)x[1] : 0))
                continue;
            memcpy(key, x, Pn * sizeof(uint32_t));
            key[0] = (uint32_t)top;
            j = _rs_pmap_insert(T, key, NULL);
            fmpz_add(T->vals + j, T->vals + j, A->vals + k);
        }
        _rs_pmap_clear(A);
        *A = *T;
    }
    flint_free(key);
}

/* The Schur expansion after layer m of the process started at f[0]. */
static void forward(rs_pmap_t A, const slong *f, slong m, budget_t *b)
{
    slong k;
    uint32_t key = (uint32_t)f[0];
    _rs_pmap_init(A, 1, &b->work, b->budget, &b->over);
    k = _rs_pmap_insert(A, &key, NULL);
    fmpz_one(A->vals + k);
    for (k = 0; k < m && !b->over; k++)
        layer_step(A, f[k + 1], b);
}

/* log of a rough size of the state space at width e with P parts */
static double state_size(slong P, slong e)
{
    P = FLINT_MIN(P, e);
    if (P <= 0)
        return 0.0;
    return lgamma((double)(e + P + 1)) - lgamma((double)(e + 1)) -
           2 * lgamma((double)(P + 1));
}

/* C(f) for a segment f[0..M] of positive widths, M >= 1. */
static void count_segment(fmpz_t c, const slong *f, slong M, budget_t *b)
{
    slong m, best = 0, k, i;
    double best_cost = HUGE_VAL;
    slong *rev;
    rs_pmap_t A, B;
    uint32_t *key;

    if (M == 1) { /* only the multiplicity of [0, 1] is free */
        fmpz_set_si(c, FLINT_MIN(f[0], f[1]) + 1);
        return;
    }
    for (m = 0; m <= M; m++) {
        double cost = 0.0;
        for (k = 0; k <= m; k++)
            cost = FLINT_MAX(cost, state_size(k + 2, f[k]));
        for (k = m; k <= M; k++)
            cost = FLINT_MAX(cost, state_size(M - k + 2, f[k]));
        if (cost < best_cost) {
            best_cost = cost;
            best = m;
        }
    }
    rev = flint_malloc((M + 1) * sizeof(slong));
    for (k = 0; k <= M; k++)
        rev[k] = f[M - k];
    forward(A, f, best, b);
    forward(B, rev, M - best, b);
    fmpz_zero(c);
    if (!b->over) {
        /* Hall inner product: Schur functions are orthonormal */
        slong P = FLINT_MAX(A->P, B->P);
        key = flint_malloc((P + 1) * sizeof(uint32_t));
        for (k = 0; k < A->n; k++) {
            const uint32_t *x = A->keys + k * A->P;
            slong j;
            for (i = B->P; i < A->P; i++)
                if (x[i] != 0)
                    break;
            if (i < A->P)
                continue;
            key_copy_resized(key, B->P, x, A->P);
            j = _rs_pmap_find(B, key);
            if (j >= 0)
                fmpz_addmul(c, A->vals + k, B->vals + j);
        }
        flint_free(key);
    }
    _rs_pmap_clear(A);
    _rs_pmap_clear(B);
    flint_free(rev);
}

int _rs_strata_count_bars_hash(fmpz_t count, const slong *e, slong L,
                               slong max_work)
{
    slong k, start;
    budget_t b;
    fmpz_t c;
    b.work = 0;
    b.budget = max_work;
    b.over = 0;
    fmpz_one(count);
    for (k = 0; k <= L; k++)
        if (e[k] < 0) {
            fmpz_zero(count);
            return RS_OK;
        }
    fmpz_init(c);
    /* no bar crosses a layer of width 0 */
    for (start = 0; start <= L && !b.over; start = k + 1) {
        for (k = start; k <= L && e[k] > 0; k++)
            ;
        if (k - 1 > start) {
            count_segment(c, e + start, k - 1 - start, &b);
            fmpz_mul(count, count, c);
        }
    }
    fmpz_clear(c);
    if (b.over)
        fmpz_zero(count);
    return b.over ? RS_ELIMIT : RS_OK;
}
