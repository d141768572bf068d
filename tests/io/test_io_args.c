/* Argument checks of the public io, net, moves and canonical functions: NULL
   pointers, out-of-range indices and wrong shapes give an error return
   (RS_EINPUT with a message), never a crash; in particular NULL data with
   a nonzero length is not read. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

START_TEST(test_read_buffer_null)
{
    rs_net_t N;
    fmpq_mat_t M;
    rs_error_t err;
    rs_net_init_empty(N);
    fmpq_mat_init(M, 0, 0);
    rs_error_init(err);
    ck_assert_int_eq(rs_net_read_buffer(N, NULL, 5, "x", NULL, err), RS_EINPUT);
    ck_assert(strstr(err->msg, "NULL") != NULL);
    ck_assert_int_eq(rs_matrix_read_buffer(M, NULL, 5, "x", NULL, err),
                     RS_EINPUT);
    ck_assert_int_eq(rs_net_read_buffer(NULL, "dims 1\n", 7, "x", NULL, err),
                     RS_EINPUT);
    ck_assert_int_eq(rs_net_read(N, NULL, NULL, err), RS_EINPUT);
    ck_assert_int_eq(rs_matrix_read(NULL, "x", NULL, err), RS_EINPUT);
    /* NULL with length 0 is the empty input: a parse error, not a crash */
    ck_assert_int_eq(rs_net_read_buffer(N, NULL, 0, "x", NULL, err), RS_EINPUT);
    /* a NULL err only loses the message */
    ck_assert_int_eq(rs_net_read_buffer(N, NULL, 5, "x", NULL, NULL),
                     RS_EINPUT);
    rs_net_clear(N);
    fmpq_mat_clear(M);
}
END_TEST

START_TEST(test_parsers_null)
{
    slong *d = NULL, L = 0, v = 0;
    rs_barcode_t B;
    rs_error_t err;
    rs_outfile_t out;
    rs_error_init(err);
    rs_barcode_init(B, 2);
    ck_assert_int_eq(rs_parse_dims(&d, &L, NULL, "--dims", err), RS_EINPUT);
    ck_assert_int_eq(rs_parse_dims(NULL, &L, "1,2", "--dims", err), RS_EINPUT);
    ck_assert_int_eq(rs_parse_barcode(B, 2, NULL, "--barcode", err), RS_EINPUT);
    ck_assert_int_eq(rs_parse_barcode(B, -1, "0-0", "--barcode", err),
                     RS_EINPUT);
    ck_assert_int_eq(rs_parse_slong(&v, NULL, 10, "--n", err), RS_EINPUT);
    ck_assert_int_eq(rs_parse_slong(NULL, "3", 10, "--n", err), RS_EINPUT);
    ck_assert_int_eq(rs_outfile_open(&out, NULL, err), RS_EINPUT);
    ck_assert_int_eq(rs_outfile_open(NULL, "-", err), RS_EINPUT);
    ck_assert(d == NULL);
    rs_barcode_clear(B);
}
END_TEST

