/* Tests of the rank list with shared work (rs_net_ranks, src/net/ranks.c):
   planted points give exactly their planted rank list, random networks give
   the rank list computed product by product, also when the screening prime
   is adversarial (tiny primes, a weight divisible by the prime, a minor
   divisible by the prime so that a rank is visible only modulo other
   primes, denominators divisible by the prime), with zero widths and
   L = 1; and the lazily computed products stay right. */
#include <stdlib.h>

#include "testutil.h"

/* The rank list product by product (rs_qmat_rank of every W_{ji}). */
static void naive_ranks(rs_ranks_t R, rs_net_t N)
{
    slong L = rs_net_num_layers(N), i, j;
    for (i = 0; i <= L; i++)
        rs_ranks_set_entry(R, i, i, rs_net_width(N, i));
    for (j = 1; j <= L; j++)
        for (i = 0; i < j; i++)
            rs_ranks_set_entry(R, i, j, rs_qmat_rank(rs_net_product(N, j, i)));
}

static slong rand_range(flint_rand_t state, slong lo, slong hi)
{
    return lo + (slong)n_randint(state, (ulong)(hi - lo + 1));
}

/* Random widths d_0..d_L in [lo, hi]. */
static void rand_widths(slong *d, slong L, slong lo, slong hi,
                        flint_rand_t state)
{
    slong k;
    for (k = 0; k <= L; k++)
        d[k] = rand_range(state, lo, hi);
}

static slong min_width(const slong *d, slong L)
{
    slong k, m = d[0];
    for (k = 1; k <= L; k++)
        m = FLINT_MIN(m, d[k]);
    return m;
}

/* G_k for every layer: rational (row scalings, inverses with
   denominators) or integer unimodular (integral network). */
static void act_all(rs_net_t N, int integral, flint_rand_t state)
{
    slong L = rs_net_num_layers(N), k;
    fmpq_mat_struct *G = flint_malloc((L + 1) * sizeof(fmpq_mat_struct));
    const fmpq_mat_struct **Gp = flint_malloc((L + 1) * sizeof(*Gp));
    for (k = 0; k <= L; k++) {
        slong n = rs_net_width(N, k);
        fmpq_mat_init(G + k, n, n);
        if (integral) {
            fmpz_mat_t Z;
            fmpz_mat_init(Z, n, n);
            rs_zmat_randunimodular(Z, state, 2);
            fmpq_mat_set_fmpz_mat(G + k, Z);
            fmpz_mat_clear(Z);
        } else
            rs_test_rand_invertible_q(G + k, state, 2);
        Gp[k] = G + k;
    }
    ck_assert(rs_net_act(N, Gp));
    for (k = 0; k <= L; k++)
        fmpq_mat_clear(G + k);
    flint_free(G);
    flint_free(Gp);
}

/* Asserts that every way of computing the rank list of N gives the
   barcode B (B == NULL: the product-by-product list). */
static void check_ranks(rs_net_t N, const rs_barcode_t B, ulong start)
{
    slong L = rs_net_num_layers(N);
    rs_ranks_t R, E;
    rs_ranks_init(R, 0); /* re-shaped by rs_net_ranks */
    rs_ranks_init(E, L);
    if (B != NULL)
        rs_ranks_from_barcode(E, B);
    else
        naive_ranks(E, N);
    rs_net_ranks_start(R, N, start);
    ck_assert(rs_ranks_equal(R, E));
    rs_net_ranks(R, N);
    ck_assert(rs_ranks_equal(R, E));
    rs_ranks_clear(R);
    rs_ranks_clear(E);
}

/* Planted points: the canonical point of a random barcode moved by random
   invertible matrices at every layer has exactly the planted rank list,
   with the automatic prime and with a stream of tiny primes. */
START_TEST(test_planted)
{
    flint_rand_t state;
    slong trial, ntrials = rs_test_long() ? 300 : 60;
    rs_test_rand_init(state);
    for (trial = 0; trial < ntrials; trial++) {
        slong d[8], L = rand_range(state, 1, 5), r;
        rs_barcode_t B;
        rs_net_t N;
        /* widths large enough for the modular route, zeros sometimes */
        rand_widths(d, L, trial % 5 == 0 ? 0 : 3, trial % 3 ? 12 : 24, state);
        if (trial == 0) {
            /* wide enough for the cells of a diagonal to run on threads */
            L = 3;
            rand_widths(d, L, 48, 56, state);
        }
        r = rand_range(state, 0, min_width(d, L));
        rs_barcode_init(B, L);
        ck_assert(rs_barcode_randtest(B, d, L, r, state));
        rs_net_init_empty(N);
        rs_net_set_canonical(N, B);
        act_all(N, trial % 2, state);
        check_ranks(N, B, 0);
        check_ranks(N, B, 1);       /* primes 2, 3, 5, ... */
        check_ranks(N, B, 1000003); /* primes near 10^6 */
        rs_net_clear(N);
        rs_barcode_clear(B);
    }
    rs_rand_clear(state);
}
END_TEST

