/* Tests of the layer subspaces of the Fundamental Theorem (docs/math.md
   section 5) at random planted points of known strata. */
#include <flint/fmpq_vec.h>

#include "../flow/planted.h"

/* Whether every column x of the basis of V satisfies A x = 0. */
static int killed_by(const rs_qspace_t V, const fmpq_mat_t A)
{
    const fmpq_mat_struct *X = rs_qspace_basis(V);
    fmpq_mat_t P;
    int ok;
    fmpq_mat_init(P, fmpq_mat_nrows(A), fmpq_mat_ncols(X));
    fmpq_mat_mul(P, A, X);
    ok = fmpq_mat_is_zero(P);
    fmpq_mat_clear(P);
    return ok;
}

/* The dimensions match the rank list, and each subspace is what its name
   says, checked by exact products: A_{kji} in col W_{ki} and killed by
   W_{jk}; B_{kji} killed by W_{ki}^T and in row W_{jk}. */
START_TEST(test_planted)
{
    flint_rand_t st;
    slong iter, n = rs_test_long() ? 1000 : 150;
    rs_test_rand_init(st);
    for (iter = 0; iter < n; iter++) {
        rs_barcode_t B;
        rs_ranks_t R;
        rs_net_t N;
        rs_error_t err;
        slong L, k, i, j;
        rs_barcode_init(B, 1);
        rs_net_init_empty(N);
        planted_random(N, B, 4, 4, st);
        L = B->L;
        rs_ranks_init(R, L);
        rs_ranks_from_barcode(R, B);
        for (k = 0; k <= L; k++) {
            rs_layer_t S;
            rs_qspace_t V, C;
            rs_layer_init(S, N, k);
            rs_error_init(err);
            ck_assert_msg(rs_layer_check(S, R, err) == RS_OK, "%s", err->msg);
            rs_qspace_init(V, N->d[k]);
            rs_qspace_init(C, N->d[k]);
            for (i = 0; i <= k; i++) {
                fmpq_mat_t T;
                const fmpq_mat_struct *P = rs_net_product(N, k, i);
                fmpq_mat_init(T, fmpq_mat_ncols(P), fmpq_mat_nrows(P));
                fmpq_mat_transpose(T, P);
                ck_assert(killed_by(rs_layer_left_null(S, i), T));
                rs_qspace_colspace(C, P);
                for (j = k; j <= L; j++) {
                    const fmpq_mat_struct *Q = rs_net_product(N, j, k);
                    rs_layer_A(V, S, j, i);
                    ck_assert_int_eq(rs_qspace_dim(V),
                                     rs_ranks_get(R, i, k) -
                                         rs_ranks_get(R, i, j));
                    ck_assert(killed_by(V, Q));
                    ck_assert(rs_qspace_contains(C, V));
                    rs_layer_B(V, S, j, i);
                    ck_assert_int_eq(rs_qspace_dim(V),
                                     rs_ranks_get(R, k, j) -
                                         rs_ranks_get(R, i, j));
                    ck_assert(killed_by(V, T));
                    ck_assert(rs_qspace_contains(rs_layer_row(S, j), V));
                }
                fmpq_mat_clear(T);
            }
            for (j = k; j <= L; j++)
                ck_assert(
                    killed_by(rs_layer_null(S, j), rs_net_product(N, j, k)));
            rs_qspace_clear(V);
            rs_qspace_clear(C);
            rs_layer_clear(S);
        }
        rs_ranks_clear(R);
        rs_net_clear(N);
        rs_barcode_clear(B);
    }
    rs_rand_clear(st);
}
END_TEST

/* The flow basis is adapted to both flags: at layer k,
   col W_{ki} ∩ null W_{j+1,k} = A_{k,j+1,i} is spanned by the v_s^(k) of
   the strands [a,b] with a <= i and b <= j. */
