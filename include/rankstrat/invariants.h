/* Invariants of a fiber that the literature cites (docs/math.md section 10):
   the learning coefficient (real log canonical threshold) lambda and its
   multiplicity theta, the number of top-dimensional irreducible
   components, and the number of points over finite fields F_q (which is
   also the E-polynomial and, at q = 1, the Euler characteristic).

   Every invariant is computed two independent ways where a second way
   exists, and the two are compared:
   - lambda: codim(fiber) / 2, and Aoyagi's closed formula (Aoyagi,
     "Consideration on the learning efficiency of multiple-layered neural
     networks with linear units", Neural Networks 2024; arXiv 2501.12747);
   - top-dimensional components: the strata of largest dimension, and the
     binomial formula of Pepin Lehalleur & Rimanyi (arXiv 2411.19920);
   - points over F_q: the sum of the strata's polynomials (each a
     closed-form quotient of general-linear-group orders), and a dynamic
     programme over layers on the ranks of the partial products
     W_k ... W_1 (no strata involved).

   Shapes: d = (d_0..d_L) accepted by rs_dims_check, 0 <= r <= min_k d_k
   (a nonempty fiber).  Polynomials are in q with integer coefficients
   (fmpz_poly_t, coefficient i of q^i). */
#ifndef RANKSTRAT_INVARIANTS_H
#define RANKSTRAT_INVARIANTS_H

#include <flint/flint.h>
#include <flint/fmpq.h>
#include <flint/fmpz.h>
#include <flint/fmpz_poly.h>

#include "rankstrat/barcode.h"
#include "rankstrat/error.h"
#include "rankstrat/strata.h"

#include "rankstrat/export.h"

RS_BEGIN_DECLS

/* ---- closed forms ---------------------------------------------------- */

/* Aoyagi's learning coefficient of the fiber of a rank-r matrix (docs/math.md
   section 10): with M_s = d_s - r sorted ascending and the smallest k in
   2..L+1 with s = M_(1) + .. + M_(k) >= (k-1) M_(k) and (k = L+1 or s <
   (k-1) M_(k+1)), l = k - 1, a = s - (ceil(s/l) - 1) l:
     lambda = (r (d_0 + d_L) - r^2)/2 + a (l - a)/(4 l) - l (l-1)/4 (s/l)^2
              + 1/2 sum_{i<j in the k smallest} M_i M_j,
     theta  = a (l - a) + 1.
   Sets lambda and *theta; *l_out, *s_out (either may be NULL) receive l
   and s.  Returns RS_EINTERNAL with a message if no k qualifies (which
   the theorem excludes). */
int rs_invariants_aoyagi(fmpq_t lambda, slong *theta, slong *l_out,
                         slong *s_out, const slong *d, slong L, slong r,
                         rs_error_t err);

/* The number of top-dimensional irreducible components of the fiber by
   Pepin Lehalleur & Rimanyi: binomial(l, |delta|), delta = s - l *
   round(s / l) (halves rounded up), with l and s as in
   rs_invariants_aoyagi.  Same error as rs_invariants_aoyagi. */
int rs_invariants_top_plr(fmpz_t count, const slong *d, slong L, slong r,
                          rs_error_t err);

/* ---- point counts over F_q ------------------------------------------- */

/* |GL_n(F_q)| = prod_{i<n} (q^n - q^i); n >= 0. */
void rs_qpoly_gl(fmpz_poly_t p, slong n);

/* R_{m,n,r}(q): the number of m x n matrices of rank r over F_q (0 when
   r > min(m, n); requires m, n, r >= 0). */
void rs_qpoly_rank_matrices(fmpz_poly_t p, slong m, slong n, slong r);

/* Phi_n(q), the n-th cyclotomic polynomial (n >= 1). */
void rs_qpoly_cyclotomic(fmpz_poly_t p, slong n);

/* The point count of a stratum in factored form: |S_b(F_q)| = q^e *
   prod_{n >= 1} Phi_n(q)^{phi[n]}.  Derived from |S_b| = prod_k
   |GL_{d_k}| / (|Aut_b| R_{d_L,d_0,r}) by writing every group order as a
   power of q times factors q^j - 1 = prod_{n | j} Phi_n(q).  phi must have
   room for max_k d_k + 1 entries (phi[0] is set to 0).  Returns the
   largest n with phi[n] != 0 (0 for a pure power of q), or -1 if some
   exponent came out negative (the quotient would not be a polynomial:
   impossible for a valid barcode; callers report an internal error). */
slong rs_stratum_points_factor(slong *e, slong *phi, const rs_barcode_t B);

/* The same without allocating, for callers that factor many strata: c and
   d are scratch space of max_k d_k + 1 and L + 1 entries, and dim is the
   stratum's dimension if the caller knows it (dim < 0: computed). */
slong rs_stratum_points_factor_scratch(slong *e, slong *phi, slong *c, slong *d,
                                       const rs_barcode_t B, slong dim);

/* The point count of the stratum of B (valid for its own widths and rank)
   as a polynomial; degree dim S, leading coefficient 1.  Returns RS_OK,
   or RS_EINTERNAL (with a message) if the quotient is not a polynomial. */
int rs_stratum_points(fmpz_poly_t p, const rs_barcode_t B, rs_error_t err);

