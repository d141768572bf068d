/* Check families of the fiber invariants (docs/math.md section 10) and of the
   connected-component formula of section 3:

   RS_VERIFY_LAMBDA      codim/2 from the strata equals Aoyagi's formula;
   RS_VERIFY_TOP         the strata of top dimension number as the Pepin
                         Lehalleur-Rimanyi formula says;
   RS_VERIFY_F_Q         for every rank r' of the shape, the strata of the
                         fiber of a rank-r' matrix sum to the layer
                         programme's polynomial (rs_fiber_points), and
                         sum_r' R_{d_L,d_0,r'}(q) |F_r'(F_q)| = q^N, all as
                         exact polynomials;
   RS_VERIFY_PERMUTE     for r = 0: every distinct permutation of d (the
                         first 24 in lexicographic order) has a zero fiber
                         of the same codimension and the same number of
                         top-dimensional strata;
   (the other fibers that F_Q and PERMUTE list are bounded: see
   OTHER_FIBER_MIN_BOUND);
   RS_VERIFY_COMPONENTS  per stratum: the component formula 2^(n - rank V)
                         against the component group of the stratum as an
                         orbit (see components_orbit below). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <flint/fmpz_mat.h>

#include "rankstrat/invariants.h"
#include "rankstrat/qspace.h"

#include "verify_internal.h"

/* The other fibers these families list (other ranks, permuted widths) may
   be far larger than the one verified: they are listed only up to this
   many strata, or ten times the verified fiber's, whichever is more;
   beyond, their checks are not run (and not counted). */
#define OTHER_FIBER_MIN_BOUND WORD(200000)

static int small_enough(const slong *d, slong L, slong r, slong n_verified)
{
    fmpz_t c;
    rs_error_t err;
    int ok;
    fmpz_init(c);
    rs_error_init(err);
    ok = rs_strata_count(c, d, L, r, WORD(2000000), NULL, err) == RS_OK &&
         fmpz_cmp_si(c, FLINT_MAX(OTHER_FIBER_MIN_BOUND, 10 * n_verified)) <= 0;
    fmpz_clear(c);
    return ok;
}

/* the strata polynomials of a store, summed (exactly) */
static int strata_sum(fmpz_poly_t sum, const rs_strata_t S)
{
    rs_barcode_t B;
    fmpz_poly_t p;
    rs_error_t err;
    slong id;
    int ok = 1;
    rs_error_init(err);
    rs_barcode_init(B, S->L);
    fmpz_poly_init(p);
    fmpz_poly_zero(sum);
    for (id = 0; id < S->n && ok; id++) {
        rs_strata_get_barcode(B, S, id);
        ok = rs_stratum_points(p, B, err) == RS_OK &&
             fmpz_poly_degree(p) == rs_strata_dim(S, id) &&
             fmpz_is_one(p->coeffs + rs_strata_dim(S, id));
        fmpz_poly_add(sum, sum, p);
    }
    fmpz_poly_clear(p);
    rs_barcode_clear(B);
    return ok;
}

