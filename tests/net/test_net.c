/* Tests of the net module: products, exact rank lists of planted points
   (canonical points of random barcodes moved by random invertible matrices
   at every layer give back exactly the planted barcode and dimension),
   transposes and weight vectors. */
#include <stdlib.h>

#include <flint/fmpq_vec.h>

#include "testutil.h"

/* Random widths d_0..d_L in [0, maxw] and a random feasible rank. */
static void rand_shape(slong *d, slong *L, slong *r, slong maxL, slong maxw,
                       flint_rand_t state)
{
    slong k, m;
    *L = 1 + (slong)n_randint(state, (ulong)maxL);
    for (k = 0; k <= *L; k++)
        d[k] = (slong)n_randint(state, (ulong)maxw + 1);
    m = d[0];
    for (k = 1; k <= *L; k++)
        m = FLINT_MIN(m, d[k]);
    *r = (slong)n_randint(state, (ulong)m + 1);
}

/* Moves N by random invertible matrices G_0..G_L (all of them, so the
   product changes too; every rank is preserved). */
static void rand_act(rs_net_t N, flint_rand_t state)
{
    slong L = N->L, k;
    fmpq_mat_struct *G = flint_malloc((L + 1) * sizeof(fmpq_mat_struct));
    const fmpq_mat_struct **Gp = flint_malloc((L + 1) * sizeof(*Gp));
    for (k = 0; k <= L; k++) {
        fmpq_mat_init(G + k, N->d[k], N->d[k]);
        rs_test_rand_invertible_q(G + k, state, 3);
        Gp[k] = G + k;
    }
    ck_assert(rs_net_act(N, Gp));
    for (k = 0; k <= L; k++)
        fmpq_mat_clear(G + k);
    flint_free(G);
    flint_free(Gp);
}

START_TEST(test_planted_points)
{
    flint_rand_t state;
    slong trial, ntrials = rs_test_long() ? 400 : 80;
    rs_test_rand_init(state);
    for (trial = 0; trial < ntrials; trial++) {
        slong d[8], L, r, k, i, j;
        rs_barcode_t B, B2;
        rs_ranks_t R;
        rs_net_t N;
        rand_shape(d, &L, &r, 5, 5, state);
        rs_barcode_init(B, L);
        rs_barcode_init(B2, L);
        rs_ranks_init(R, L);
        ck_assert(rs_barcode_randtest(B, d, L, r, state));

        rs_net_init_empty(N);
        rs_net_set_canonical(N, B);
        for (k = 0; k <= L; k++)
            ck_assert_int_eq(rs_net_width(N, k), d[k]);
        /* canonical point: W_{L0} = [[I_r, 0], [0, 0]] */
        {
            const fmpq_mat_struct *W = rs_net_product(N, L, 0);
            for (i = 0; i < d[L]; i++)
                for (j = 0; j < d[0]; j++)
                    ck_assert_int_eq(fmpq_equal_si(fmpq_mat_entry(W, i, j),
                                                   (i == j && i < r) ? 1 : 0),
                                     1);
        }
        rs_net_ranks(R, N);
        rs_barcode_from_ranks(B2, R);
        ck_assert(rs_barcode_equal(B, B2));

        rand_act(N, state);
        rs_net_ranks(R, N);
        rs_barcode_from_ranks(B2, R);
        ck_assert(rs_barcode_equal(B, B2));
        ck_assert_int_eq(rs_ranks_dim(R), rs_barcode_dim(B));

        rs_net_clear(N);
        rs_barcode_clear(B);
        rs_barcode_clear(B2);
        rs_ranks_clear(R);
    }
    rs_rand_clear(state);
}
END_TEST

