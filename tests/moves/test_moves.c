/* Tests of the moves and canonical points (docs/math.md sections 4 and 7): the
   exact rank factorization, canonical points analysed back to their
   barcode (also moved into a given fiber), hidden-layer, end-layer and
   one-matrix moves, and the merge move's rank rectangle, on random planted
   points whose answers are known by construction. */
#include <flint/fmpq_vec.h>

#include "../flow/planted.h"

/* E = [[I_r,0],[0,0]], m x n */
static void set_corner_identity(fmpq_mat_t E, slong r)
{
    slong i;
    fmpq_mat_zero(E);
    for (i = 0; i < r; i++)
        fmpq_one(fmpq_mat_entry(E, i, i));
}

START_TEST(test_rank_factor)
{
    flint_rand_t st;
    slong iter, n_iter = rs_test_long() ? 3000 : 300;
    rs_test_rand_init(st);
    for (iter = 0; iter < n_iter; iter++) {
        slong m = n_randint(st, 6), n = n_randint(st, 6), r, rank;
        fmpq_mat_t W, P, Q, E, T;
        rs_error_t err;
        r = n_randint(st, FLINT_MIN(m, n) + 1);
        fmpq_mat_init(W, m, n);
        fmpq_mat_init(P, 0, 0);
        fmpq_mat_init(Q, 0, 0);
        if (n_randint(st, 8) > 0)
            rs_test_rand_rank_q(W, r, st, 3);
        else
            r = 0; /* the zero matrix */
        rs_error_init(err);
        ck_assert_int_eq(rs_rank_factor(P, Q, &rank, W, err), RS_OK);
        ck_assert_int_eq(rank, r);
        ck_assert_int_eq(fmpq_mat_nrows(P), m);
        ck_assert_int_eq(fmpq_mat_ncols(P), m);
        ck_assert_int_eq(fmpq_mat_nrows(Q), n);
        ck_assert_int_eq(fmpq_mat_ncols(Q), n);
        /* invertible: exact determinants */
        {
            fmpq_t det;
            fmpq_init(det);
            fmpq_mat_det(det, P);
            ck_assert(!fmpq_is_zero(det));
            fmpq_mat_det(det, Q);
            ck_assert(!fmpq_is_zero(det));
            fmpq_clear(det);
        }
        fmpq_mat_init(E, m, n);
        fmpq_mat_init(T, m, n);
        set_corner_identity(E, r);
        fmpq_mat_mul(T, P, E);
        fmpq_mat_mul(E, T, Q);
        ck_assert(fmpq_mat_equal(E, W));
        fmpq_mat_clear(T);
        fmpq_mat_clear(E);
        fmpq_mat_clear(W);
        fmpq_mat_clear(P);
        fmpq_mat_clear(Q);
    }
    rs_rand_clear(st);
}
END_TEST

/* The canonical point of random barcodes, analysed back: the barcode and
   the product [[I_r,0],[0,0]], or a given W of rank r. */
START_TEST(test_canonical_analysed_back)
{
    flint_rand_t st;
    slong iter, n_iter = rs_test_long() ? 2000 : 250;
    rs_test_rand_init(st);
    for (iter = 0; iter < n_iter; iter++) {
        slong d[8], L, r;
        rs_barcode_t B, B2;
        rs_ranks_t R;
        rs_net_t N;
        fmpq_mat_t W, E;
        rs_error_t err;
        planted_shape(d, &L, &r, 4, 4, st);
        rs_barcode_init(B, L);
        rs_barcode_init(B2, L);
        rs_ranks_init(R, L);
        rs_net_init_empty(N);
        rs_error_init(err);
        ck_assert(rs_barcode_randtest(B, d, L, r, st));
        ck_assert_int_eq(rs_canonical_check(B, d, L, r, "B", err), RS_OK);
        fmpq_mat_init(W, d[L], d[0]);
        fmpq_mat_init(E, d[L], d[0]);
        set_corner_identity(E, r);
        ck_assert_int_eq(rs_canonical_point(N, B, NULL, err), RS_OK);
        ck_assert(fmpq_mat_equal(rs_net_product(N, L, 0), E));
        rs_net_ranks(R, N);
        rs_barcode_from_ranks(B2, R);
        ck_assert(rs_barcode_equal(B, B2));
        /* into the fiber of a random rank-r W */
        rs_test_rand_rank_q(W, r, st, 3);
        ck_assert_int_eq(rs_canonical_point(N, B, W, err), RS_OK);
        ck_assert(fmpq_mat_equal(rs_net_product(N, L, 0), W));
        rs_net_ranks(R, N);
        rs_barcode_from_ranks(B2, R);
        ck_assert(rs_barcode_equal(B, B2));
        fmpq_mat_clear(W);
        fmpq_mat_clear(E);
        rs_net_clear(N);
        rs_ranks_clear(R);
        rs_barcode_clear(B);
        rs_barcode_clear(B2);
    }
    rs_rand_clear(st);
}
END_TEST

