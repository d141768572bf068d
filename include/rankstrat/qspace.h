/* Exact subspace algebra over Q.

   A subspace V of Q^n is stored by its canonical basis: the columns of the
   n x dim matrix `basis`, where basis^T is in reduced row echelon form.
   Equal subspaces therefore have equal bases, and rs_qspace_equal is a plain
   comparison.  Every rank is exact; where a modular computation is used its
   answer is certified before it is returned (a nonzero pivot minor for the
   lower bound, an exactly verified kernel for the upper bound). */
#ifndef RANKSTRAT_QSPACE_H
#define RANKSTRAT_QSPACE_H

#include <flint/flint.h>
#include <flint/fmpq_mat.h>
#include <flint/fmpz_mat.h>

#include "rankstrat/error.h"
#include "rankstrat/export.h"

RS_BEGIN_DECLS

/* ---- exact matrix kernels ------------------------------------------- */

/* rank A, exact and certified.  Any shape, including 0 rows or columns. */
slong rs_zmat_rank(const fmpz_mat_t A);
slong rs_qmat_rank(const fmpq_mat_t A);

/* Null space of A (m x n): sets X to an n x k matrix whose columns are a
   basis of {x : A x = 0}, k = n - rank A, with X^T in reduced row echelon
   form (so the basis is canonical).  X must be initialised; it is
   re-initialised to the right shape.  Returns k. */
slong rs_qmat_nullspace(fmpq_mat_t X, const fmpq_mat_t A);

/* ---- certified rank with options and statistics ----------------------

   How rs_zmat_rank certifies its answer (see src/qspace/qspace_internal.h):
   a rank profile modulo a prime gives r, pivot rows R and pivot columns C
   with det A[R, C] nonzero modulo that prime, hence nonzero over Z:
   rank A >= r.  The upper bound comes from an exact argument, never
   from luck: an integer X with A[:, C] X = d A[:, N] checked exactly, or the
   Schur complement of A[R, C] vanishing modulo primes whose product exceeds
   a Hadamard bound on the bordered minors.  By default X is lifted
   p-adically in exact double-precision arithmetic until the identity holds
   exactly, which is several times faster (src/qspace/lift.c); entries
   too large for exact doubles are split into limbs of fewer bits.  If a prime
   shows the modular rank was too low the work restarts from that prime; after 6
   restarts FLINT's fraction-free elimination answers.  Matrices with at most 16
   rows or columns go to fraction-free elimination directly: it is exact, and
   faster than any modular set-up there.  On large matrices the independent
   primes, or the column blocks of the lifting, are spread over worker threads
   (see rs_rank_info_struct.threads); nothing is shared between calls. */

/* How a certified rank was obtained. */
enum {
    RS_RANK_TRIVIAL = 0, /* empty or zero matrix */
    RS_RANK_FULL,        /* modular rank = min(m, n): the minor is enough */
    RS_RANK_DIXON,       /* kernel by p-adic lifting, one exact product */
    RS_RANK_KERNEL,      /* kernel by CRT over many primes, checked exactly */
    RS_RANK_BOUND,       /* Schur complement zero beyond a Hadamard bound */
    RS_RANK_FALLBACK,    /* fraction-free elimination after repeated
                            unlucky primes (FLINT) */
    RS_RANK_ELIM,        /* fraction-free elimination: small matrix */
    RS_RANK_LIFT         /* kernel by p-adic lifting in exact double
                            arithmetic, ending in an exact identity */
};

typedef struct {
    /* inputs */
    ulong prime_start; /* 0: automatic (reproducible pseudo-random start
                          near 2^60); otherwise the primes used are the
                          successive primes after prime_start, and small
                          matrices take the modular route too (a test hook
                          for adversarial inputs) */
    slong threads;     /* worker threads for independent primes and for
                          the column blocks of the lifting; 0: automatic
                          (online processors, at most 8, and only for large
                          matrices); 1: serial */
    int lift;          /* 1 (default): certify by exact p-adic lifting in
                          double precision (RS_RANK_LIFT; large entries
                          in limbs); 0: the word-size modular methods
                          only */
    /* outputs */
    slong primes;   /* modular images computed */
    slong restarts; /* times a prime proved an earlier modular rank low */
    int method;     /* RS_RANK_* */
} rs_rank_info_struct;

typedef rs_rank_info_struct rs_rank_info_t[1];

/* Sets the inputs to their defaults (automatic) and clears the outputs. */
void rs_rank_info_init(rs_rank_info_t info);

/* rank A, exact and certified, with the inputs and statistics of info. */
slong rs_zmat_rank_info(const fmpz_mat_t A, rs_rank_info_t info);

/* Certified reduced row echelon form of an integer matrix A (m x n): sets E
   (re-initialised to r x n, r = rank A) and den > 0 so that E / den is the
   reduced row echelon form of A with its zero rows removed, and
   pivots[0..r-1] to its pivot columns and pivots[r..n-1] to the other
   columns, both increasing (pivots needs room for n entries).
   Returns r. */
