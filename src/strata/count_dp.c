/* The dense form of the counting programme of count.c, for one segment of
   positive widths f[0..M].

   Levels.  One side of the programme passes through the levels
   lambda^(0) = (f_0), kappa^(0), lambda^(1), kappa^(1), ...: level 2k is
   the Schur expansion after layer k (support: partitions of f_k), level
   2k + 1 the one after the skew f -> f[X + 1] of layer k's successor step,
   restricted to degrees <= min(f_k, f_{k+1}) (the kappa that the Pieri
   step starts from).  The numbers counted are those of the chains
   lambda^(0) > kappa^(0) < lambda^(1) > kappa^(1) < ... < lambda^(M) =
   (f_M), each step a horizontal strip and |lambda^(k)| = f_k; both halves
   run to one level and are paired there by the Hall inner product (a sum
   of products over common partitions).  Reversing f reverses the chains,
   so the right half of f is the left half of the reversed widths, and
   when f is a palindrome and the halves meet in the middle they are the
   same array.

   Supports.  Part i of lambda^(k) comes from a group of strands born at
   least i layers earlier, and indeed the interlacing gives lambda^(k)_i <=
   kappa^(k-1)_{i-1} <= lambda^(k-1)_{i-1}, so lambda^(k)_i <= B_i =
   min(f_{k-i}, ..., f_k); kappa^(k)_i <= min(B_i, f_{k+1}).  A level's
   array holds the non-increasing sequences z with z_i <= B_i and sum <= S,
   laid out in lexicographic order (z_0 slowest): the sequences with z_d =
   v form a block of those with entries z_{d+1}.. <= min(v, B_{d+1}) and
   sum <= (budget) - v.  A per-array table of block sizes N_d(m, b)
   (depths 1 .. P - 2, budgets up to what the bounds allow; the last depth
   is a closed form) gives every offset, so no index is ever searched for.

   Running sums.  The skew of layer k is a running sum down each
   coordinate i = 0, 1, .. (f(z) <- sum_{y >= z_i} f(z[i <- y]), the line
   bounded by z_{i-1}); the mixed sequences (kappa_0..kappa_i, nu_{i+1}..)
   it passes through are <= nu coordinatewise, so they stay in lambda^(k)'s
   set and points of a line beyond it carry zero.  The Pieri step runs up
   coordinates Q - 1, .., 0 (f(z) <- sum_{y <= z_i} f(z[i <- y])) in
   lambda^(k+1)'s set, which holds its mixed sequences (kappa_0..
   kappa_{i-1}, mu_i..) (sum <= |mu|, kappa's bounds are the tighter
   ones); the new last coordinate's pass is a plain copy along it.  At the
   last level everything off the slice |mu| = f_{k+1} is then cleared;
   elsewhere the next skew's first pass only spreads the slice value (the
   total of its coordinate-0 line) over the line, and only z_0 <=
   max(kappa_0 before, kappa_0 after) matters, so B_0 is that there.
   Inside a block of fixed z_0..z_{i-1} a running sum pairs the sub-block
   z_i = y with z_i = y + 1 (or y - 1) and walks both in step; their common
   sequences come in contiguous runs at the innermost coordinate.  A
   partition of S has at most S parts, so P never exceeds S.

   Exactness.  Values are nonnegative integers of n limbs each.  A running
   sum along a line of at most l points replaces each value by a sum of at
   most l values, so if all were < 2^B before, all are < 2^(B + clog2 l)
   after; a pass first widens the array when that bound would not fit in
   its limbs (after measuring the actual B), so no sum ever overflows.
   Copies and clearing do not increase values; the pairing accumulates in
   enough limbs for any sum of fewer than 2^63 products. */
#include <gmp.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "rankstrat/compat.h"
#include "rankstrat/strata.h"

#include "strata_internal.h"

/* counts at or beyond SAT are "too large" (beyond any budget) */
#define SAT (WORD_MAX / 4)

static slong sat_add(slong a, slong b)
{
    return a >= SAT - b ? SAT : a + b;
}

/* ---- shapes: the set of one level and its block sizes -------------- */

typedef struct {
    slong P, S;  /* P entries, sum <= S */
    slong *B;    /* S >= B[0] >= B[1] >= ... >= B[P-1] >= 1: entry bounds */
    slong *cap;  /* cap[d]: the largest sum of z_d..z_{P-1}, min(S, ..) */
    slong **tab; /* tab[d], 1 <= d <= P - 2: N_d(m, b) at m (cap + 1) + b */
    slong len;   /* the number of sequences (SAT if too many) */
} shape;