START_TEST(test_canonical_errors)
{
    slong d[3] = {2, 3, 2};
    rs_barcode_t B;
    rs_net_t N;
    fmpq_mat_t W;
    rs_error_t err;
    rs_barcode_init(B, 2);
    rs_error_init(err);
    /* [0,2] + [1,1] + [0,0]: layer 1 has 2 strands, d_1 = 3 */
    rs_barcode_set_entry(B, 0, 2, 1);
    rs_barcode_set_entry(B, 1, 1, 1);
    rs_barcode_set_entry(B, 0, 0, 1);
    ck_assert_int_eq(rs_canonical_check(B, d, 2, -1, "--barcode", err),
                     RS_EINPUT);
    ck_assert_str_eq(err->msg, "--barcode: layer 1 has 2 strands but d_1 = 3 "
                               "(the bars i-j with i <= 1 <= j must number "
                               "d_1)");
    rs_barcode_set_entry(B, 1, 2, 1);
    ck_assert_int_eq(rs_canonical_check(B, d, 2, -1, "--barcode", err), RS_OK);
    ck_assert_int_eq(rs_canonical_check(B, d, 2, 2, "--barcode", err),
                     RS_EINPUT);
    ck_assert(strstr(err->msg, "rank W = 2") != NULL);
    /* a product of the wrong rank or shape leaves N alone */
    rs_net_init_empty(N);
    fmpq_mat_init(W, 2, 2);
    fmpq_mat_one(W);
    ck_assert_int_eq(rs_canonical_point(N, B, W, err), RS_EINPUT);
    ck_assert_int_eq(N->L, 0);
    fmpq_mat_clear(W);
    fmpq_mat_init(W, 2, 3);
    ck_assert_int_eq(rs_canonical_point(N, B, W, err), RS_EINPUT);
    ck_assert_int_eq(N->L, 0);
    fmpq_mat_clear(W);
    rs_net_clear(N);
    rs_barcode_clear(B);
}
END_TEST

/* Copies of the weights, to see that refused moves change nothing. */
static int same_weights(const rs_net_t N, const rs_net_t M)
{
    slong k;
    if (N->L != M->L)
        return 0;
    for (k = 1; k <= N->L; k++)
        if (!fmpq_mat_equal(rs_net_weight(N, k), rs_net_weight(M, k)))
            return 0;
    return 1;
}

START_TEST(test_hidden_move)
{
    flint_rand_t st;
    slong iter, n_iter = rs_test_long() ? 1500 : 200;
    rs_test_rand_init(st);
    for (iter = 0; iter < n_iter; iter++) {
        rs_net_t N, M;
        rs_barcode_t B;
        rs_ranks_t R0, R1;
        fmpq_mat_t G, W0, T;
        rs_error_t err;
        slong k, L;
        rs_net_init_empty(N);
        rs_net_init_empty(M);
        rs_barcode_init(B, 1);
        planted_random(N, B, 4, 3, st);
        L = N->L;
        rs_ranks_init(R0, L);
        rs_ranks_init(R1, L);
        rs_error_init(err);
        rs_net_ranks(R0, N);
        fmpq_mat_init(W0, N->d[L], N->d[0]);
        fmpq_mat_set(W0, rs_net_product(N, L, 0));
        rs_net_set(M, N);
        if (L == 1) {
            fmpq_mat_init(G, N->d[0], N->d[0]);
            fmpq_mat_one(G);
            ck_assert_int_eq(rs_move_hidden(N, 1, G, err), RS_EINPUT);
            ck_assert(same_weights(N, M));
            fmpq_mat_clear(G);
        } else {
            k = 1 + n_randint(st, L - 1);
            fmpq_mat_init(G, N->d[k], N->d[k]);
            rs_move_rand_invertible(G, st, 2);
            ck_assert_int_eq(rs_move_hidden(N, k, G, err), RS_OK);
            rs_net_ranks(R1, N);
            ck_assert(rs_ranks_equal(R0, R1));
            ck_assert(fmpq_mat_equal(rs_net_product(N, L, 0), W0));
            /* W_k -> G W_k */
            fmpq_mat_init(T, N->d[k], N->d[k - 1]);
            fmpq_mat_mul(T, G, rs_net_weight(M, k));
            ck_assert(fmpq_mat_equal(T, rs_net_weight(N, k)));
            fmpq_mat_clear(T);
            /* a singular G is refused */
            if (N->d[k] > 0) {
                rs_net_set(M, N);
                fmpq_mat_zero(G);
                ck_assert_int_eq(rs_move_hidden(N, k, G, err), RS_EINPUT);
                ck_assert(strstr(err->msg, "singular") != NULL);
                ck_assert(same_weights(N, M));
            }
            fmpq_mat_clear(G);
        }
        fmpq_mat_clear(W0);
        rs_ranks_clear(R0);
        rs_ranks_clear(R1);
        rs_barcode_clear(B);
        rs_net_clear(N);
        rs_net_clear(M);
    }
    rs_rand_clear(st);
}
END_TEST

