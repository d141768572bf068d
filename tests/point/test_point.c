/* The point analysis (rs_point_analyze) on moved canonical points of random
   barcodes, whose answers are known by construction; argument and shape
   errors of the public functions; strata fill progress and cancellation. */
#include <string.h>

#include "testutil.h"

START_TEST(test_planted)
{
    flint_rand_t st;
    slong iter, n = rs_test_long() ? 300 : 60;
    rs_test_rand_init(st);
    for (iter = 0; iter < n; iter++) {
        slong L = 1 + n_randint(st, 3), d[4], k, r = 0;
        rs_barcode_t B;
        rs_net_t N;
        rs_point_t P;
        rs_point_opts o;
        rs_error_t err;
        fmpz_t comp;
        for (k = 0; k <= L; k++)
            d[k] = 1 + n_randint(st, 3);
        for (k = 0, r = d[0]; k <= L; k++)
            r = FLINT_MIN(r, d[k]);
        r = n_randint(st, r + 1);
        rs_barcode_init(B, L);
        ck_assert(rs_barcode_randtest(B, d, L, r, st));
        rs_net_init_empty(N);
        rs_error_init(err);
        ck_assert_int_eq(rs_canonical_point(N, B, NULL, err), RS_OK);
        ck_assert_int_eq(rs_move_randomize(N, st, 2, err), RS_OK);
        rs_point_opts_init(&o);
        o.tangent = o.normal = o.check = o.subspaces = o.flow = 1;
        rs_point_init(P);
        ck_assert_msg(rs_point_analyze(P, N, &o, err) == RS_OK, "%s", err->msg);
        ck_assert(rs_barcode_equal(P->barcode, B));
        ck_assert_int_eq(P->rank, r);
        ck_assert_int_eq(P->dim, rs_barcode_dim(B));
        ck_assert_int_eq(P->codim, rs_net_num_params(N) - P->dim);
        ck_assert_int_eq(P->fiber_dim, rs_fiber_dim(d, L, r));
        fmpz_init(comp);
        rs_barcode_components(comp, B);
        ck_assert(fmpz_equal(comp, P->components));
        fmpz_clear(comp);
        ck_assert(P->strata_counted);
        ck_assert(P->have_check && rs_tangent_check_passed(&P->check));
        ck_assert_int_eq(rs_rank1_basis_len(P->tangent), P->dim);
        ck_assert_int_eq(rs_rank1_basis_len(P->normal), P->codim);
        ck_assert(P->layers != NULL);
        /* analysing again into the same point discards the old result */
        o.subspaces = o.check = 0;
        o.no_count = 1;
        ck_assert_int_eq(rs_point_analyze(P, N, &o, err), RS_OK);
        ck_assert(P->layers == NULL && !P->strata_counted);
        ck_assert(rs_barcode_equal(P->barcode, B));
        rs_point_clear(P);
        rs_net_clear(N);
        rs_barcode_clear(B);
    }
    rs_rand_clear(st);
}
END_TEST

START_TEST(test_limits)
{
    slong d[3] = {3, 4, 3};
    rs_net_t N;
    rs_point_t P;
    rs_point_opts o;
    rs_error_t err;
    rs_net_init(N, d, 2);
    rs_point_opts_init(&o);
    o.tangent = 1;
    o.max_entries = 20; /* N = 24 parameters: one dense vector is too big */
    rs_point_init(P);
    rs_error_init(err);
    ck_assert_int_eq(rs_point_analyze(P, N, &o, err), RS_ELIMIT);
    ck_assert_msg(strstr(err->msg, "--max-entries") != NULL, "%s", err->msg);
    rs_point_clear(P);
    rs_net_clear(N);
}
END_TEST