START_TEST(test_empty)
{
    rs_net_t N;
    rs_ranks_t R;
    rs_net_init_empty(N);
    rs_ranks_init(R, 2);
    ck_assert_int_eq(rs_net_ranks_start(R, N, 0), 0);
    ck_assert_int_eq(R->L, 0);
    ck_assert_int_eq(rs_ranks_get(R, 0, 0), 0);
    rs_ranks_clear(R);
    rs_net_clear(N);
}
END_TEST

/* Random networks (weights of random rank, so rank drops everywhere, zero
   widths, L = 1) against the product-by-product rank list. */
START_TEST(test_random_vs_naive)
{
    flint_rand_t state;
    slong trial, ntrials = rs_test_long() ? 400 : 80;
    rs_test_rand_init(state);
    for (trial = 0; trial < ntrials; trial++) {
        slong d[8], L = rand_range(state, 1, 6), k;
        rs_net_t N;
        rand_widths(d, L, 0, trial % 4 ? 6 : 20, state);
        rs_net_init(N, d, L);
        for (k = 1; k <= L; k++) {
            slong m = FLINT_MIN(d[k], d[k - 1]);
            rs_test_rand_rank_q(rs_net_weight_mut(N, k),
                                rand_range(state, 0, m), state, 3);
        }
        check_ranks(N, NULL, 0);
        check_ranks(N, NULL, 1);
        rs_net_clear(N);
    }
    rs_rand_clear(state);
}
END_TEST

/* The first prime of the screening stream after `start`. */
static ulong first_prime(ulong start)
{
    return n_nextprime(start, 1);
}

/* Adversarial networks for the screening prime p: W_k divisible by p
   (every product through layer k vanishes mod p), denominators p (the
   cleared weights are then ordinary integers), and a 2 x 2 block
   [[1, 1], [1, 1 + p]] of determinant p planted in a weight (a rank
   visible over Q and modulo other primes but not modulo p), all moved by
   integer unimodular matrices, which keep ranks modulo every prime. */
START_TEST(test_adversarial_primes)
{
    flint_rand_t state;
    slong trial, ntrials = rs_test_long() ? 200 : 40;
    ulong starts[3] = {1000003, UWORD(1) << 40, (UWORD(1) << 62) + 17};
    rs_test_rand_init(state);
    for (trial = 0; trial < ntrials; trial++) {
        ulong start = starts[trial % 3];
        ulong p;
        slong d[8], L = rand_range(state, 1, 5), r, k, kind = trial % 3;
        rs_barcode_t B;
        rs_net_t N;
        p = first_prime(start);
        rand_widths(d, L, 2, 18, state);
        r = rand_range(state, 0, min_width(d, L));
        rs_barcode_init(B, L);
        ck_assert(rs_barcode_randtest(B, d, L, r, state));
        rs_net_init_empty(N);
        rs_net_set_canonical(N, B);
        k = rand_range(state, 1, L);
        if (kind == 0) {
            /* W_k = p * W_k: nothing changes over Q */
            fmpq_t s;
            fmpq_init(s);
            fmpq_set_ui(s, p, 1);
            fmpq_mat_scalar_mul_fmpq(rs_net_weight_mut(N, k),
                                     rs_net_weight(N, k), s);
            fmpq_clear(s);
        } else if (kind == 1) {
            /* W_k = W_k / p */
            fmpz_t s;
            fmpz_init_set_ui(s, p);
            fmpq_mat_scalar_div_fmpz(rs_net_weight_mut(N, k),
                                     rs_net_weight(N, k), s);
            fmpz_clear(s);
        }
        act_all(N, 1, state);
        if (kind == 2) {
            /* D = I except the block [[1, 1], [1, 1 + p]] on two
               coordinates of layer k - 1: det D = p.  W_k <- W_k D and
               W_{k-1} <- adj(D) W_{k-1} (adj(D) = p D^{-1} is integral):
               over Q every product is kept up to the scalar p, while modulo
               p the weight W_k D may lose rank. */
            slong n = rs_net_width(N, k - 1), a;
            if (n >= 2) {
                fmpq_mat_t D, W;
                a = rand_range(state, 0, n - 2);
                fmpq_mat_init(D, n, n);
                fmpq_mat_one(D);
                fmpq_set_si(fmpq_mat_entry(D, a, a + 1), 1, 1);
                fmpq_set_si(fmpq_mat_entry(D, a + 1, a), 1, 1);
                fmpq_set_ui(fmpq_mat_entry(D, a + 1, a + 1), p + 1, 1);
                fmpq_mat_init(W, rs_net_width(N, k), n);
                fmpq_mat_mul(W, rs_net_weight(N, k), D);
                fmpq_mat_set(rs_net_weight_mut(N, k), W);
                fmpq_mat_clear(W);
                if (k > 1) {
                    fmpq_mat_t A;
                    fmpq_mat_init(A, n, n);
                    fmpq_mat_inv(A, D);
                    {
                        fmpz_t s;
                        fmpz_init_set_ui(s, p);
                        fmpq_mat_scalar_mul_fmpz(A, A, s);
                        fmpz_clear(s);
                    }
                    fmpq_mat_init(W, n, rs_net_width(N, k - 2));
                    fmpq_mat_mul(W, A, rs_net_weight(N, k - 1));
                    fmpq_mat_set(rs_net_weight_mut(N, k - 1), W);
                    fmpq_mat_clear(W);
                    fmpq_mat_clear(A);
                }
                fmpq_mat_clear(D);
            }
        }
        check_ranks(N, B, start);
        check_ranks(N, NULL, start);
        rs_net_clear(N);
        rs_barcode_clear(B);
    }
    rs_rand_clear(state);
}
END_TEST