START_TEST(test_end_moves)
{
    flint_rand_t st;
    slong iter, n_iter = rs_test_long() ? 1500 : 200;
    rs_test_rand_init(st);
    for (iter = 0; iter < n_iter; iter++) {
        rs_net_t N, M;
        rs_barcode_t B;
        rs_ranks_t R0, R1;
        fmpq_mat_t G, W0, T;
        rs_error_t err;
        slong L, k, e, i;
        rs_net_init_empty(N);
        rs_net_init_empty(M);
        rs_barcode_init(B, 1);
        planted_random(N, B, 4, 3, st);
        L = N->L;
        rs_ranks_init(R0, L);
        rs_ranks_init(R1, L);
        rs_error_init(err);
        rs_net_ranks(R0, N);
        fmpq_mat_init(W0, N->d[L], N->d[0]);
        fmpq_mat_set(W0, rs_net_product(N, L, 0));
        fmpq_mat_init(G, 0, 0);
        for (e = 0; e < 2; e++) {
            k = e ? L : 0;
            rs_move_rand_end_symmetry(G, N, k, st);
            fmpq_mat_init(T, N->d[L], N->d[0]);
            if (k == L)
                fmpq_mat_mul(T, G, W0);
            else
                fmpq_mat_mul(T, W0, G);
            ck_assert(fmpq_mat_equal(T, W0));
            fmpq_mat_clear(T);
            ck_assert_int_eq(rs_move_end(N, k, G, err), RS_OK);
            rs_net_ranks(R1, N);
            ck_assert(rs_ranks_equal(R0, R1));
            ck_assert(fmpq_mat_equal(rs_net_product(N, L, 0), W0));
        }
        /* 2 I does not fix a nonzero W; a hidden k is not an end */
        if (!fmpq_mat_is_zero(W0)) {
            rs_net_set(M, N);
            fmpq_mat_clear(G);
            fmpq_mat_init(G, N->d[L], N->d[L]);
            for (i = 0; i < N->d[L]; i++)
                fmpq_set_si(fmpq_mat_entry(G, i, i), 2, 1);
            ck_assert_int_eq(rs_move_end(N, L, G, err), RS_EINPUT);
            ck_assert(same_weights(N, M));
        }
        if (L >= 2) {
            fmpq_mat_clear(G);
            fmpq_mat_init(G, N->d[1], N->d[1]);
            fmpq_mat_one(G);
            ck_assert_int_eq(rs_move_end(N, 1, G, err), RS_EINPUT);
        }
        fmpq_mat_clear(G);
        fmpq_mat_clear(W0);
        rs_ranks_clear(R0);
        rs_ranks_clear(R1);
        rs_barcode_clear(B);
        rs_net_clear(N);
        rs_net_clear(M);
    }
    rs_rand_clear(st);
}
END_TEST

/* One-matrix moves: D = u w^T with u in null W_{Lk} (allowed, product kept,
   the stratum may change) and a random D with W_{Lk} D W_{k-1,0} != 0
   (refused). */