/* the largest sum of entries d.. that the bounds allow, at most S */
static slong suffix_cap(slong P, slong S, const slong *B, slong d)
{
    slong j, c = 0;
    for (j = d; j < P && c < S; j++)
        c += B[j];
    return FLINT_MIN(c, S);
}

/* The number of table entries of a shape (0 below three entries). */
static double shape_table_cost(slong P, slong S, const slong *B)
{
    double c = 0.0;
    slong d;
    for (d = 1; d <= P - 2; d++)
        c += ((double)B[d] + 1) * ((double)suffix_cap(P, S, B, d) + 1);
    return c;
}

/* N_d(m, b): sequences z_d..z_{P-1}, z_d <= m (m <= B_d), z_j <= B_j, sum
   <= b, b >= 0 (a budget beyond what the bounds allow changes nothing). */
static inline slong nt(const shape *X, slong d, slong m, slong b)
{
    slong c;
    if (d >= X->P - 1)
        return d == X->P ? 1 : FLINT_MIN(m, b) + 1;
    c = X->cap[d];
    return X->tab[d][m * (c + 1) + FLINT_MIN(b, c)];
}

/* The bound of the sub-block below entry value v at depth d. */
static inline slong sub_max(const shape *X, slong d, slong v)
{
    return d + 1 < X->P ? FLINT_MIN(v, X->B[d + 1]) : 0;
}

static void shape_init(shape *X, slong P, slong S, const slong *B)
{
    slong d, m, b, v, c;
    X->P = P;
    X->S = S;
    X->B = flint_malloc(P * sizeof(slong));
    memcpy(X->B, B, P * sizeof(slong));
    X->cap = flint_malloc(P * sizeof(slong));
    for (d = 0; d < P; d++)
        X->cap[d] = suffix_cap(P, S, B, d);
    X->tab = flint_calloc(P, sizeof(slong *));
    for (d = P - 2; d >= 1; d--) {
        slong *t;
        c = X->cap[d];
        t = flint_malloc((B[d] + 1) * (c + 1) * sizeof(slong));
        X->tab[d] = t;
        for (b = 0; b <= c; b++)
            t[b] = 1; /* m = 0: all zero */
        for (m = 1; m <= B[d]; m++)
            for (b = 0; b <= c; b++) {
                slong x = t[(m - 1) * (c + 1) + b];
                /* z_d = m: the rest are <= min(m, B_{d+1}), sum <= b - m */
                if (m <= b)
                    x = sat_add(x, nt(X, d + 1, sub_max(X, d, m), b - m));
                t[m * (c + 1) + b] = x;
            }
    }
    X->len = 0;
    for (v = 0; v <= B[0]; v++)
        X->len = sat_add(X->len, nt(X, 1, sub_max(X, 0, v), S - v));
}

static void shape_clear(shape *X)
{
    slong d;
    for (d = 0; d < X->P; d++)
        flint_free(X->tab[d]);
    flint_free(X->tab);
    flint_free(X->cap);
    flint_free(X->B);
}

/* ---- value arrays ------------------------------------------------- */

typedef struct {
    shape sh;
    slong n;    /* limbs per value */
    slong bits; /* every value is < 2^bits */
    ulong *v;   /* value k at v + k n, lexicographic order */
} cvec;

/* len values of n limbs, as a count of limbs (a request no machine can
   meet, which the allocator reports, if that overflows) */
static size_t limbs(slong len, slong n)
{
    return len > (slong)(SIZE_MAX / sizeof(ulong)) / n ? SIZE_MAX
                                                       : (size_t)len * n;
}

static void cvec_init(cvec *X, slong P, slong S, const slong *B, slong n)
{
    shape_init(&X->sh, P, S, B);
    X->n = n;
    X->bits = 0;
    X->v = flint_calloc(limbs(X->sh.len, n), sizeof(ulong));
}

static void cvec_clear(cvec *X)
{
    flint_free(X->v);
    shape_clear(&X->sh);
}

/* The exact bit length of the largest value. */
static slong cvec_bits(const cvec *X)
{
    slong j, k, n = X->n;
    for (j = n - 1; j >= 0; j--) {
        ulong acc = 0;
        for (k = 0; k < X->sh.len; k++)
            acc |= X->v[k * n + j];
        if (acc != 0)
            return j * FLINT_BITS + FLINT_BIT_COUNT(acc);
    }
    return 0;
}

