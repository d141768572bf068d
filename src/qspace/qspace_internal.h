/* Internal pieces of the certified exact linear algebra behind qspace.h.

   The plan (issue 6): a rank profile modulo one word-size prime gives a
   candidate rank r, pivot rows R and pivot columns C; the r x r block
   B = A[R, C] is then nonsingular modulo that prime, hence over Z, which
   certifies rank A >= r.  The upper bound rank A <= r is certified by one
   of two exact arguments (certify.c):
     - a kernel: an integer matrix X with A[:, C] X = d A[:, N] exactly
       (N the non-pivot columns, d != 0), so every non-pivot column lies in
       the span of the pivot columns;
     - a bound: the Schur complement of B vanishes modulo primes whose
       product exceeds a Hadamard bound on the bordered minors of B. */
#ifndef RS_QSPACE_INTERNAL_H
#define RS_QSPACE_INTERNAL_H

#include <flint/fmpz_vec.h>

#include "core/parallel.h"
#include "rankstrat/compat.h"
#include "rankstrat/qspace.h"

/* Give up modular certification after this many modular ranks proved too
   low, and use FLINT's fraction-free elimination instead. */
#define RS_MAX_RESTARTS 6

/* Matrices with at most this many rows or columns go straight to
   fraction-free elimination (unless a prime stream is imposed). */
#define RS_SMALL_DIM 16

/* ---- primes ---------------------------------------------------------- */

/* A stream of distinct primes.  Automatic streams start at a pseudo-random
   point of [2^59 + 2^58, 2^60) derived from the matrix shape by a fixed
   bit mixer, so results are reproducible and there is no global state;
   primes just below 2^60 are the fastest per bit for nmod_mat on x86-64
   with FLINT 2.9 (measured: 62- and 63-bit primes cost 15-25% more). */
typedef struct {
    ulong last;
} rs_primes_struct;

void _rs_primes_init(rs_primes_struct *P, slong m, slong n, ulong start);
/* A fixed bijective mixing of the bits of x (splitmix64). */
ulong _rs_mix64(ulong x);
ulong _rs_primes_next(rs_primes_struct *P);

/* ---- rank profile modulo a prime -------------------------------------- */

typedef struct {
    slong m, n, r;
    slong *rows; /* m entries: the r pivot rows, then the others ascending */
    slong *cols; /* n entries: the r pivot columns ascending, then the
                    non-pivot columns ascending */
} rs_profile_struct;

void _rs_profile_init(rs_profile_struct *P, slong m, slong n);
void _rs_profile_clear(rs_profile_struct *P);
/* The trivial profile of rank 0. */
void _rs_profile_zero(rs_profile_struct *P);
/* Sets P to the rank profile of A modulo p (LU with row pivoting): the
   pivot columns are the lexicographically first column basis of A mod p
   and A[rows[0..r-1], cols[0..r-1]] is nonsingular mod p.  Returns r. */
slong _rs_profile_mod(rs_profile_struct *P, const fmpz_mat_t A, ulong p);

/* ---- the blocks of A permuted by a profile ---------------------------- */

/* A[rows, cols] = [[B, RN], [LC, LN]] with B = A[R, C] (r x r), RN = A[R, N]
   (r x k), LC = A[notR, C] ((m - r) x r), LN = A[notR, N] ((m - r) x k),
   k = n - r. */
typedef struct {
    slong m, n, r, k;
    fmpz_mat_t B, RN, LC, LN;
} rs_blocks_struct;

void _rs_blocks_init(rs_blocks_struct *K, const fmpz_mat_t A,
                     const rs_profile_struct *P);
void _rs_blocks_clear(rs_blocks_struct *K);

/* Xq = B^{-1} RN mod q (Xq initialised r x k with modulus q).  Returns 0 if
   B is singular mod q (q divides det B), -1 if the Schur complement
   LN - LC B^{-1} RN is nonzero mod q (then rank(A mod q) > r), 1 otherwise. */
int _rs_blocks_solve_mod(nmod_mat_t Xq, const rs_blocks_struct *K, ulong q);

/* H2 = square of a Hadamard bound on every bordered minor
   det A[R + i, C + j] (i not in R, j not in C); 0 if there is none. */
void _rs_blocks_bordered_bound2(fmpz_t H2, const rs_blocks_struct *K);

/* Whether A[:, C] X = d A[:, N] holds modulo q. */
int _rs_blocks_check_mod(const rs_blocks_struct *K, const nmod_mat_t Xq,
                         const fmpz_t d, ulong q);

/* ---- residues of the kernel data ---------------------------------------- */