START_TEST(test_one_matrix)
{
    flint_rand_t st;
    slong iter, n_iter = rs_test_long() ? 1500 : 200, allowed = 0, refused = 0;
    rs_test_rand_init(st);
    for (iter = 0; iter < n_iter; iter++) {
        rs_net_t N, M;
        rs_barcode_t B;
        fmpq_mat_t D, K, W0, A, C;
        rs_error_t err;
        slong L, k, i, j, dimK;
        rs_net_init_empty(N);
        rs_net_init_empty(M);
        rs_barcode_init(B, 1);
        planted_random(N, B, 3, 3, st);
        L = N->L;
        k = 1 + n_randint(st, L);
        rs_error_init(err);
        fmpq_mat_init(W0, N->d[L], N->d[0]);
        fmpq_mat_set(W0, rs_net_product(N, L, 0));
        fmpq_mat_init(D, N->d[k], N->d[k - 1]);
        fmpq_mat_init(K, 0, 0);
        dimK = rs_qmat_nullspace(K, rs_net_product(N, L, k));
        if (dimK > 0 && N->d[k - 1] > 0) {
            for (i = 0; i < N->d[k]; i++)
                for (j = 0; j < N->d[k - 1]; j++)
                    fmpq_mul_si(fmpq_mat_entry(D, i, j),
                                fmpq_mat_entry(K, i, 0), 1 + (slong)j);
            ck_assert_int_eq(rs_move_one_matrix(N, k, D, err), RS_OK);
            ck_assert(fmpq_mat_equal(rs_net_product(N, L, 0), W0));
            allowed++;
        }
        /* a random D, refused exactly when it would change W */
        rs_net_set(M, N);
        for (i = 0; i < N->d[k]; i++)
            for (j = 0; j < N->d[k - 1]; j++)
                planted_rand_q(fmpq_mat_entry(D, i, j), st);
        fmpq_mat_init(A, N->d[k], N->d[0]);
        fmpq_mat_init(C, N->d[L], N->d[0]);
        fmpq_mat_mul(A, D, rs_net_product(N, k - 1, 0));
        fmpq_mat_mul(C, rs_net_product(N, L, k), A);
        if (fmpq_mat_is_zero(C)) {
            ck_assert_int_eq(rs_move_one_matrix(N, k, D, err), RS_OK);
            ck_assert(fmpq_mat_equal(rs_net_product(N, L, 0), W0));
        } else {
            ck_assert_int_eq(rs_move_one_matrix(N, k, D, err), RS_EINPUT);
            ck_assert(strstr(err->msg, "refused") != NULL);
            ck_assert(same_weights(N, M));
            refused++;
        }
        fmpq_mat_clear(A);
        fmpq_mat_clear(C);
        fmpq_mat_clear(K);
        fmpq_mat_clear(D);
        fmpq_mat_clear(W0);
        rs_barcode_clear(B);
        rs_net_clear(N);
        rs_net_clear(M);
    }
    ck_assert_int_gt(allowed, n_iter / 10);
    ck_assert_int_gt(refused, n_iter / 10);
    rs_rand_clear(st);
}
END_TEST

/* Every merge move at a random planted point, at a random t != 0: the rank
   list grows by one exactly on the rectangle a <= i <= c-1, b+1 <= j <= e
   (compared entry by entry), the barcode is the merged one, the product
   is kept; at t = 0 nothing changes. */