static void cvec_widen(cvec *X, slong n2)
{
    slong k, n = X->n;
    size_t m = limbs(X->sh.len, n2);
    X->v = flint_realloc(X->v, m < SIZE_MAX ? m * sizeof(ulong) : SIZE_MAX);
    for (k = X->sh.len - 1; k >= 0; k--) {
        memmove(X->v + k * n2, X->v + k * n, n * sizeof(ulong));
        memset(X->v + k * n2 + n, 0, (n2 - n) * sizeof(ulong));
    }
    X->n = n2;
}

/* Makes room for values up to 2^(bits + g). */
static void cvec_reserve(cvec *X, slong g)
{
    if (X->bits + g <= X->n * FLINT_BITS)
        return;
    X->bits = cvec_bits(X);
    if (X->bits + g > X->n * FLINT_BITS)
        cvec_widen(X, (X->bits + g + FLINT_BITS - 1) / FLINT_BITS);
}

static slong clog2(slong x)
{
    slong g = 0;
    while ((WORD(1) << g) < x)
        g++;
    return g;
}

/* one value of n limbs: d += s (no carry leaves it) */
static inline void add_one(ulong *d, const ulong *s, slong n)
{
    slong j;
    ulong c = 0;
    for (j = 0; j < n; j++) {
        ulong x = d[j] + c;
        c = x < c;
        x += s[j];
        c += x < s[j];
        d[j] = x;
    }
}

/* d[0..len) += s[0..len), values of n limbs; the usual small n get loops
   the compiler can unroll */
static void add_run(ulong *d, const ulong *s, slong len, slong n)
{
    slong k;
    switch (n) {
    case 1:
        for (k = 0; k < len; k++)
            d[k] += s[k];
        break;
    case 2:
        for (k = 0; k < len; k++)
            add_one(d + 2 * k, s + 2 * k, 2);
        break;
    case 3:
        for (k = 0; k < len; k++)
            add_one(d + 3 * k, s + 3 * k, 3);
        break;
    case 4:
        for (k = 0; k < len; k++)
            add_one(d + 4 * k, s + 4 * k, 4);
        break;
    default:
        for (k = 0; k < len; k++)
            add_one(d + n * k, s + n * k, n);
    }
}

/* ---- running sums ------------------------------------------------- */

/* the kinds of pass */
enum { SUM_UP, SUM_DOWN, COPY_DOWN };

typedef struct {
    const shape *X;
    ulong *v;
    slong n, i;
    int kind;
    slong *off; /* scratch, B_0 + 2 entries */
} pass_ctx;

static void run_op(const pass_ctx *c, slong a1, slong a2, slong len)
{
    if (c->kind == COPY_DOWN)
        memcpy(c->v + a1 * c->n, c->v + a2 * c->n, len * c->n * sizeof(ulong));
    else
        add_run(c->v + a1 * c->n, c->v + a2 * c->n, len, c->n);
}

/* Adds (or copies) the values of the block at depth d with budget b2 at
   a2 to those of the same sequences (largest entry <= m) of the block with
   budget b1 at a1. */
static void zip_add(const pass_ctx *c, slong d, slong m, slong b1, slong a1,
                    slong b2, slong a2)
{
    const shape *X = c->X;
    slong top = FLINT_MIN(m, FLINT_MIN(b1, b2)), v;
    if (d == X->P - 1) {
        run_op(c, a1, a2, top + 1);
        return;
    }
    if (d == X->P - 2) {
        slong Bl = X->B[X->P - 1];
        for (v = 0; v <= top; v++) {
            slong w = FLINT_MIN(v, Bl);
            slong l1 = FLINT_MIN(w, b1 - v) + 1, l2 = FLINT_MIN(w, b2 - v) + 1;
            run_op(c, a1, a2, FLINT_MIN(l1, l2));
            a1 += l1;
            a2 += l2;
        }
        return;
    }
    for (v = 0; v <= top; v++) {
        slong w = sub_max(X, d, v);
        zip_add(c, d + 1, w, b1 - v, a1, b2 - v, a2);
        a1 += nt(X, d + 1, w, b1 - v);
        a2 += nt(X, d + 1, w, b2 - v);
    }
}