static void fiber_lambda_top(rs_verify_ctx *ctx)
{
    const rs_strata_struct *S = ctx->S;
    slong id, fdim = 0, top = 0, theta;
    fmpq_t lam, aoy;
    fmpz_t plr;
    rs_error_t err;
    char *a, *b;
    int ok;
    rs_error_init(err);
    fmpq_init(lam);
    fmpq_init(aoy);
    fmpz_init(plr);
    for (id = 0; id < S->n; id++)
        fdim = FLINT_MAX(fdim, rs_strata_dim(S, id));
    for (id = 0; id < S->n; id++)
        top += rs_strata_dim(S, id) == fdim;
    fmpq_set_si(lam, S->N - fdim, 2);
    ok = rs_invariants_aoyagi(aoy, &theta, NULL, NULL, S->d, S->L, S->r, err) ==
         RS_OK;
    if (ctx->o->corrupt == RS_VERIFY_CORRUPT_LAMBDA)
        fmpq_set_si(lam, S->N - fdim + 1, 2);
    a = fmpq_get_str(NULL, 10, lam);
    b = fmpq_get_str(NULL, 10, aoy);
    _rs_verify_record(ctx, RS_VERIFY_LAMBDA, ok && fmpq_equal(lam, aoy),
                      "codim/2 = %s but Aoyagi's formula gives %s%s", a, b,
                      ok ? "" : " (no k qualifies)");
    flint_free(a);
    flint_free(b);
    ok = rs_invariants_top_plr(plr, S->d, S->L, S->r, err) == RS_OK;
    if (ctx->o->corrupt == RS_VERIFY_CORRUPT_TOP)
        fmpz_add_ui(plr, plr, 1);
    a = fmpz_get_str(NULL, 10, plr);
    _rs_verify_record(ctx, RS_VERIFY_TOP, ok && fmpz_equal_si(plr, top),
                      "%ld strata of top dimension %ld but the Pepin "
                      "Lehalleur-Rimanyi formula gives %s",
                      (long)top, (long)fdim, a);
    flint_free(a);
    fmpz_clear(plr);
    fmpq_clear(lam);
    fmpq_clear(aoy);
}

static void fiber_points(rs_verify_ctx *ctx)
{
    const rs_strata_struct *S = ctx->S;
    slong L = S->L, k, m = S->d[0], rr;
    fmpz_poly_t total, F, G, R;
    rs_error_t err;
    rs_error_init(err);
    for (k = 1; k <= L; k++)
        m = FLINT_MIN(m, S->d[k]);
    fmpz_poly_init(total);
    fmpz_poly_init(F);
    fmpz_poly_init(G);
    fmpz_poly_init(R);
    for (rr = 0; rr <= m; rr++)
        if (rr != S->r && !small_enough(S->d, L, rr, S->n))
            break;
    if (rr <= m) /* some rank's fiber is too large to list */
        m = -1;
    for (rr = 0; rr <= m; rr++) {
        int ok;
        if (rr == S->r) {
            ok = strata_sum(F, S);
        } else {
            rs_strata_t T;
            rs_strata_init(T, S->d, L, rr);
            ok = rs_strata_fill(T, 0, err) == RS_OK && strata_sum(F, T);
            rs_strata_clear(T);
        }
        if (ctx->o->corrupt == RS_VERIFY_CORRUPT_F_Q && rr == 0)
            fmpz_poly_set_coeff_si(F, 0, fmpz_poly_get_coeff_si(F, 0) + 1);
        ok = ok && rs_fiber_points(G, S->d, L, rr, err) == RS_OK &&
             fmpz_poly_equal(F, G);
        _rs_verify_record(ctx, RS_VERIFY_F_Q, ok,
                          "rank %ld: the strata's point counts (each of "
                          "degree dim S, leading coefficient 1) do not sum "
                          "to the layer programme's polynomial",
                          (long)rr);
        rs_qpoly_rank_matrices(R, S->d[L], S->d[0], rr);
        fmpz_poly_mul(R, R, F);
        fmpz_poly_add(total, total, R);
    }
    fmpz_poly_one(R);
    fmpz_poly_shift_left(R, R, S->N);
    if (m >= 0)
        _rs_verify_record(ctx, RS_VERIFY_F_Q, fmpz_poly_equal(total, R),
                          "sum_r R_{d_L,d_0,r}(q) |F_r(F_q)| is not q^%ld",
                          (long)S->N);
    fmpz_poly_clear(total);
    fmpz_poly_clear(F);
    fmpz_poly_clear(G);
    fmpz_poly_clear(R);
}