/* A rank that only the exact work can see: W_1 = [[1, 1], [1, 1 + p]]
   (rank 2, rank 1 mod p) times invertible layers; and W_1 = p I.  The
   screening prime p shows lower ranks; the answer is still exact and the
   exact work is reported. */
START_TEST(test_rank_visible_only_mod_other_primes)
{
    ulong start = 1000003;
    ulong p = first_prime(start);
    slong d[4] = {2, 2, 2, 2}, L = 3, k, i, j;
    rs_net_t N;
    rs_ranks_t R;
    rs_net_init(N, d, L);
    rs_ranks_init(R, L);
    fmpq_mat_one(rs_net_weight_mut(N, 1));
    fmpq_set_ui(fmpq_mat_entry(rs_net_weight_mut(N, 1), 0, 1), 1, 1);
    fmpq_set_ui(fmpq_mat_entry(rs_net_weight_mut(N, 1), 1, 0), 1, 1);
    fmpq_set_ui(fmpq_mat_entry(rs_net_weight_mut(N, 1), 1, 1), p + 1, 1);
    for (k = 2; k <= L; k++)
        fmpq_mat_one(rs_net_weight_mut(N, k));
    ck_assert_int_ge(rs_net_ranks_start(R, N, start), 1);
    for (j = 0; j <= L; j++)
        for (i = 0; i <= j; i++)
            ck_assert_int_eq(rs_ranks_get(R, i, j), 2);
    /* W_1 = p I: rank 0 mod p, 2 over Q */
    fmpq_mat_one(rs_net_weight_mut(N, 1));
    for (k = 0; k < 2; k++)
        fmpq_set_ui(fmpq_mat_entry(rs_net_weight_mut(N, 1), k, k), p, 1);
    ck_assert_int_ge(rs_net_ranks_start(R, N, start), 1);
    for (j = 0; j <= L; j++)
        for (i = 0; i <= j; i++)
            ck_assert_int_eq(rs_ranks_get(R, i, j), 2);
    rs_ranks_clear(R);
    rs_net_clear(N);
}
END_TEST

/* Where the modular ranks meet the monotone bound, no exact work is done:
   invertible square layers, and generic rectangular layers, certify every
   entry by the screening alone; a planted drop needs exact work. */