/* The block at depth d (entries <= m, budget b, at base). */
static void walk(const pass_ctx *c, slong d, slong m, slong b, slong base)
{
    const shape *X = c->X;
    slong top = FLINT_MIN(m, b), v;
    if (d < c->i) {
        for (v = 0; v <= top; v++) {
            slong w = sub_max(X, d, v);
            walk(c, d + 1, w, b - v, base);
            base += nt(X, d + 1, w, b - v);
        }
    } else if (d == X->P - 1) { /* the line is the run itself */
        if (c->kind != SUM_UP)
            for (v = top - 1; v >= 0; v--)
                run_op(c, base + v, base + v + 1, 1);
        else
            for (v = 1; v <= top; v++)
                run_op(c, base + v, base + v - 1, 1);
    } else {
        slong *o = c->off;
        o[0] = base;
        for (v = 0; v < top; v++)
            o[v + 1] = o[v] + nt(X, d + 1, sub_max(X, d, v), b - v);
        if (c->kind != SUM_UP) /* z_i = v gets the finished z_i = v + 1 */
            for (v = top - 1; v >= 0; v--)
                zip_add(c, d + 1, sub_max(X, d, v), b - v, o[v], b - v - 1,
                        o[v + 1]);
        else /* z_i = v gets those of z_i = v - 1 */
            for (v = 1; v <= top; v++)
                zip_add(c, d + 1, sub_max(X, d, v - 1), b - v, o[v], b - v + 1,
                        o[v - 1]);
    }
}

/* In place, y within the line of z in the array's set (between its
   neighbours z_{i+1} and z_{i-1}): SUM_DOWN, f(z) <- sum_{y >= z_i}
   f(z[i <- y]) (skew); SUM_UP, f(z) <- sum_{y <= z_i} f(z[i <- y])
   (Pieri); COPY_DOWN, f(z) <- f(z[i <- top of the line]). */
static void pass(cvec *X, slong i, int kind)
{
    pass_ctx c;
    slong g = kind == COPY_DOWN
                  ? 0
                  : clog2(FLINT_MIN(X->sh.S / (i + 1), X->sh.B[i]) + 1);
    cvec_reserve(X, g);
    c.X = &X->sh;
    c.v = X->v;
    c.n = X->n;
    c.i = i;
    c.kind = kind;
    c.off = flint_malloc((X->sh.B[0] + 2) * sizeof(slong));
    walk(&c, 0, X->sh.B[0], X->sh.S, 0);
    flint_free(c.off);
    X->bits += g;
}

/* Clears every value off the slice sum = S. */
static void clear_off_slice(cvec *X, slong d, slong m, slong b, slong base)
{
    slong top = FLINT_MIN(m, b), y, n = X->n;
    if (d == X->sh.P - 1) {
        for (y = 0; y <= top; y++)
            if (y != b)
                memset(X->v + (base + y) * n, 0, n * sizeof(ulong));
        return;
    }
    for (y = 0; y <= top; y++) {
        slong w = sub_max(&X->sh, d, y);
        clear_off_slice(X, d + 1, w, b - y, base);
        base += nt(&X->sh, d + 1, w, b - y);
    }
}

/* ---- two arrays: copies and the inner product --------------------- */

typedef struct {
    const cvec *A, *B;
    int mul;  /* 0: copy B's values into A; 1: acc += A * B */
    int fill; /* copies: B one entry shorter, each value fills a run */
    ulong *a; /* A's values (written by a copy) */
    ulong *acc, *tmp;
    slong accn;
} zip_ctx;

static void zip_op(zip_ctx *c, slong a, slong b, slong len)
{
    slong k, na = c->A->n, nb = c->B->n;
    if (!c->mul) { /* same limb counts */
        memcpy(c->a + a * na, c->B->v + b * nb, len * na * sizeof(ulong));
        return;
    }
    for (k = 0; k < len; k++) {
        const ulong *x = c->A->v + (a + k) * na, *y = c->B->v + (b + k) * nb;
        slong xn = na, yn = nb;
        while (xn > 0 && x[xn - 1] == 0)
            xn--;
        while (yn > 0 && y[yn - 1] == 0)
            yn--;
        if (xn == 0 || yn == 0)
            continue;
        if (xn >= yn)
            mpn_mul((mp_ptr)c->tmp, (mp_srcptr)x, xn, (mp_srcptr)y, yn);
        else
            mpn_mul((mp_ptr)c->tmp, (mp_srcptr)y, yn, (mp_srcptr)x, xn);
        mpn_add((mp_ptr)c->acc, (mp_srcptr)c->acc, c->accn, (mp_srcptr)c->tmp,
                xn + yn);
    }
}