START_TEST(test_moves_args)
{
    slong d[] = {2, 2, 2};
    rs_net_t N;
    fmpq_mat_t G, P, Q, W;
    rs_barcode_t B;
    rs_error_t err;
    slong r;
    rs_error_init(err);
    rs_net_init(N, d, 2);
    fmpq_mat_init(G, 2, 2);
    fmpq_mat_one(G);
    fmpq_mat_init(P, 0, 0);
    fmpq_mat_init(Q, 0, 0);
    fmpq_mat_init(W, 3, 2);
    ck_assert_int_eq(rs_move_hidden(NULL, 1, G, err), RS_EINPUT);
    ck_assert_int_eq(rs_move_hidden(N, 1, NULL, err), RS_EINPUT);
    ck_assert_int_eq(rs_move_hidden(N, 5, G, err), RS_EINPUT);
    ck_assert_int_eq(rs_move_hidden(N, 1, W, err), RS_EINPUT); /* shape */
    ck_assert_int_eq(rs_move_end(NULL, 0, G, err), RS_EINPUT);
    ck_assert_int_eq(rs_move_end(N, 1, G, err), RS_EINPUT);
    ck_assert_int_eq(rs_move_one_matrix(NULL, 1, G, err), RS_EINPUT);
    ck_assert_int_eq(rs_move_one_matrix(N, 0, G, err), RS_EINPUT);
    ck_assert_int_eq(rs_move_one_matrix(N, 1, W, err), RS_EINPUT);
    ck_assert_int_eq(rs_move_merge(NULL, NULL, 0, 0, NULL, err), RS_EINPUT);
    ck_assert_int_eq(rs_move_randomize(NULL, NULL, 4, err), RS_EINPUT);
    ck_assert_int_eq(rs_rank_factor(NULL, Q, &r, W, err), RS_EINPUT);
    ck_assert_int_eq(rs_rank_factor(P, P, &r, W, err), RS_EINPUT);
    ck_assert_int_eq(rs_rank_factor(P, Q, NULL, W, err), RS_EINPUT);
    rs_barcode_init(B, 2);
    rs_barcode_set_entry(B, 0, 2, 2);
    ck_assert_int_eq(rs_canonical_check(NULL, d, 2, -1, "b", err), RS_EINPUT);
    ck_assert_int_eq(rs_canonical_check(B, NULL, 2, -1, "b", err), RS_EINPUT);
    ck_assert_int_eq(rs_canonical_check(B, d, 1, -1, "b", err), RS_EINPUT);
    ck_assert_int_eq(rs_canonical_check(B, d, 2, 2, NULL, err), RS_OK);
    /* a multiplicity that would overflow the strand count */
    rs_barcode_set_entry(B, 0, 0, WORD_MAX);
    ck_assert_int_eq(rs_canonical_check(B, d, 2, -1, "b", err), RS_EINPUT);
    rs_barcode_set_entry(B, 0, 0, -1);
    ck_assert_int_eq(rs_canonical_check(B, d, 2, -1, "b", err), RS_EINPUT);
    ck_assert(strstr(err->msg, "negative") != NULL);
    rs_barcode_set_entry(B, 0, 0, 0);
    ck_assert_int_eq(rs_canonical_point(NULL, B, NULL, err), RS_EINPUT);
    ck_assert_int_eq(rs_canonical_point(N, NULL, NULL, err), RS_EINPUT);
    ck_assert_int_eq(rs_canonical_point(N, B, W, err), RS_EINPUT); /* shape */
    /* net accessors out of range */
    ck_assert_int_eq(rs_net_width(N, 3), -1);
    ck_assert_int_eq(rs_net_width(N, -1), -1);
    ck_assert(rs_net_weight(N, 0) == NULL && rs_net_weight(N, 3) == NULL);
    ck_assert(rs_net_weight_mut(N, 3) == NULL);
    ck_assert(rs_net_product(N, 1, 2) == NULL);
    ck_assert(rs_net_product(N, 3, 0) == NULL);
    ck_assert(rs_net_product(N, 2, 0) != NULL);
    {
        const fmpq_mat_struct *Gs[3] = {NULL, W, NULL}; /* W is 3 x 2 */
        ck_assert_int_eq(rs_net_act(N, Gs), 0);
        ck_assert_int_eq(rs_net_act(NULL, Gs), 0);
        ck_assert_int_eq(rs_net_act(N, NULL), 0);
    }
    rs_barcode_clear(B);
    fmpq_mat_clear(G);
    fmpq_mat_clear(P);
    fmpq_mat_clear(Q);
    fmpq_mat_clear(W);
    rs_net_clear(N);
}
END_TEST

/* rs_canonical_check against a brute-force strand count on random
   barcodes: both agree on validity for the widths of the barcode and for
   widths off by one at a random layer. */
START_TEST(test_canonical_check_random)
{
    flint_rand_t state;
    slong iter;
    rs_test_rand_init(state);
    for (iter = 0; iter < 300; iter++) {
        slong L = n_randint(state, 6), i, j, k, d[6], e[6];
        rs_barcode_t B;
        rs_error_t err;
        rs_error_init(err);
        rs_barcode_init(B, L);
        for (j = 0; j <= L; j++)
            for (i = 0; i <= j; i++)
                rs_barcode_set_entry(B, i, j, n_randint(state, 3));
        for (k = 0; k <= L; k++) {
            d[k] = 0;
            for (j = k; j <= L; j++)
                for (i = 0; i <= k; i++)
                    d[k] += rs_barcode_get(B, i, j);
            e[k] = d[k];
        }
        ck_assert_int_eq(rs_canonical_check(B, d, L, -1, "b", err), RS_OK);
        ck_assert_int_eq(
            rs_canonical_check(B, d, L, rs_barcode_rank(B), "b", err), RS_OK);
        k = n_randint(state, L + 1);
        e[k] += 1;
        ck_assert_int_eq(rs_canonical_check(B, e, L, -1, "b", err), RS_EINPUT);
        rs_barcode_clear(B);
    }
    rs_rand_clear(state);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("io_args");
    TCase *tc = tcase_create("args");
    tcase_set_timeout(tc, 0);
    tcase_add_test(tc, test_read_buffer_null);
    tcase_add_test(tc, test_parsers_null);
    tcase_add_test(tc, test_moves_args);
    tcase_add_test(tc, test_canonical_check_random);
    suite_add_tcase(s, tc);
    return rs_test_run(s) ? EXIT_FAILURE : EXIT_SUCCESS;
}