slong rs_zmat_rref(fmpz_mat_t E, fmpz_t den, slong *pivots, const fmpz_mat_t A);

/* Sets R to the reduced row echelon form of A with its zero rows removed
   (rank A rows, canonical for the row space).  R must be initialised; it is
   re-initialised.  Returns rank A. */
slong rs_qmat_rowspace_rref(fmpq_mat_t R, const fmpq_mat_t A);

/* P = mats[count-1] * ... * mats[1] * mats[0], count >= 1; the shapes must
   chain.  P must be initialised; it is re-initialised to the right shape.
   The association order minimises the number of scalar multiplications
   (matrix-chain dynamic programme on the shapes).  Returns RS_OK, or
   RS_EINPUT (P unchanged) for an empty chain or shapes that do not
   chain; err may be NULL. */
int rs_qmat_chain_mul(fmpq_mat_t P, const fmpq_mat_struct *mats, slong count,
                      rs_error_t err);

/* Sets the square matrix G to a random unimodular matrix (det = +-1) with
   entries of about `bits` bits: a random unit lower times a random upper
   triangular matrix with diagonal +-1, rows randomly permuted.  For tests
   and benchmarks. */
void rs_zmat_randunimodular(fmpz_mat_t G, flint_rand_t state,
                            flint_bitcnt_t bits);

/* Re-initialises A (already initialised) to an r x c zero matrix. */
void rs_qmat_reshape(fmpq_mat_t A, slong r, slong c);

/* ---- subspaces ------------------------------------------------------ */

typedef struct {
    slong n;                  /* ambient dimension */
    fmpq_mat_struct basis[1]; /* n x dim, canonical */
} rs_qspace_struct;

typedef rs_qspace_struct rs_qspace_t[1];

/* Initialises V as the zero subspace of Q^n (n >= 0). */
void rs_qspace_init(rs_qspace_t V, slong n);
void rs_qspace_clear(rs_qspace_t V);
void rs_qspace_set(rs_qspace_t V, const rs_qspace_t U);
/* Sets V to all of Q^n (basis = identity). */
void rs_qspace_set_full(rs_qspace_t V, slong n);
/* Sets V to the zero subspace of Q^n. */
void rs_qspace_set_zero(rs_qspace_t V, slong n);

slong rs_qspace_dim(const rs_qspace_t V);
slong rs_qspace_ambient(const rs_qspace_t V);
/* The canonical basis (n x dim), owned by V. */
const fmpq_mat_struct *rs_qspace_basis(const rs_qspace_t V);
/* Whether U = V (same ambient space and same subspace). */
int rs_qspace_equal(const rs_qspace_t U, const rs_qspace_t V);

/* V = col A, a subspace of Q^{rows A}. */
void rs_qspace_colspace(rs_qspace_t V, const fmpq_mat_t A);
/* V = row A, a subspace of Q^{cols A}. */
void rs_qspace_rowspace(rs_qspace_t V, const fmpq_mat_t A);
/* V = null A = {x : A x = 0}, a subspace of Q^{cols A}. */
void rs_qspace_nullspace(rs_qspace_t V, const fmpq_mat_t A);
/* V = null A^T = {y : A^T y = 0}, a subspace of Q^{rows A}. */
void rs_qspace_left_nullspace(rs_qspace_t V, const fmpq_mat_t A);

/* The four operations below return RS_OK, or RS_EINPUT (V unchanged, a
   message naming the function in err, which may be NULL) when the shapes
   do not match. */
/* V = U1 + U2 and V = U1 ∩ U2 (same ambient space required). */
int rs_qspace_sum(rs_qspace_t V, const rs_qspace_t U1, const rs_qspace_t U2,
                  rs_error_t err);
int rs_qspace_intersect(rs_qspace_t V, const rs_qspace_t U1,
                        const rs_qspace_t U2, rs_error_t err);
/* V = U^perp for the standard inner product. */
void rs_qspace_perp(rs_qspace_t V, const rs_qspace_t U);
/* V = A U = {A u : u in U}, a subspace of Q^{rows A}; cols A = ambient U. */
int rs_qspace_image(rs_qspace_t V, const fmpq_mat_t A, const rs_qspace_t U,
                    rs_error_t err);
/* V = {x : A x in U}, a subspace of Q^{cols A}; rows A = ambient U. */
int rs_qspace_preimage(rs_qspace_t V, const fmpq_mat_t A, const rs_qspace_t U,
                       rs_error_t err);

/* Whether the column vector x (n x 1) lies in V. */
int rs_qspace_contains_vec(const rs_qspace_t V, const fmpq_mat_t x);
/* Whether U is a subspace of V. */
int rs_qspace_contains(const rs_qspace_t V, const rs_qspace_t U);

RS_END_DECLS

#endif