/* The sequences common to A's block at depth d (budget ba, at ia) and
   B's (bb, at ib), largest entry <= m; a sequence of the shorter length
   stands for itself padded with zeros. */
static void zip_gen(zip_ctx *c, slong d, slong m, slong ba, slong ia, slong bb,
                    slong ib)
{
    const shape *X = &c->A->sh, *Y = &c->B->sh;
    slong top, v;
    if (c->fill && d == Y->P) { /* B's value on the whole last run */
        slong k, j, n = c->A->n, len = FLINT_MIN(m, ba) + 1;
        const ulong *src = c->B->v + ib * n;
        ulong *dst = c->a + ia * n;
        for (k = 0; k < len; k++)
            for (j = 0; j < n; j++)
                dst[k * n + j] = src[j];
        return;
    }
    if (d == X->P || d == Y->P) { /* the rest is zero: first of the block */
        zip_op(c, ia, ib, 1);
        return;
    }
    top = FLINT_MIN(m, FLINT_MIN(ba, bb));
    if (d == X->P - 1 && d == Y->P - 1) {
        zip_op(c, ia, ib, top + 1);
        return;
    }
    for (v = 0; v <= top; v++) {
        slong wa = sub_max(X, d, v), wb = sub_max(Y, d, v);
        slong w = d + 1 == X->P ? wb : d + 1 == Y->P ? wa : FLINT_MIN(wa, wb);
        zip_gen(c, d + 1, w, ba - v, ia, bb - v, ib);
        ia += nt(X, d + 1, wa, ba - v);
        ib += nt(Y, d + 1, wb, bb - v);
    }
}

/* Y <- X restricted (or extended by zeros) to the set (P, S, B); with
   fill, P = X's P + 1 and the values are extended constantly along the
   new last coordinate instead (Y(z) = X(z_0..z_{P-2})). */
static void remap(cvec *Y, const cvec *X, slong P, slong S, const slong *B,
                  int fill)
{
    zip_ctx c;
    cvec_init(Y, P, S, B, X->n);
    Y->bits = X->bits;
    memset(&c, 0, sizeof c);
    c.A = Y;
    c.B = X;
    c.a = Y->v;
    c.fill = fill;
    zip_gen(&c, 0, FLINT_MIN(B[0], X->sh.B[0]), S, 0, X->sh.S, 0);
}

static int same_set(const shape *X, slong P, slong S, const slong *B)
{
    slong i;
    if (X->P != P || X->S != S)
        return 0;
    for (i = 0; i < P; i++)
        if (X->B[i] != B[i])
            return 0;
    return 1;
}

/* count = sum over common sequences of X * Y (the Hall inner product in
   the Schur basis) */
static void pair(fmpz_t count, const cvec *X, const cvec *Y)
{
    zip_ctx c;
    memset(&c, 0, sizeof c);
    c.A = X;
    c.B = Y;
    c.mul = 1;
    /* fewer than 2^63 products, each < 2^(64 (na + nb)) */
    c.accn = X->n + Y->n + 1;
    c.acc = flint_calloc(c.accn, sizeof(ulong));
    c.tmp = flint_malloc((X->n + Y->n) * sizeof(ulong));
    zip_gen(&c, 0, FLINT_MIN(X->sh.B[0], Y->sh.B[0]), X->sh.S, 0, Y->sh.S, 0);
    fmpz_set_ui_array(count, c.acc, c.accn);
    flint_free(c.acc);
    flint_free(c.tmp);
}

/* ---- the plan of one side ------------------------------------------- */

/* The sets one side creates, in order, up to level t: visit(ctx, level,
   P, S, B) for each; stops early when visit returns nonzero.  The side
   starts at level 1 unless t = 0: the skew of lambda^(0) = (f_0) is known
   (every kappa^(0) = (y), y <= min(f_0, f_1), once), so a wide first layer
   costs nothing. */