START_TEST(test_flow_adapted)
{
    flint_rand_t st;
    slong iter;
    rs_test_rand_init(st);
    for (iter = 0; iter < 100; iter++) {
        rs_barcode_t B;
        rs_net_t N;
        rs_flow_t F;
        rs_error_t err;
        slong L, k, i, j, s, p;
        rs_barcode_init(B, 1);
        rs_net_init_empty(N);
        planted_random(N, B, 4, 4, st);
        L = B->L;
        rs_flow_init(F);
        rs_error_init(err);
        ck_assert_int_eq(rs_flow_compute(F, N, B, err), RS_OK);
        for (k = 0; k <= L; k++) {
            rs_layer_t S;
            rs_qspace_t V, U;
            rs_layer_init(S, N, k);
            rs_qspace_init(V, N->d[k]);
            rs_qspace_init(U, N->d[k]);
            for (i = 0; i <= k; i++)
                for (j = k - 1; j < L; j++) {
                    fmpq_mat_t X;
                    slong n = 0, c;
                    for (s = 0; s < F->num; s++)
                        n += rs_flow_lives(F, s, k) &&
                             rs_flow_birth(F, s) <= i &&
                             rs_flow_death(F, s) <= j;
                    fmpq_mat_init(X, N->d[k], n);
                    for (s = 0, c = 0; s < F->num; s++) {
                        if (!(rs_flow_lives(F, s, k) &&
                              rs_flow_birth(F, s) <= i &&
                              rs_flow_death(F, s) <= j))
                            continue;
                        for (p = 0; p < N->d[k]; p++)
                            fmpq_set(fmpq_mat_entry(X, p, c),
                                     rs_flow_v_entry(F, s, k, p));
                        c++;
                    }
                    rs_qspace_colspace(U, X);
                    rs_layer_A(V, S, j + 1, i);
                    ck_assert(rs_qspace_equal(U, V));
                    fmpq_mat_clear(X);
                }
            rs_qspace_clear(V);
            rs_qspace_clear(U);
            rs_layer_clear(S);
        }
        rs_flow_clear(F);
        rs_net_clear(N);
        rs_barcode_clear(B);
    }
    rs_rand_clear(st);
}
END_TEST

/* Checking against the rank list of another stratum of the same fiber
   fails (some subspace has the wrong dimension). */
START_TEST(test_mismatch)
{
    flint_rand_t st;
    slong iter, hits = 0;
    rs_test_rand_init(st);
    for (iter = 0; iter < 200; iter++) {
        rs_barcode_t B, B2;
        rs_ranks_t R2;
        rs_net_t N;
        rs_error_t err;
        slong d[16], L, r, k;
        int failed = 0;
        planted_shape(d, &L, &r, 4, 3, st);
        rs_barcode_init(B, L);
        rs_barcode_init(B2, L);
        ck_assert(rs_barcode_randtest(B, d, L, r, st));
        ck_assert(rs_barcode_randtest(B2, d, L, r, st));
        rs_net_init_empty(N);
        planted_point(N, B, 1, st);
        rs_ranks_init(R2, L);
        rs_ranks_from_barcode(R2, B2);
        for (k = 0; k <= L; k++) {
            rs_layer_t S;
            rs_layer_init(S, N, k);
            rs_error_init(err);
            if (rs_layer_check(S, R2, err) != RS_OK) {
                ck_assert_int_eq(err->status, RS_EINTERNAL);
                failed = 1;
            }
            rs_layer_clear(S);
        }
        ck_assert_int_eq(failed, !rs_barcode_equal(B, B2));
        hits += failed;
        rs_ranks_clear(R2);
        rs_net_clear(N);
        rs_barcode_clear(B);
        rs_barcode_clear(B2);
    }
    ck_assert_int_gt(hits, 20);
    rs_rand_clear(st);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("layers");
    TCase *tc = tcase_create("layers");
    tcase_set_timeout(tc, 0);
    tcase_add_test(tc, test_planted);
    tcase_add_test(tc, test_flow_adapted);
    tcase_add_test(tc, test_mismatch);
    suite_add_tcase(s, tc);
    return rs_test_run(s) ? 1 : 0;
}