/* The point count of the whole fiber of a rank-r matrix, without its
   strata: the tuples (W_1..W_L) over F_q whose partial products W_k..W_1
   have ranks s_1, ..., s_L = r number prod_k R_{d_k, s_{k-1}, s_k}(q)
   q^{d_k (d_{k-1} - s_{k-1})} (s_0 = d_0: W_k restricted to the s_{k-1}-
   dimensional column space of W_{k-1}..W_1 must have rank s_k, and is
   free on a complement), summed over the rank sequences by a dynamic
   programme over layers (O(L min d^2) polynomial products); every rank-r
   matrix has the same number of preimages (GL acts transitively), so the
   total divides by R_{d_L, d_0, r}(q).  Returns RS_OK, or RS_EINTERNAL
   (with a message) if that division leaves a remainder. */
int rs_fiber_points(fmpz_poly_t p, const slong *d, slong L, slong r,
                    rs_error_t err);

/* A cache of stratum polynomials keyed by the factored form without its
   power of q (strata of one fiber share few of them), for listing many
   strata. */
typedef struct {
    slong nphi;              /* exponents per key: max d + 1 */
    slong n, alloc;          /* entries */
    slong *keys;             /* entry k's exponents at keys + k * nphi */
    fmpz_poly_struct *polys; /* entry k: prod Phi_n^{phi[n]} */
    slong *table;            /* open addressing, -1 = empty */
    slong size;              /* power of two > 2 n */
    slong *scratch;          /* nphi entries */
} rs_points_cache_struct;

typedef rs_points_cache_struct rs_points_cache_t[1];

/* Initialises an empty cache for barcodes whose widths are at most maxd. */
void rs_points_cache_init(rs_points_cache_t c, slong maxd);
void rs_points_cache_clear(rs_points_cache_t c);

/* The stratum polynomial of B as q^(*e) times *cofactor, where *cofactor
   points to a polynomial owned by the cache (valid until the next call
   or rs_points_cache_clear).  Returns RS_OK or RS_EINTERNAL as
   rs_stratum_points. */
int rs_points_cache_get(const fmpz_poly_struct **cofactor, slong *e,
                        rs_points_cache_t c, const rs_barcode_t B,
                        rs_error_t err);

/* ---- all invariants of a fiber --------------------------------------- */

/* Status of a cross-check. */
enum {
    RS_INV_AGREE = 0,  /* both ways ran and agree */
    RS_INV_SKIPPED = 1 /* the strata were not listed: one way only */
};

typedef struct {
    slong L, r, N;
    slong *d;
    slong fiber_dim, codim; /* from the strata when listed, else from the
                               dimension programme (rs_fiber_dim) */
    fmpq_t lambda;          /* codim / 2 */
    fmpq_t lambda_aoyagi;   /* the closed formula */
    slong theta;            /* Aoyagi's multiplicity */
    slong aoyagi_l, aoyagi_s;
    fmpz_t top_plr;            /* Pepin Lehalleur-Rimanyi */
    fmpz_t top_strata;         /* strata of dimension fiber_dim (if listed) */
    fmpz_t top_points;         /* the leading coefficient of points */
    fmpz_t count;              /* number of strata (counted if not listed) */
    int count_known;           /* 0 if even counting was beyond the limit */
    int listed;                /* whether the strata were listed */
    slong *by_dim;             /* if listed: strata of dimension 0..fiber_dim */
    int points_known;          /* 0 if the layer programme was too large */
    fmpz_poly_t points;        /* |F(F_q)| by the layer programme */
    fmpz_poly_t points_strata; /* the sum over strata (if listed) */
    fmpz_t euler;              /* points at q = 1 */
    /* cross-checks, RS_INV_AGREE or RS_INV_SKIPPED: lambda (codim/2 and
       Aoyagi), top (strata of top dimension and the formula), points (the
       strata's sum and the layer programme), leading (the degree and the
       leading coefficient of the layer programme's polynomial against the
       fiber dimension and the formula) */
    int check_lambda, check_top, check_points, check_leading;
} rs_invariants_struct;

typedef rs_invariants_struct rs_invariants_t[1];

void rs_invariants_init(rs_invariants_t I);
void rs_invariants_clear(rs_invariants_t I);

/* Computes every invariant of the fiber (d, r).  The strata are listed
   when there are at most max_strata of them (max_strata <= 0: no bound)
   and are otherwise counted by rs_strata_count within max_work (<= 0: its
   default); a count beyond that leaves count_known = 0.  The closed forms
   always run, and so does the layer programme unless its polynomial
   products would exceed about 2e9 coefficient operations (then
   points_known = 0).  Every cross-check that can run
   runs; a disagreement returns RS_EINTERNAL with a message naming both
   values (the results are then not to be trusted).  Returns RS_OK
   otherwise; RS_EINPUT for an empty fiber or a bad shape. */
int rs_invariants_compute(rs_invariants_t I, const slong *d, slong L, slong r,
                          slong max_strata, slong max_work, rs_error_t err);

/* Computes the same from a complete store of the fiber's strata (no
   listing; the count is S->n). */
int rs_invariants_from_strata(rs_invariants_t I, const rs_strata_t S,
                              rs_error_t err);

/* lambda as a string "p/q" or "p" (flint_free it). */
char *rs_invariants_lambda_str(const fmpq_t lambda);

RS_END_DECLS

#endif