static int side_shapes(const slong *f, slong t,
                       int (*visit)(void *ctx, slong level, slong P, slong S,
                                    const slong *B),
                       void *ctx)
{
    slong k, i, P = 1, P1, e, Q, stop = 0;
    slong *B = flint_malloc((t / 2 + 3) * sizeof(slong));
    B[0] = f[0];
    if (t == 0)
        stop = visit(ctx, 0, 1, f[0], B);
    for (k = 0; 2 * k < t && !stop; k++) {
        /* kappa^(k): sum <= e, B_i = min(f_{k-i}..f_{k+1}) */
        e = FLINT_MIN(f[k], f[k + 1]);
        P1 = FLINT_MIN(P, e);
        for (i = 0; i < P1; i++)
            B[i] =
                FLINT_MIN(FLINT_MIN(f[k - i], f[k + 1]), i > 0 ? B[i - 1] : e);
        stop = visit(ctx, 2 * k + 1, P1, e, B);
        if (2 * k + 1 == t || stop)
            break;
        /* lambda^(k+1): sum <= f_{k+1}, B_i = min(f_{k+1-i}..f_{k+1}) */
        Q = FLINT_MIN(P1 + 1, f[k + 1]);
        B[0] = f[k + 1];
        for (i = 1; i < Q; i++)
            B[i] = FLINT_MIN(B[i - 1], f[k + 1 - i]);
        /* unless this is the last level, z_0 <= max(e, e') suffices: the
           Pieri step's z_0 is kappa_0 <= e until its last pass, whose line
           totals are then reached at z_0 = e, and the next skew keeps
           only kappa_0 <= e' = min(f_{k+1}, f_{k+2}) */
        if (2 * k + 2 < t)
            B[0] = FLINT_MIN(f[k + 1],
                             FLINT_MAX(e, FLINT_MIN(f[k + 1], f[k + 2])));
        stop = visit(ctx, 2 * k + 2, Q, f[k + 1], B);
        P = Q;
    }
    flint_free(B);
    return (int)stop;
}

/* about |set| (for choosing the meeting level only): partitions with at
   most P parts and sum <= S, and at most B_0 + 1 times the sequences of
   P - 1 entries <= B_1; B_0 = b0 */
static double approx_size(slong P, slong S, slong b0, const slong *B)
{
    double a, b;
    if (P <= 1)
        return (double)FLINT_MIN(S, b0) + 1;
    a = lgamma((double)(S + P + 1)) - lgamma((double)(S + 1)) -
        2 * lgamma((double)(P + 1));
    b = log((double)b0 + 1) + lgamma((double)(B[1] + P)) -
        lgamma((double)(B[1] + 1)) - lgamma((double)P);
    return exp(FLINT_MIN(a, b));
}

typedef struct {
    double *cum; /* cost up to each level, with the level not the last */
    double *fin; /* the same, with the level the last one */
    double c;
} cost_acc;

/* the cost of a set: its size times the passes over it, plus one; as the
   last level a lambda level has z_0 up to S */
static int cost_visit(void *ctx, slong level, slong P, slong S, const slong *B)
{
    cost_acc *a = ctx;
    a->fin[level] = a->c + (P + 1) * approx_size(P, S, S, B);
    a->c += (P + 1) * approx_size(P, S, B[0], B);
    a->cum[level] = a->c;
    return 0;
}

void _rs_cseg_init(rs_cseg_t s, const slong *f, slong M)
{
    slong t, k;
    cost_acc l, r;
    double best = HUGE_VAL;
    s->M = M;
    s->f = flint_malloc((M + 1) * sizeof(slong));
    s->rev = flint_malloc((M + 1) * sizeof(slong));
    for (k = 0; k <= M; k++) {
        s->f[k] = f[k];
        s->rev[k] = f[M - k];
    }
    s->palindrome = 1;
    for (k = 0; k <= M; k++)
        if (f[k] != f[M - k])
            s->palindrome = 0;
    l.cum = flint_malloc(4 * (2 * M + 1) * sizeof(double));
    l.fin = l.cum + (2 * M + 1);
    r.cum = l.fin + (2 * M + 1);
    r.fin = r.cum + (2 * M + 1);
    l.c = r.c = 0.0;
    side_shapes(s->f, 2 * M, cost_visit, &l);
    side_shapes(s->rev, 2 * M, cost_visit, &r);
    l.fin[0] = 2 * ((double)f[0] + 1); /* level 0 alone: lambda^(0) */
    r.fin[0] = 2 * ((double)f[M] + 1);
    s->t = M;
    for (t = 0; t <= 2 * M; t++) {
        double c = l.fin[t] + r.fin[2 * M - t];
        if (s->palindrome && t == M)
            c = l.fin[t];
        if (c < best) {
            best = c;
            s->t = t;
        }
    }
    s->use_symmetry = s->palindrome && s->t == M;
    flint_free(l.cum);
}