START_TEST(test_products_and_transpose)
{
    flint_rand_t state;
    slong trial;
    rs_test_rand_init(state);
    for (trial = 0; trial < 60; trial++) {
        slong d[8], L, r, k, i, j;
        rs_net_t N, T;
        rs_ranks_t R, RT, R2;
        fmpq_mat_t P;
        rand_shape(d, &L, &r, 5, 4, state);
        rs_net_init(N, d, L);
        for (k = 1; k <= L; k++)
            rs_test_rand_rank_q(
                rs_net_weight_mut(N, k),
                (slong)n_randint(state, FLINT_MIN(d[k], d[k - 1]) + 1), state,
                3);
        /* every cached product equals the chain product from scratch */
        fmpq_mat_init(P, 0, 0);
        for (j = 1; j <= L; j++)
            for (i = 0; i < j; i++) {
                rs_qmat_chain_mul(P, N->W + i, j - i, NULL);
                ck_assert(fmpq_mat_equal(P, rs_net_product(N, j, i)));
            }
        /* changing a weight invalidates the cache */
        if (d[1] > 0 && d[0] > 0) {
            fmpq_add_si(fmpq_mat_entry(rs_net_weight_mut(N, 1), 0, 0),
                        fmpq_mat_entry(rs_net_weight(N, 1), 0, 0), 1);
            rs_qmat_chain_mul(P, N->W, L, NULL);
            ck_assert(fmpq_mat_equal(P, rs_net_product(N, L, 0)));
        }
        fmpq_mat_clear(P);

        /* transpose: r^T_{ji} = r_{L-i,L-j} */
        rs_ranks_init(R, L);
        rs_ranks_init(RT, L);
        rs_ranks_init(R2, L);
        rs_net_init_empty(T);
        rs_net_transpose(T, N);
        rs_net_ranks(R, N);
        rs_net_ranks(RT, T);
        rs_ranks_transpose(R2, R);
        ck_assert(rs_ranks_equal(RT, R2));
        rs_net_clear(T);
        rs_ranks_clear(R);
        rs_ranks_clear(RT);
        rs_ranks_clear(R2);
        rs_net_clear(N);
    }
    rs_rand_clear(state);
}
END_TEST

START_TEST(test_weight_vectors)
{
    flint_rand_t state;
    slong trial;
    rs_test_rand_init(state);
    for (trial = 0; trial < 40; trial++) {
        slong d[8], L, r, k, n;
        rs_net_t N, M;
        fmpq *v;
        rand_shape(d, &L, &r, 4, 4, state);
        rs_net_init(N, d, L);
        for (k = 1; k <= L; k++)
            rs_test_rand_rank_q(rs_net_weight_mut(N, k),
                                FLINT_MIN(d[k], d[k - 1]), state, 4);
        n = rs_net_num_params(N);
        ck_assert_int_eq(n, rs_weight_space_dim(d, L));
        v = _fmpq_vec_init(n);
        rs_net_get_vec(v, N);
        /* the first coordinates are W_1 row-major */
        if (d[0] > 1 && d[1] > 0)
            ck_assert(fmpq_equal(v + 1, fmpq_mat_entry(N->W, 0, 1)));
        rs_net_init(M, d, L);
        rs_net_set_vec(M, v);
        for (k = 1; k <= L; k++)
            ck_assert(fmpq_mat_equal(rs_net_weight(M, k), rs_net_weight(N, k)));
        rs_net_set(M, N);
        for (k = 1; k <= L; k++)
            ck_assert(fmpq_mat_equal(rs_net_weight(M, k), rs_net_weight(N, k)));
        _fmpq_vec_clear(v, n);
        rs_net_clear(N);
        rs_net_clear(M);
    }
    rs_rand_clear(state);
}
END_TEST

START_TEST(test_act_singular)
{
    slong d[] = {2, 2};
    rs_net_t N;
    fmpq_mat_t Z;
    const fmpq_mat_struct *G[2];
    rs_net_init(N, d, 1);
    fmpq_mat_one(rs_net_weight_mut(N, 1));
    fmpq_mat_init(Z, 2, 2);
    G[0] = Z;
    G[1] = NULL;
    ck_assert(!rs_net_act(N, G));
    ck_assert(fmpq_mat_is_one(rs_net_weight(N, 1)));
    fmpq_mat_clear(Z);
    rs_net_clear(N);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("net");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 0);
    tcase_add_test(tc, test_planted_points);
    tcase_add_test(tc, test_products_and_transpose);
    tcase_add_test(tc, test_weight_vectors);
    tcase_add_test(tc, test_act_singular);
    suite_add_tcase(s, tc);
    return rs_test_run(s) ? EXIT_FAILURE : EXIT_SUCCESS;
}