START_TEST(test_structure_saves_work)
{
    flint_rand_t state;
    slong trial;
    rs_test_rand_init(state);
    for (trial = 0; trial < 30; trial++) {
        slong d[8], L = rand_range(state, 1, 5), k, i, j;
        rs_net_t N;
        rs_ranks_t R;
        rand_widths(d, L, 0, 20, state);
        rs_net_init(N, d, L);
        rs_ranks_init(R, L);
        /* W_k = [[I, 0], [0, 0]] moved by invertible matrices: then
           r_ji = min(d_i, ..., d_j), every product has the rank of its
           smallest dimension or of a neighbour, and the screening prime
           (near 2^60) sees it unless it divides every maximal minor */
        for (k = 1; k <= L; k++)
            fmpq_mat_one(rs_net_weight_mut(N, k));
        act_all(N, (int)(trial % 2), state);
        ck_assert_int_eq(rs_net_ranks_start(R, N, 0), 0);
        for (j = 0; j <= L; j++)
            for (i = 0; i <= j; i++)
                ck_assert_int_eq(rs_ranks_get(R, i, j),
                                 min_width(d + i, j - i));
        rs_ranks_clear(R);
        rs_net_clear(N);
    }
    {
        /* d = (3, 3, 3): W_1, W_2 of rank 2 with W_2 W_1 of rank 1 */
        slong d[3] = {3, 3, 3};
        rs_net_t N;
        rs_ranks_t R;
        rs_net_init(N, d, 2);
        rs_ranks_init(R, 2);
        fmpq_set_si(fmpq_mat_entry(rs_net_weight_mut(N, 1), 0, 0), 1, 1);
        fmpq_set_si(fmpq_mat_entry(rs_net_weight_mut(N, 1), 1, 1), 1, 1);
        fmpq_set_si(fmpq_mat_entry(rs_net_weight_mut(N, 2), 1, 1), 1, 1);
        fmpq_set_si(fmpq_mat_entry(rs_net_weight_mut(N, 2), 2, 2), 1, 1);
        act_all(N, 0, state);
        ck_assert_int_eq(rs_net_ranks_start(R, N, 0), 3);
        ck_assert_int_eq(rs_ranks_get(R, 0, 2), 1);
        rs_ranks_clear(R);
        rs_net_clear(N);
    }
    rs_rand_clear(state);
}
END_TEST

/* Products are computed on demand in any order and agree with the chain
   product from scratch, before and after a weight changes. */
START_TEST(test_lazy_products)
{
    flint_rand_t state;
    slong trial;
    rs_test_rand_init(state);
    for (trial = 0; trial < 60; trial++) {
        slong d[8], L = rand_range(state, 1, 6), k, q;
        rs_net_t N;
        rs_ranks_t R;
        fmpq_mat_t P;
        rand_widths(d, L, 0, 5, state);
        rs_net_init(N, d, L);
        rs_ranks_init(R, L);
        fmpq_mat_init(P, 0, 0);
        for (k = 1; k <= L; k++)
            rs_test_rand_rank_q(rs_net_weight_mut(N, k),
                                FLINT_MIN(d[k], d[k - 1]), state, 3);
        rs_net_ranks(R, N);
        for (q = 0; q < 3 * L; q++) {
            slong i = rand_range(state, 0, L), j = rand_range(state, i, L);
            const fmpq_mat_struct *W = rs_net_product(N, j, i);
            ck_assert_int_eq(fmpq_mat_nrows(W), d[j]);
            ck_assert_int_eq(fmpq_mat_ncols(W), d[i]);
            if (i == j)
                ck_assert(fmpq_mat_is_one(W));
            else {
                rs_qmat_chain_mul(P, N->W + i, j - i, NULL);
                ck_assert(fmpq_mat_equal(P, W));
                ck_assert_int_eq(rs_qmat_rank(W), rs_ranks_get(R, i, j));
            }
            if (q == L) {
                /* a changed weight invalidates what was computed */
                k = rand_range(state, 1, L);
                rs_test_rand_rank_q(rs_net_weight_mut(N, k),
                                    FLINT_MIN(d[k], d[k - 1]), state, 3);
                rs_net_ranks(R, N);
            }
        }
        fmpq_mat_clear(P);
        rs_ranks_clear(R);
        rs_net_clear(N);
    }
    rs_rand_clear(state);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("net_ranks");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 0);
    tcase_add_test(tc, test_planted);
    tcase_add_test(tc, test_empty);
    tcase_add_test(tc, test_random_vs_naive);
    tcase_add_test(tc, test_adversarial_primes);
    tcase_add_test(tc, test_rank_visible_only_mod_other_primes);
    tcase_add_test(tc, test_structure_saves_work);
    tcase_add_test(tc, test_lazy_products);
    suite_add_tcase(s, tc);
    return rs_test_run(s) ? EXIT_FAILURE : EXIT_SUCCESS;
}