void _rs_cseg_clear(rs_cseg_t s)
{
    flint_free(s->f);
    flint_free(s->rev);
}

typedef struct {
    slong work, budget;
} work_acc;

/* adds a set's table and values to the work; stops beyond the budget
   before building a table that large */
static int work_visit(void *ctx, slong level, slong P, slong S, const slong *B)
{
    work_acc *a = ctx;
    (void)level;
    shape X;
    double tc = shape_table_cost(P, S, B);
    if ((double)a->work + tc > (double)a->budget) {
        a->work = a->budget + 1;
        return 1;
    }
    a->work += (slong)tc;
    shape_init(&X, P, S, B);
    a->work = sat_add(a->work, X.len);
    shape_clear(&X);
    return a->work > a->budget;
}

slong _rs_cseg_work(const rs_cseg_t s, slong budget)
{
    work_acc a;
    a.work = 0;
    a.budget = budget;
    if (!side_shapes(s->f, s->t, work_visit, &a) && !s->use_symmetry)
        side_shapes(s->rev, 2 * s->M - s->t, work_visit, &a);
    return a.work;
}

/* ---- running one side ----------------------------------------------- */

typedef struct {
    cvec *X;                    /* the current level's array */
    slong t;                    /* the last level */
    int started;                /* whether X holds a level */
    int skewed0;                /* the skew's pass along coordinate 0 is done */
    const volatile int *cancel; /* stop when *cancel is set (or NULL) */
} run_acc;

/* Builds the level's array from the previous one. */
static int run_visit(void *ctx, slong level, slong P, slong S, const slong *B)
{
    run_acc *a = ctx;
    cvec Y, *X = a->X;
    slong i;
    if (a->started && a->cancel != NULL && *a->cancel)
        return 1;
    if (!a->started) { /* lambda^(0) = (f_0), or kappa^(0): all ones */
        cvec_init(X, P, S, B, 1);
        X->bits = 1;
        for (i = level == 0 ? S : 0; i <= S; i++)
            X->v[i] = 1;
        a->started = 1;
    } else if (level % 2 == 1) { /* skew, then restrict */
        for (i = a->skewed0; i < X->sh.P; i++)
            pass(X, i, SUM_DOWN);
        a->skewed0 = 0;
        if (!same_set(&X->sh, P, S, B)) {
            remap(&Y, X, P, S, B, 0);
            cvec_clear(X);
            *X = Y;
        }
    } else { /* Pieri: the new coordinate P - 1 is the fill */
        int fill = P == X->sh.P + 1;
        remap(&Y, X, P, S, B, fill);
        cvec_clear(X);
        *X = Y;
        for (i = P - 1 - fill; i >= 0; i--)
            pass(X, i, SUM_UP);
        if (level == a->t) {
            clear_off_slice(X, 0, B[0], S, 0);
        } else {
            /* the value on the slice is the total of its coordinate-0
               line, and the next skew's pass along coordinate 0 spreads
               it over the line (the rest of the line carries zero) */
            pass(X, 0, COPY_DOWN);
            a->skewed0 = 1;
        }
    }
    return 0;
}

/* X <- the expansion at level t of the process started at f[0]. */
/* Returns nonzero if *cancel stopped it (X then holds some level). */
static int side(cvec *X, const slong *f, slong t, const volatile int *cancel)
{
    run_acc a;
    a.X = X;
    a.t = t;
    a.started = 0;
    a.skewed0 = 0;
    a.cancel = cancel;
    return side_shapes(f, t, run_visit, &a);
}

int _rs_cseg_count(fmpz_t c, const rs_cseg_t s, const volatile int *cancel)
{
    cvec X, Y;
    int stop = side(&X, s->f, s->t, cancel);
    if (!stop && s->use_symmetry) {
        pair(c, &X, &X);
    } else if (!stop) {
        stop = side(&Y, s->rev, 2 * s->M - s->t, cancel);
        if (!stop)
            pair(c, &X, &Y);
        cvec_clear(&Y);
    }
    cvec_clear(&X);
    return stop;
}