/* codim and number of top-dimensional strata of the zero fiber of d */
static int zero_fiber(slong *codim, slong *top, const slong *d, slong L)
{
    rs_strata_t T;
    rs_error_t err;
    slong id, fdim = 0;
    int ok;
    rs_error_init(err);
    rs_strata_init(T, d, L, 0);
    ok = rs_strata_fill(T, 0, err) == RS_OK;
    for (id = 0; ok && id < T->n; id++)
        fdim = FLINT_MAX(fdim, rs_strata_dim(T, id));
    *top = 0;
    for (id = 0; ok && id < T->n; id++)
        *top += rs_strata_dim(T, id) == fdim;
    *codim = T->N - fdim;
    rs_strata_clear(T);
    return ok;
}

/* the next permutation of p[0..n) in lexicographic order (0 at the end) */
static int next_perm(slong *p, slong n)
{
    slong i = n - 2, j, t;
    while (i >= 0 && p[i] >= p[i + 1])
        i--;
    if (i < 0)
        return 0;
    j = n - 1;
    while (p[j] <= p[i])
        j--;
    t = p[i], p[i] = p[j], p[j] = t;
    for (j = n - 1, i++; i < j; i++, j--)
        t = p[i], p[i] = p[j], p[j] = t;
    return 1;
}

static int cmp_slong(const void *x, const void *y)
{
    slong a = *(const slong *)x, b = *(const slong *)y;
    return (a > b) - (a < b);
}

static void fiber_permute(rs_verify_ctx *ctx)
{
    const rs_strata_struct *S = ctx->S;
    slong L = S->L, k, codim0, top0, codim, top, n = 0;
    slong *p = flint_malloc((L + 1) * sizeof(slong));
    if (S->r != 0 || !zero_fiber(&codim0, &top0, S->d, L)) {
        flint_free(p);
        return;
    }
    if (ctx->o->corrupt == RS_VERIFY_CORRUPT_PERMUTE)
        codim0++;
    memcpy(p, S->d, (L + 1) * sizeof(slong));
    qsort(p, L + 1, sizeof(slong), cmp_slong);
    do {
        int ok;
        if (!small_enough(p, L, 0, S->n))
            continue; /* not counted: see OTHER_FIBER_MIN_BOUND */
        ok = zero_fiber(&codim, &top, p, L);
        char buf[256];
        size_t len = 0;
        for (k = 0; k <= L && len < sizeof buf - 24; k++)
            len += snprintf(buf + len, sizeof buf - len, "%s%ld", k ? "," : "",
                            (long)p[k]);
        _rs_verify_record(
            ctx, RS_VERIFY_PERMUTE, ok && codim == codim0 && top == top0,
            "d = (%s): codim %ld and %ld top-dimensional strata, "
            "but %ld and %ld for the given order",
            buf, (long)codim, (long)top, (long)codim0, (long)top0);
    } while (++n < 24 && next_perm(p, L + 1));
    flint_free(p);
}

void _rs_verify_invariants(rs_verify_ctx *ctx)
{
    fiber_lambda_top(ctx);
    fiber_points(ctx);
    fiber_permute(ctx);
}

/* ---- components --------------------------------------------------------

   Independent computation of the number of connected components of a real
   stratum, by the author's derivation (not the bar-by-bar rule of
   rs_barcode_components_log2).  The group G = GL_{d_1} x .. x GL_{d_{L-1}}
   x H, H = {(G_L, G_0) : G_L W = W G_0}, acts on the fiber by
   W_k -> G_k W_k G_{k-1}^{-1}, and each stratum is one orbit, so a
   stratum is G / Stab and its components are pi0(G) / (the image of
   Stab).  At W = [[I_r,0],[0,0]], H consists of G_L = [[A, X], [0, D]],
   G_0 = [[A, 0], [Y, E]], so pi0(G) = (Z/2)^n through the signs of det G_k
   (hidden k with d_k > 0), det A (r > 0), det D (d_L > r), det E (d_0 > r).
   The stabilizer of the canonical point x is the unit group of the linear
   space {G : G_k W_k = W_k G_{k-1}, k = 1..L} (an algebra; the condition
   on (G_L, G_0) follows by multiplying out).  Here that space is solved
   exactly, random integer elements of it are drawn, and the sign vectors
   of the invertible ones span (over F_2) a subgroup of the image: exact
   elements of it, and with 48 draws all of it except with probability
   below 2^-40 (each simple factor GL_w of the stabilizer's reductive part
   gives a random determinant sign).  The stratum has 2^(n - rank) real
   components; the formula must give the same. */