START_TEST(test_merge_rectangle)
{
    flint_rand_t st;
    slong iter, n_iter = rs_test_long() ? 2000 : 300, merges = 0;
    rs_test_rand_init(st);
    for (iter = 0; iter < n_iter; iter++) {
        rs_net_t N, M;
        rs_barcode_t B, B1, B2;
        rs_ranks_t R0, R1;
        rs_flow_t F;
        fmpq_mat_t W0;
        fmpq_t t;
        rs_error_t err;
        slong L, a, b, c, e, i, j;
        rs_net_init_empty(N);
        rs_net_init_empty(M);
        rs_barcode_init(B, 1);
        planted_random(N, B, 4, 3, st);
        L = N->L;
        rs_barcode_init(B1, L);
        rs_barcode_init(B2, L);
        rs_ranks_init(R0, L);
        rs_ranks_init(R1, L);
        rs_flow_init(F);
        fmpq_init(t);
        rs_error_init(err);
        rs_net_ranks(R0, N);
        fmpq_mat_init(W0, N->d[L], N->d[0]);
        fmpq_mat_set(W0, rs_net_product(N, L, 0));
        ck_assert_int_eq(rs_flow_compute(F, N, B, err), RS_OK);
        for (a = 0; a <= L; a++)
            for (b = a; b <= L; b++)
                for (c = 0; c <= L; c++)
                    for (e = c; e <= L; e++) {
                        slong p = rs_move_find_strand(F, a, b),
                              q = rs_move_find_strand(F, c, e);
                        int applies = rs_barcode_merge_applies(B, a, b, c, e);
                        if (p < 0 || q < 0 || p == q)
                            continue;
                        rs_net_set(M, N);
                        do
                            planted_rand_q(t, st);
                        while (fmpq_is_zero(t));
                        if (!applies) {
                            ck_assert_int_eq(rs_move_merge(M, F, p, q, t, err),
                                             RS_EINPUT);
                            ck_assert(same_weights(M, N));
                            continue;
                        }
                        merges++;
                        ck_assert_int_eq(rs_move_merge(M, F, p, q, t, err),
                                         RS_OK);
                        ck_assert(fmpq_mat_equal(rs_net_product(M, L, 0), W0));
                        rs_net_ranks(R1, M);
                        for (j = 1; j <= L; j++)
                            for (i = 0; i < j; i++) {
                                int in = a <= i && i <= c - 1 && b + 1 <= j &&
                                         j <= e;
                                ck_assert_int_eq(rs_ranks_get(R1, i, j),
                                                 rs_ranks_get(R0, i, j) + in);
                            }
                        rs_barcode_from_ranks(B1, R1);
                        rs_barcode_merge(B2, B, a, b, c, e);
                        ck_assert(rs_barcode_equal(B1, B2));
                        rs_move_merge_ranks(R1, R0, a, b, c, e);
                        rs_barcode_from_ranks(B1, R1);
                        ck_assert(rs_barcode_equal(B1, B2));
                        /* t = 0 */
                        rs_net_set(M, N);
                        fmpq_zero(t);
                        ck_assert_int_eq(rs_move_merge(M, F, p, q, t, err),
                                         RS_OK);
                        ck_assert(same_weights(M, N));
                    }
        fmpq_mat_clear(W0);
        fmpq_clear(t);
        rs_flow_clear(F);
        rs_ranks_clear(R0);
        rs_ranks_clear(R1);
        rs_barcode_clear(B);
        rs_barcode_clear(B1);
        rs_barcode_clear(B2);
        rs_net_clear(N);
        rs_net_clear(M);
    }
    ck_assert_int_gt(merges, n_iter / 4);
    rs_rand_clear(st);
}
END_TEST

START_TEST(test_randomize)
{
    flint_rand_t st;
    slong iter, n_iter = rs_test_long() ? 1000 : 150;
    rs_test_rand_init(st);
    for (iter = 0; iter < n_iter; iter++) {
        rs_net_t N;
        rs_barcode_t B;
        rs_ranks_t R0, R1;
        fmpq_mat_t W0;
        rs_error_t err;
        slong L;
        rs_net_init_empty(N);
        rs_barcode_init(B, 1);
        planted_random(N, B, 4, 4, st);
        L = N->L;
        rs_ranks_init(R0, L);
        rs_ranks_init(R1, L);
        rs_error_init(err);
        rs_net_ranks(R0, N);
        fmpq_mat_init(W0, N->d[L], N->d[0]);
        fmpq_mat_set(W0, rs_net_product(N, L, 0));
        ck_assert_int_eq(rs_move_randomize(N, st, 2, err), RS_OK);
        rs_net_ranks(R1, N);
        ck_assert(rs_ranks_equal(R0, R1));
        ck_assert(fmpq_mat_equal(rs_net_product(N, L, 0), W0));
        fmpq_mat_clear(W0);
        rs_ranks_clear(R0);
        rs_ranks_clear(R1);
        rs_barcode_clear(B);
        rs_net_clear(N);
    }
    rs_rand_clear(st);
}
END_TEST

int main(void)
{
    int failed;
    Suite *s = suite_create("moves");
    TCase *tc = tcase_create("moves");
    tcase_set_timeout(tc, 0);
    tcase_add_test(tc, test_rank_factor);
    tcase_add_test(tc, test_canonical_analysed_back);
    tcase_add_test(tc, test_canonical_errors);
    tcase_add_test(tc, test_hidden_move);
    tcase_add_test(tc, test_end_moves);
    tcase_add_test(tc, test_one_matrix);
    tcase_add_test(tc, test_merge_rectangle);
    tcase_add_test(tc, test_randomize);
    suite_add_tcase(s, tc);
    failed = rs_test_run(s);
    /* FLINT caches freed integers; releasing them keeps valgrind's leak
       report clean (with CK_FORK=no) */
    flint_cleanup_master();
    return failed ? 1 : 0;
}