/* Residues Xq = d B^{-1} RN mod q for a growing list of distinct primes. */
typedef struct {
    slong len, alloc;
    ulong *q;
    nmod_mat_struct *X;
} rs_residues_struct;

void _rs_residues_init(rs_residues_struct *R);
void _rs_residues_clear(rs_residues_struct *R);
/* Appends (q, Xq), taking ownership of Xq (which must not be cleared). */
void _rs_residues_push(rs_residues_struct *R, ulong q, const nmod_mat_t Xq);

/* The kernel argument (see residues.c): tries to prove rank A <= K->r from
   the residues, whose moduli multiply to M, each of which passed the Schur
   check; amax > max |A|; pred is the expected bit size of d B^{-1} RN.
   Draws its extra primes from S (counted in *nprimes).  On success
   returns 1, may multiply d by a missing denominator factor, and with
   Xout != NULL (r x k) stores there the integer X with
   A[:, C] X = d A[:, N]. */
int _rs_residues_check(const rs_residues_struct *R, const rs_blocks_struct *K,
                       fmpz_t d, const fmpz_t M, const fmpz_t amax, slong pred,
                       rs_primes_struct *S, fmpz_mat_t Xout, slong *nprimes);

/* ---- p-adic lifting in double precision (lift.c, dkernel.c) ---------- */

/* C += A B for row-major double matrices (m x k times k x n, leading
   dimensions lda, ldb, ldc) holding integers.  Exact provided the sum of
   the absolute values of |C| and of the products in each entry is below
   2^52: the caller's bound. */
void _rs_dgemm(slong m, slong n, slong k, const double *A, slong lda,
               const double *B, slong ldb, double *C, slong ldc);
/* A left factor packed once for many products (the lifting multiplies
   by the same B^{-1} and A[:, C] at every step). */
typedef struct {
    slong m, k;
    double *data;
} rs_dpack_struct;

void _rs_dpack_init(rs_dpack_struct *P, slong m, slong k, const double *A,
                    slong lda);
void _rs_dpack_clear(rs_dpack_struct *P);
/* C += A B with A packed in P (n columns; the bounds of _rs_dgemm).
   work: NULL, or _rs_dgemm_work_len(n) doubles for the packed B, so that
   a product repeated at every step allocates nothing. */
void _rs_dgemm_packed(slong n, const rs_dpack_struct *P, const double *B,
                      slong ldb, double *C, slong ldc, double *work);
slong _rs_dgemm_work_len(slong n);
/* The kernels below are target clones (src/qspace/dkernel.c), whose
   ifunc symbols -fvisibility=hidden does not reach: hidden explicitly. */
#pragma GCC visibility push(hidden)
/* y = the balanced residues (in [-(p-1)/2, (p-1)/2]) of the integers
   |v| < 2^51 modulo the odd p < 2^26, pinv = 1 / p rounded; y may be v. */
void _rs_dvec_bal_mod(double *y, const double *v, slong len, double p,
                      double pinv);
/* y += s x (integers; the caller bounds the results below 2^52). */
void _rs_dvec_axpy(double *y, double s, const double *x, slong len);
/* y = v / p for integers |v| < 2^52; returns how many v are not divisible
   by p (their y is meaningless) and sets *all_zero to whether every y is
   0. */
slong _rs_dvec_div_exact(double *y, const double *v, slong len, double p,
                         double pinv, int *all_zero);
/* One limb of the exact division by p of numbers in limbs of base 2^b
   (lift.c), the limb above done: v = t + rem base, then q = the rounded
   v / p and rem = v - q p in [-(p-1)/2, (p-1)/2]; every |v| < 2^51. */
void _rs_dvec_limb_divrem(double *q, double *rem, const double *t, slong len,
                          double base, double p, double pinv);
/* Carries of limbs: c = the rounded lo / base, lo -= c base, hi += c
   (ibase = 1 / base; integers below 2^51). */
void _rs_dvec_limb_carry(double *lo, double *hi, slong len, double base,
                         double ibase);
#pragma GCC visibility pop

/* The lifting of lift.c for the profile behind K, in stages (so that each
   can be tested): _rs_lift_init chooses a prime p < 2^26 (B invertible mod
   p; `hint` if it qualifies, e.g. the profile's prime) and converts the
   blocks to doubles, split into limbs of b bits when the entries are too
   large for exact double arithmetic; it returns 0 if the lifting does not
   apply (no kernel or no other rows, no suitable prime), and then only
   _rs_lift_clear may follow. */