START_TEST(test_bad_arguments)
{
    slong d[3] = {2, 3, 2};
    rs_net_t N;
    rs_point_t P;
    rs_error_t err;
    rs_qspace_t U, V, W;
    fmpq_mat_t A;
    fmpq_mat_struct M[2];
    rs_point_init(P);
    rs_error_init(err);
    ck_assert_int_eq(rs_point_analyze(P, NULL, NULL, err), RS_EINPUT);
    ck_assert(strstr(err->msg, "NULL") != NULL);
    rs_net_init_empty(N);
    ck_assert_int_eq(rs_point_analyze(P, N, NULL, err), RS_EINPUT);
    rs_net_clear(N);
    /* a weight of the wrong shape */
    rs_net_init(N, d, 2);
    fmpq_mat_clear(N->W + 1);
    fmpq_mat_init(N->W + 1, 3, 3);
    ck_assert_int_eq(rs_point_analyze(P, N, NULL, err), RS_EINPUT);
    ck_assert_msg(strstr(err->msg, "W2 is 3 x 3, expected 2 x 3") != NULL, "%s",
                  err->msg);
    rs_net_clear(N);
    rs_point_clear(P);

    /* shape errors of the subspace operations come back as errors */
    rs_qspace_init(U, 2);
    rs_qspace_init(V, 3);
    rs_qspace_init(W, 2);
    ck_assert_int_eq(rs_qspace_sum(W, U, V, err), RS_EINPUT);
    ck_assert(strstr(err->msg, "rs_qspace_sum: shapes do not match") != NULL);
    ck_assert_int_eq(rs_qspace_intersect(W, U, V, err), RS_EINPUT);
    fmpq_mat_init(A, 2, 2);
    ck_assert_int_eq(rs_qspace_image(W, A, V, err), RS_EINPUT);
    ck_assert_int_eq(rs_qspace_preimage(W, A, V, err), RS_EINPUT);
    ck_assert_int_eq(rs_qspace_image(W, A, U, NULL), RS_OK);
    fmpq_mat_init(M + 0, 2, 3);
    fmpq_mat_init(M + 1, 4, 3);
    ck_assert_int_eq(rs_qmat_chain_mul(A, M, 2, err), RS_EINPUT);
    ck_assert(strstr(err->msg, "do not chain") != NULL);
    ck_assert_int_eq(rs_qmat_chain_mul(A, M, 0, err), RS_EINPUT);
    ck_assert_int_eq(rs_qmat_chain_mul(A, M, 1, err), RS_OK);
    ck_assert_int_eq(fmpq_mat_nrows(A), 2);
    ck_assert_int_eq(fmpq_mat_ncols(A), 3);
    fmpq_mat_clear(M + 0);
    fmpq_mat_clear(M + 1);
    fmpq_mat_clear(A);
    rs_qspace_clear(U);
    rs_qspace_clear(V);
    rs_qspace_clear(W);
}
END_TEST

typedef struct {
    slong calls, last, stop_after;
} progress_log;

static int log_progress(void *data, slong done)
{
    progress_log *p = data;
    ck_assert(done > p->last);
    p->last = done;
    return ++p->calls >= p->stop_after;
}

START_TEST(test_fill_progress)
{
    slong d[4] = {3, 3, 3, 3};
    rs_strata_t S, T;
    rs_progress_t tok;
    progress_log log = {0, 0, WORD_MAX};
    rs_error_t err;
    rs_error_init(err);
    rs_strata_init(S, d, 3, 1);
    rs_strata_init(T, d, 3, 1);
    ck_assert_int_eq(rs_strata_fill(S, 0, err), RS_OK);
    rs_progress_init(tok);
    tok->fn = log_progress;
    tok->data = &log;
    tok->every = 7;
    ck_assert_int_eq(rs_strata_fill_progress(T, 0, tok, err), RS_OK);
    ck_assert_int_eq(T->n, S->n);
    ck_assert_int_eq(log.calls, S->n / 7);
    /* the callback cancels at its third call */
    rs_strata_clear(T);
    rs_strata_init(T, d, 3, 1);
    log.calls = log.last = 0;
    log.stop_after = 3;
    ck_assert_int_eq(rs_strata_fill_progress(T, 0, tok, err), RS_ECANCEL);
    ck_assert_int_eq(T->n, 0);
    ck_assert_int_eq(log.calls, 3);
    ck_assert(tok->cancel);
    /* a token cancelled beforehand stops at once */
    ck_assert_int_eq(rs_strata_fill_progress(T, 0, tok, err), RS_ECANCEL);
    ck_assert_int_eq(T->n, 0);
    rs_strata_clear(S);
    rs_strata_clear(T);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("point");
    TCase *tc = tcase_create("point");
    tcase_set_timeout(tc, 0);
    tcase_add_test(tc, test_planted);
    tcase_add_test(tc, test_limits);
    tcase_add_test(tc, test_bad_arguments);
    tcase_add_test(tc, test_fill_progress);
    suite_add_tcase(s, tc);
    return rs_test_run(s) ? 1 : 0;
}