/* Row-reduces v against the basis rows (bit masks) and adds it if new. */
static void f2_add(ulong *basis, slong *rank, ulong v)
{
    slong i;
    for (i = 0; i < *rank; i++)
        if ((v ^ basis[i]) < v)
            v ^= basis[i];
    if (v == 0)
        return;
    basis[(*rank)++] = v;
    /* keep the basis sorted decreasingly so the greedy reduction works */
    for (i = *rank - 1; i > 0 && basis[i] > basis[i - 1]; i--) {
        ulong t = basis[i];
        basis[i] = basis[i - 1];
        basis[i - 1] = t;
    }
}

static int det_sign_block(const fmpz_mat_t G, slong r0, slong c0, slong n)
{
    fmpz_mat_t B;
    fmpz_t det;
    slong i, j;
    int s;
    if (n == 0)
        return 1;
    fmpz_mat_init(B, n, n);
    fmpz_init(det);
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
            fmpz_set(fmpz_mat_entry(B, i, j),
                     fmpz_mat_entry(G, r0 + i, c0 + j));
    fmpz_mat_det(det, B);
    s = fmpz_sgn(det);
    fmpz_clear(det);
    fmpz_mat_clear(B);
    return s;
}

/* log2 of the number of components by the orbit computation; -1 if it
   could not be done (more than 62 sign coordinates). */