typedef struct {
    slong m, r, k;
    ulong p;
    slong coeff; /* bound on the guess vectors' entries */
    double *Binv, *AC, *AN;
    rs_dpack_struct Binv_pack, AC_pack;
    /* Limbs (b > 0): A[:, C] = sum_j 2^(b j) AC_j over nlC planes (m x r,
       one after another), A[:, N] likewise over nlN planes (m x k), the
       digits of |entry| with its sign, and the residual in nlE limbs;
       b = 0: one plane each, the entries themselves. */
    slong b, nlC, nlN, nlE, bitsC; /* AC_pack: the nlC planes stacked */
} rs_lift_struct;

int _rs_lift_init(rs_lift_struct *F, const rs_blocks_struct *K, ulong hint);
void _rs_lift_clear(rs_lift_struct *F);
/* A guess d > 0 at the common denominator of B^{-1} RN (from a few random
   combinations of its columns) and pred, about the bit size of
   d B^{-1} RN; 0 if none was found.  Up to `threads` threads. */
int _rs_lift_guess(fmpz_t d, slong *pred, const rs_lift_struct *F,
                   const rs_blocks_struct *K, slong threads);
/* The proof, for any d > 0: 1 if it proved rank A <= r (with B
   nonsingular, rank A = r), -1 if it proved rank A > r, 0 if it found no
   end within its step bound.  A factor missing from d is recovered (up to
   three times).  With Y != NULL (r x k) and den, on 1 also the kernel data:
   A[:, C] Y = den A[:, N] exactly, den > 0 a multiple of d. */
int _rs_lift_prove(const rs_lift_struct *F, const fmpz_t d, slong pred,
                   slong threads, fmpz_mat_t Y, fmpz_t den);
/* The three stages in a row (0 where any says no); counts the prime in
 *nprimes; Y and den as for _rs_lift_prove (may be NULL). */
int _rs_lift_certify(const rs_blocks_struct *K, slong threads, ulong hint,
                     slong *nprimes, fmpz_mat_t Y, fmpz_t den);
/* A prime that suits the lifting of A whatever its rank (0 if none does):
   the profile computed modulo it can hand the lifting its prime, and
   small primes make the profile about twice as fast as word-size ones. */
ulong _rs_lift_prime(const fmpz_mat_t A);

/* ---- certification ---------------------------------------------------- */

typedef struct {
    rs_profile_struct P; /* the certified profile (pivots need not be the
                            lexicographically first ones over Q) */
    fmpz_mat_t X;        /* with want_solution: r x k, A[:,C] X = den A[:,N] */
    fmpz_t den;          /* > 0 */
    ulong last_prime;    /* the last prime used: a stream restarted from
                                it gives fresh primes */
} rs_cert_struct;

void _rs_cert_init(rs_cert_struct *C, slong m, slong n);
void _rs_cert_clear(rs_cert_struct *C);

/* Certified rank of A.  With want_solution also fills C->X and C->den
   (always, whatever the method); without it C->X is left 0 x 0.  The
   profile is computed modulo primes from a stream started at prime_start
   (0: automatic).  info may be NULL.  Returns the rank. */
slong _rs_zmat_certify(rs_cert_struct *C, const fmpz_mat_t A, int want_solution,
                       ulong prime_start, rs_rank_info_struct *info);

/* The same by FLINT's fraction-free elimination (exact, slow on large
   inputs); with want_solution the pivots are the reduced echelon form's. */
slong _rs_cert_fallback(rs_cert_struct *C, const fmpz_mat_t A,
                        int want_solution, rs_rank_info_struct *info);

/* rs_zmat_rref with the primes of a given stream (0: automatic). */
slong _rs_zmat_rref_start(fmpz_mat_t E, fmpz_t den, slong *pivots,
                          const fmpz_mat_t A, ulong prime_start);

/* ---- threads ----------------------------------------------------------- */

/* _rs_parallel_for and _rs_cpu_count: src/core/parallel.h. */

/* ---- small helpers ----------------------------------------------------- */

/* Z = rows of A with denominators cleared (row space and null space kept). */
void _rs_qmat_clear_rows(fmpz_mat_t Z, const fmpq_mat_t A);
/* Z = A^T with the denominators of each column of A cleared. */
void _rs_qmat_clear_cols_transpose(fmpz_mat_t Z, const fmpq_mat_t A);
/* pivots[i] = index of the first nonzero entry of column i of the canonical
   basis (the pivot of row i of basis^T); pivots needs dim entries. */
void _rs_qspace_pivots(slong *pivots, const fmpq_mat_t basis);

#endif
