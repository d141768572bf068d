/* Random points of a known stratum for the geometry tests (flow, layers,
   tangent): the canonical point of a barcode moved by random invertible
   matrices.  Header-only (static inline) so that each test binary can
   include it. */
#ifndef RS_TEST_PLANTED_H
#define RS_TEST_PLANTED_H

#include "testutil.h"

/* A random invertible square rational matrix: unimodular, or with row
   scalings (so that its inverse has denominators). */
static inline void planted_rand_g(fmpq_mat_t G, flint_rand_t st)
{
    if (n_randint(st, 2))
        rs_test_rand_invertible_q(G, st, 2);
    else {
        fmpz_mat_t Z;
        fmpz_mat_init(Z, fmpq_mat_nrows(G), fmpq_mat_ncols(G));
        rs_zmat_randunimodular(Z, st, 2);
        fmpq_mat_set_fmpz_mat(G, Z);
        fmpz_mat_clear(Z);
    }
}

/* A random small rational. */
static inline void planted_rand_q(fmpq_t x, flint_rand_t st)
{
    fmpq_set_si(x, (slong)n_randint(st, 7) - 3, 1 + n_randint(st, 3));
}

/* Moves N by a symmetry of its fiber at an end layer: W_L -> G W_L with
   G W = W (end = 1), or W_1 -> W_1 G^{-1} with W G = W (end = 0), where
   G = I + u v^T with v^T W = 0 (resp. W u = 0) and 1 + v^T u != 0.  The
   product W and every rank are unchanged. */
static inline void planted_end_move(rs_net_t N, int end, flint_rand_t st)
{
    slong L = N->L, k = end ? L : 0, n = N->d[k], i, j, dimK;
    fmpq_mat_t W, K, G;
    fmpq *u, *v, *kv;
    fmpq_t s, x;
    fmpq_mat_struct **Gs;
    if (n == 0)
        return;
    fmpq_mat_init(K, 0, 0);
    if (end) { /* v in null W^T */
        fmpq_mat_init(W, N->d[0], n);
        fmpq_mat_transpose(W, rs_net_product(N, L, 0));
    } else { /* u in null W */
        fmpq_mat_init(W, N->d[L], n);
        fmpq_mat_set(W, rs_net_product(N, L, 0));
    }
    dimK = rs_qmat_nullspace(K, W);
    fmpq_mat_clear(W);
    if (dimK == 0) {
        fmpq_mat_clear(K);
        return;
    }
    u = _fmpq_vec_init(n);
    v = _fmpq_vec_init(n);
    fmpq_init(s);
    fmpq_init(x);
    kv = end ? v : u;
    for (j = 0; j < dimK; j++) {
        planted_rand_q(s, st);
        for (i = 0; i < n; i++) {
            fmpq_mul(x, s, fmpq_mat_entry(K, i, j));
            fmpq_add(kv + i, kv + i, x);
        }
    }
    for (i = 0; i < n; i++)
        planted_rand_q(end ? u + i : v + i, st);
    fmpq_one(s);
    for (i = 0; i < n; i++) {
        fmpq_mul(x, u + i, v + i);
        fmpq_add(s, s, x);
    }
    if (fmpq_is_zero(s)) /* 1 + v^T u = 0 would be singular; then -u works */
        for (i = 0; i < n; i++)
            fmpq_neg(u + i, u + i);
    fmpq_mat_init(G, n, n);
    fmpq_mat_one(G);
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++) {
            fmpq_mul(x, u + i, v + j);
            fmpq_add(fmpq_mat_entry(G, i, j), fmpq_mat_entry(G, i, j), x);
        }
    Gs = flint_calloc(L + 1, sizeof(fmpq_mat_struct *));
    Gs[k] = G;
    ck_assert(rs_net_act(N, (const fmpq_mat_struct *const *)Gs));
    flint_free(Gs);
    fmpq_mat_clear(G);
    _fmpq_vec_clear(u, n);
    _fmpq_vec_clear(v, n);
    fmpq_clear(s);
    fmpq_clear(x);
    fmpq_mat_clear(K);
}

/* The canonical point of B moved by random invertible G_k at every hidden
   layer, and at the end layers either by arbitrary invertible G_0, G_L
   (each with probability 3/4; they change W = mu(theta) but not the
   barcode; ends = 0) or by symmetries of the fiber, which keep W
   (ends = 1). */
static inline void planted_point(rs_net_t N, const rs_barcode_t B, int ends,
                                 flint_rand_t st)
{
    slong L = B->L, k;
    fmpq_mat_struct *G;
    fmpq_mat_struct **Gs;
    rs_net_set_canonical(N, B);
    G = flint_malloc((L + 1) * sizeof(fmpq_mat_struct));
    Gs = flint_calloc(L + 1, sizeof(fmpq_mat_struct *));
    for (k = 0; k <= L; k++) {
        int end = k == 0 || k == L;
        fmpq_mat_init(G + k, N->d[k], N->d[k]);
        if (end && (ends || n_randint(st, 4) == 0))
            continue;
        planted_rand_g(G + k, st);
        Gs[k] = G + k;
    }
    ck_assert(rs_net_act(N, (const fmpq_mat_struct *const *)Gs));
    for (k = 0; k <= L; k++)
        fmpq_mat_clear(G + k);
    flint_free(G);
    flint_free(Gs);
    if (ends) {
        planted_end_move(N, 1, st);
        planted_end_move(N, 0, st);
        planted_end_move(N, 1, st);
    }
}

/* A random shape: 1 <= L <= maxL, widths 0..maxd, rank 0..min d. */
static inline void planted_shape(slong *d, slong *L, slong *r, slong maxL,
                                 slong maxd, flint_rand_t st)
{
    slong k, m;
    *L = 1 + (slong)n_randint(st, maxL);
    for (k = 0; k <= *L; k++)
        d[k] = (slong)n_randint(st, maxd + 1);
    m = d[0];
    for (k = 1; k <= *L; k++)
        m = FLINT_MIN(m, d[k]);
    *r = (slong)n_randint(st, m + 1);
}

/* A random planted point of a random stratum of a random small shape;
   B gets its barcode (re-shaped). */
static inline void planted_random(rs_net_t N, rs_barcode_t B, slong maxL,
                                  slong maxd, flint_rand_t st)
{
    slong d[16], L, r;
    planted_shape(d, &L, &r, maxL, maxd, st);
    ck_assert(rs_barcode_randtest(B, d, L, r, st));
    planted_point(N, B, (int)n_randint(st, 2), st);
}

#endif