static slong components_orbit(const rs_barcode_t B, flint_rand_t state)
{
    slong L = B->L, r = rs_barcode_rank(B), k, i, j, nv = 0, neq = 0, row;
    slong *d = flint_malloc((L + 1) * sizeof(slong)), *off, n = 0, rank = 0;
    slong nb, draw, a, *coef;
    ulong basis[64];
    rs_net_t N;
    fmpq_mat_t A, X;
    fmpz_mat_t *G, Z;
    fmpz_t den;
    rs_barcode_widths(d, B);
    off = flint_malloc((L + 2) * sizeof(slong));
    for (k = 0; k <= L; k++) {
        off[k] = nv;
        nv += d[k] * d[k];
    }
    off[L + 1] = nv;
    for (k = 1; k < L; k++)
        n += d[k] > 0;
    n += (r > 0) + (d[L] > r) + (d[0] > r);
    if (n > 62 || nv == 0) { /* nv = 0: no weights, one point */
        flint_free(d);
        flint_free(off);
        return n > 62 ? -1 : 0;
    }
    for (k = 1; k <= L; k++)
        neq += d[k] * d[k - 1];
    rs_net_init_empty(N);
    rs_net_set_canonical(N, B);
    /* (G_k W_k - W_k G_{k-1})_{ij} = 0, unknowns G_k row-major */
    fmpq_mat_init(A, FLINT_MAX(neq, 1), FLINT_MAX(nv, 1));
    row = 0;
    for (k = 1; k <= L; k++) {
        const fmpq_mat_struct *W = rs_net_weight(N, k);
        for (i = 0; i < d[k]; i++)
            for (j = 0; j < d[k - 1]; j++, row++) {
                for (a = 0; a < d[k]; a++) /* (G_k)_{ia} W_{aj} */
                    fmpq_add(fmpq_mat_entry(A, row, off[k] + i * d[k] + a),
                             fmpq_mat_entry(A, row, off[k] + i * d[k] + a),
                             fmpq_mat_entry(W, a, j));
                for (a = 0; a < d[k - 1]; a++) /* - W_{ia} (G_{k-1})_{aj} */
                    fmpq_sub(
                        fmpq_mat_entry(A, row, off[k - 1] + a * d[k - 1] + j),
                        fmpq_mat_entry(A, row, off[k - 1] + a * d[k - 1] + j),
                        fmpq_mat_entry(W, i, a));
            }
    }
    fmpq_mat_init(X, 1, 1);
    nb = rs_qmat_nullspace(X, A);
    /* a positive multiple of every basis vector: integer entries, and the
       same determinant signs */
    fmpz_mat_init(Z, nv, FLINT_MAX(nb, 1));
    fmpz_init(den);
    if (nb > 0 && nv > 0) /* FLINT 2.9 reads an entry of an empty X */
        fmpq_mat_get_fmpz_mat_matwise(Z, den, X);
    G = flint_malloc((L + 1) * sizeof(fmpz_mat_t));
    for (k = 0; k <= L; k++)
        fmpz_mat_init(G[k], d[k], d[k]);
    coef = flint_malloc(FLINT_MAX(nb, 1) * sizeof(slong));
    for (draw = 0; draw < 48; draw++) {
        ulong v = 0;
        slong bit = 0, b;
        int invertible = 1;
        /* g = sum_b c_b Z[:, b], c_b uniform in [-7, 7] */
        for (b = 0; b < nb; b++)
            coef[b] = (slong)n_randint(state, 15) - 7;
        for (k = 0; k <= L; k++)
            for (i = 0; i < d[k]; i++)
                for (j = 0; j < d[k]; j++) {
                    slong var = off[k] + i * d[k] + j;
                    fmpz *e = fmpz_mat_entry(G[k], i, j);
                    fmpz_zero(e);
                    for (b = 0; b < nb; b++)
                        fmpz_addmul_si(e, fmpz_mat_entry(Z, var, b), coef[b]);
                }
        for (k = 1; k < L && invertible; k++) {
            int s;
            if (d[k] == 0)
                continue;
            s = det_sign_block(G[k], 0, 0, d[k]);
            invertible = s != 0;
            v |= (ulong)(s < 0) << bit++;
        }
        if (invertible && r > 0) {
            int s = det_sign_block(G[L], 0, 0, r);
            invertible = s != 0;
            v |= (ulong)(s < 0) << bit++;
        }
        if (invertible && d[L] > r) {
            int s = det_sign_block(G[L], r, r, d[L] - r);
            invertible = s != 0;
            v |= (ulong)(s < 0) << bit++;
        }
        if (invertible && d[0] > r) {
            int s = det_sign_block(G[0], r, r, d[0] - r);
            invertible = s != 0;
            v |= (ulong)(s < 0) << bit++;
        }
        if (invertible)
            f2_add(basis, &rank, v);
    }
    for (k = 0; k <= L; k++)
        fmpz_mat_clear(G[k]);
    flint_free(G);
    flint_free(coef);
    fmpz_mat_clear(Z);
    fmpz_clear(den);
    fmpq_mat_clear(X);
    fmpq_mat_clear(A);
    rs_net_clear(N);
    flint_free(off);
    flint_free(d);
    return n - rank;
}

void _rs_verify_components(rs_verify_ctx *ctx, rs_verify_point *P,
                           flint_rand_t state)
{
    slong formula = rs_barcode_components_log2(P->B), orbit;
    char bc[512];
    if (ctx->o->corrupt == RS_VERIFY_CORRUPT_COMPONENTS)
        formula++;
    orbit = components_orbit(P->B, state);
    if (orbit < 0)
        return; /* too many sign coordinates for a word of bits */
    _rs_verify_barcode_str(bc, sizeof bc, P->B);
    _rs_verify_record(ctx, RS_VERIFY_COMPONENTS, orbit == formula,
                      "stratum %ld (%s): the formula gives 2^%ld components, "
                      "the stabilizer of the canonical point 2^%ld",
                      (long)P->id, bc, (long)formula, (long)orbit);
}
