/* Dense linear algebra modulo word-size primes on the floating-point units:
   matrix products through BLAS (cblas_dgemm, when configure found one) or
   the register-tiled products of dkernel.c, and the blocked LU and rank
   profile built on them (blas_lu.c).

   Residues are stored as doubles in balanced form, |x| <= (p - 1) / 2,
   for primes p < 2^26.  A product of such residues is below 2^50, and a
   sum of k of them stays below 2^52 (hence exact in doubles, whatever
   BLAS's order of summation) as long as k (p - 1)^2 / 4 <= 2^52 - p;
   longer sums are cut into chunks of that length and reduced in between
   (delayed reduction, as in FFLAS-FFPACK).

   Threads: BLAS may run threads of its own (OpenBLAS reads
   OPENBLAS_NUM_THREADS).  rankstrat's worker threads call the products
   with BLAS limited to one thread (_rs_blas_serial_begin/end), so the two
   never oversubscribe the cores; calls from the calling thread (the LU)
   use at most as many BLAS threads as OPENBLAS_NUM_THREADS allows. */
#ifndef RS_QSPACE_BLAS_H
#define RS_QSPACE_BLAS_H

#include "qspace_internal.h"

/* The largest prime the LU accepts: 2^26. */
#define RS_BLAS_MAX_PRIME 67108864UL
/* Whether the LU and products here take the prime p (2 has no balanced
   residues: it goes to FLINT like the primes above 2^26). */
#define RS_BLAS_PRIME_OK(p) ((p) >= 3 && (p) <= RS_BLAS_MAX_PRIME)

/* 1 when the library was built with a BLAS (RS_HAVE_BLAS), else 0. */
int _rs_blas_available(void);

/* C += A B for m x k A and k x n B (row-major, leading dimensions lda, ldb,
   ldc) whose every partial sum of integers is below 2^52 in absolute value;
   exact.  Through cblas_dgemm when available, else _rs_dgemm. */
void _rs_blas_dgemm(slong m, slong n, slong k, const double *A, slong lda,
                    const double *B, slong ldb, double *C, slong ldc);

/* BLAS limited to one thread between begin and end (nested calls count);
   for products run inside rankstrat's own worker threads. */
void _rs_blas_serial_begin(void);
void _rs_blas_serial_end(void);

/* The longest sum of products of balanced residues mod p that stays below
   2^52 with a balanced residue added. */
slong _rs_blas_max_depth(ulong p);

/* v[i] = balanced residue of v[i] mod p, for |v[i]| <= 2^52. */
void _rs_blas_reduce(double *v, slong len, double p, double pinv);

/* LU decomposition with the column rank profile of the m x n matrix W
   (row-major, leading dimension ld >= n) modulo a prime
   3 <= p <= 2^26,
   in place.  On input W holds residues with |W[i][j]| <= (p - 1) / 2.
   Returns the rank r mod p; sets perm (m entries) and cols (r entries):
   row i of the result is row perm[i] of the input, cols[0] < ... < cols[r-1]
   are the first r columns of the input that are independent mod p (the
   column rank profile), and with
     L[i][b] = 1 (i = b), W[i][cols[b]] (i > b), 0 (i < b)   (m x r),
     U[i][j] = W[i][j] (j >= cols[i]), 0 (j < cols[i])      (r x n),
   A[perm[i]][j] = (L U)[i][j] mod p; every other entry of W is 0. */
slong _rs_blas_lu_mod(double *W, slong m, slong n, slong ld, ulong p,
                      slong *perm, slong *cols);

/* C = A B for nmod matrices modulo the same prime p: through balanced
   doubles and exact chunked products when RS_BLAS_PRIME_OK(p), else
   nmod_mat_mul. */
void _rs_blas_nmod_mat_mul(nmod_mat_t C, const nmod_mat_t A,
                           const nmod_mat_t B);

/* The rank profile of A modulo its prime (A is destroyed): returns r and
   sets rows[0..r) and cols[0..r) (room for min(m, n) each) with
   A[rows, cols] nonsingular mod p; cols is the column rank profile.
   Through _rs_blas_lu_mod when RS_BLAS_PRIME_OK(p), else FLINT's
   nmod_mat_lu. */
slong _rs_blas_nmod_mat_profile(slong *rows, slong *cols, nmod_mat_t A);

#endif
