/* Shared helpers for the Check suites: random inputs whose answers are
   known by construction. */
#ifndef RS_TESTUTIL_H
#define RS_TESTUTIL_H

#include <check.h>

#include "rankstrat.h"

/* Whether the long sweeps were requested (RS_TEST_LONG=1, `make
   check-long`). */
int rs_test_long(void);

/* The seed of every random state: RS_TEST_SEED, or a fixed default. */
ulong rs_test_seed(void);

/* A random state seeded from RS_TEST_SEED (default fixed), so failures
   reproduce; the seed is printed once per process. */
void rs_test_rand_init(flint_rand_t state);

/* A random invertible rational n x n matrix: rs_zmat_randunimodular with
   an extra random nonzero scalar on each row, so that inverses have
   denominators. */
void rs_test_rand_invertible_q(fmpq_mat_t G, flint_rand_t state,
                               flint_bitcnt_t bits);

/* A random m x n matrix of exact rank r: P [[I_r,0],[0,0]] Q with P, Q
   random unimodular. A must be initialised m x n. */
void rs_test_rand_rank_z(fmpz_mat_t A, slong r, flint_rand_t state,
                         flint_bitcnt_t bits);
void rs_test_rand_rank_q(fmpq_mat_t A, slong r, flint_rand_t state,
                         flint_bitcnt_t bits);

/* Calls f(B, data) for every valid barcode of (d, r), found by brute force
   (independent of the library's enumerator); returns the number found. */
slong rs_test_all_barcodes(const slong *d, slong L, slong r,
                           void (*f)(const rs_barcode_t B, void *data),
                           void *data);

/* Calls f on every (d, r) with d in {lo..hi}^{L+1}, 1 <= L <= maxL (< 16),
   and 0 <= r <= min_k d_k. */
void rs_test_for_all_shapes(slong lo, slong hi, slong maxL,
                            void (*f)(const slong *d, slong L, slong r));

/* Runs a suite with CK_FORK honoured; returns the number of failures. */
int rs_test_run(Suite *s);

#endif
