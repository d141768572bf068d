/* Checking the theorems of docs/math.md on a whole fiber, constructively: for
   every stratum a point is built, moved at random inside its stratum and
   analysed back, and every Hasse cover gets an exact witness (a merge
   curve).  Nothing is assumed that is not re-checked by exact arithmetic.

   Check families, each counted separately (passed out of total):

   RS_VERIFY_POINTS        per stratum: the canonical point of its barcode,
                           moved into the fiber of W (rs_canonical_point),
                           then by random invertible integer hidden-layer
                           moves and random end-layer symmetries of the
                           fiber (rs_move_randomize), computes W exactly and
                           has the stratum's rank list and barcode;
   RS_VERIFY_TANGENT_RANK  per stratum: at that point the exact rank of
                           T_theta S computed from its definition
                           (rs_tangent_generators) equals the dimension
                           formula, and both forms of the formula agree;
   RS_VERIFY_TANGENT_CHECK per stratum: the flow basis and the structured
                           tangent and normal bases pass rs_tangent_check
                           (and the normal basis has codim S vectors);
   RS_VERIFY_COVERS        per cover (lower, upper): a merge move from the
                           lower barcode reaches the upper one; at the
                           lower point the merge curve at t = 1, 1/2, 1/7
                           keeps W, has the upper rank list, which is the
                           lower one plus 1 on the merge rectangle, and at
                           t = 0 has the lower one (the frontier condition,
                           witnessed); dim upper > dim lower;
   RS_VERIFY_HASSE         per cover of the union of both lists: the covers
                           given (local rule) equal the transitive
                           reduction of the closure order computed by brute
                           force (rs_strata_covers_naive);
   RS_VERIFY_TRANSPOSE     per stratum: the transposed network computes W^T,
                           has rank list r_{L-i,L-j} and the transposed
                           barcode, whose stratum has the same dimension
                           and components, and its tangent rank is dim S;
   RS_VERIFY_REDUCTION     per stratum: the reduced barcode (the [0,L] bars
                           removed) is a stratum of the fiber (d - r, 0),
                           lifts back, has dimension dim S minus the
                           reduction shift, a random point of it is
                           analysed back to it with tangent rank equal to
                           that dimension, and the covers from the stratum
                           reduce exactly to the covers from its image;
   RS_VERIFY_LAMBDA        per fiber: codim/2 (from the strata) equals
                           Aoyagi's closed formula for the learning
                           coefficient (docs/math.md section 10);
   RS_VERIFY_TOP           per fiber: the number of strata of top dimension
                           equals the Pepin Lehalleur-Rimanyi formula;
   RS_VERIFY_F_Q           per rank r' of the shape: the point counts over
                           F_q of the strata of the rank-r' fiber (each of
                           degree dim S, leading coefficient 1) sum to the
                           layer programme's polynomial (rs_fiber_points);
                           and once: sum_r' R_{d_L,d_0,r'}(q) |F_r'(F_q)| =
                           q^N, exactly as polynomials;
   RS_VERIFY_PERMUTE       for r = 0, per distinct permutation of d (the
                           first 24 in lexicographic order): the same
                           codimension and number of top-dimensional strata
                           (F_Q and PERMUTE do not list a fiber of another
                           rank or order with more than max(200000, 10 n)
                           strata, n those of the fiber verified: such
                           checks are left out of the counts);
   RS_VERIFY_COMPONENTS    per stratum: the component formula of docs/math.md
                           section 3 equals pi0(G) / pi0(stabilizer)
                           computed from the canonical point's stabilizer
                           algebra (src/verify/invariants.c explains). */
#ifndef RANKSTRAT_VERIFY_H
#define RANKSTRAT_VERIFY_H

#include <stdio.h>

#include <flint/flint.h>
#include <flint/fmpq_mat.h>

#include "rankstrat/error.h"
#include "rankstrat/progress.h"
#include "rankstrat/strata.h"

#include "rankstrat/export.h"

RS_BEGIN_DECLS

enum {
    RS_VERIFY_POINTS = 0,
    RS_VERIFY_TANGENT_RANK,
    RS_VERIFY_TANGENT_CHECK,
    RS_VERIFY_COVERS,
    RS_VERIFY_HASSE,
    RS_VERIFY_TRANSPOSE,
    RS_VERIFY_REDUCTION,
    RS_VERIFY_LAMBDA,
    RS_VERIFY_TOP,
    RS_VERIFY_F_Q,
    RS_VERIFY_PERMUTE,
    RS_VERIFY_COMPONENTS,
    RS_VERIFY_NUM_CHECKS
};

/* Test hooks: deliberately wrong formulas or moves, one per check family,
   proving that each family can fail.  Never set outside tests. */
enum {
    RS_VERIFY_CORRUPT_NONE = 0,
    RS_VERIFY_CORRUPT_POINT,      /* hidden moves forget W_{k+1} G^{-1}, and
                                     the end move at layer L does not fix W */
    RS_VERIFY_CORRUPT_DIM,        /* the dimension formula is off by one */
    RS_VERIFY_CORRUPT_TANGENT,    /* the last structured tangent vector (or,
                                     if there is none, normal vector) is
                                     dropped */
    RS_VERIFY_CORRUPT_MERGE,      /* the merge curve is evaluated at t = 0
                                     whatever t is asked for */
    RS_VERIFY_CORRUPT_HASSE,      /* the first given cover is dropped */
    RS_VERIFY_CORRUPT_TRANSPOSE,  /* the transposed rank list is expected to
                                     be the untransposed one */
    RS_VERIFY_CORRUPT_REDUCTION,  /* the reduction shift is off by one */
    RS_VERIFY_CORRUPT_LAMBDA,     /* codim/2 is taken as (codim + 1)/2 */
    RS_VERIFY_CORRUPT_TOP,        /* the component formula is one too high */
    RS_VERIFY_CORRUPT_F_Q,        /* the rank-0 strata sum gets 1 added */
    RS_VERIFY_CORRUPT_PERMUTE,    /* the given order's codim is one too high */
    RS_VERIFY_CORRUPT_COMPONENTS, /* the formula's exponent is one too high */
    RS_VERIFY_NUM_CORRUPT
};

/* Progress callback: called after each stratum with the number done. */
typedef void (*rs_verify_progress_fn)(void *data, slong done, slong total);

typedef struct {
    ulong seed;  /* seeds every random move (stratum id is mixed in, so a
                    stratum's point does not depend on the others) */
    int corrupt; /* RS_VERIFY_CORRUPT_*; RS_VERIFY_CORRUPT_NONE normally */
    rs_verify_progress_fn progress; /* or NULL */
    void *progress_data;
    /* cancellation token (or NULL): once its flag is set, the verification
       stops at the next stratum with RS_ECANCEL */
    rs_progress_struct *cancel;
} rs_verify_opts_t;

/* Sets o to seed 1, no corruption, no progress callback, no token. */
void rs_verify_opts_init(rs_verify_opts_t *o);

typedef struct {
    slong strata, covers; /* of the fiber */
    slong passed[RS_VERIFY_NUM_CHECKS];
    slong total[RS_VERIFY_NUM_CHECKS];
    char *failure[RS_VERIFY_NUM_CHECKS]; /* first failure of each family
                                            (one line), NULL if none */
    slong *witness; /* per cover k: the merged bars a, b, c, e at
                       witness[4k..4k+3] ([a,b] + [c,e]), -1 if none */
} rs_verify_report_struct;

typedef rs_verify_report_struct rs_verify_report_t[1];

void rs_verify_report_init(rs_verify_report_t R);
void rs_verify_report_clear(rs_verify_report_t R);

/* Whether every check of every family passed (and some check ran). */
int rs_verify_report_passed(const rs_verify_report_t R);
/* Number of failed checks over all families. */
slong rs_verify_report_failed(const rs_verify_report_t R);

/* A short description of a family ("covers witnessed") and a JSON key
   ("covers"). */
const char *rs_verify_check_name(int family);
const char *rs_verify_check_key(int family);

/* Runs every check on the fiber whose strata are in S (complete, as
   filled by rs_strata_fill; ids as in S) with covering pairs C (from
   rs_strata_covers).  W is the product (d_L x d_0, rank S->r) or NULL for
   [[I_r,0],[0,0]].  Fills R.  Returns RS_OK when every check passed,
   RS_EINTERNAL (err naming the number of failures and the first one) when
   some failed, and RS_EINPUT when W does not fit the fiber. */
int rs_verify_fiber(rs_verify_report_t R, const rs_strata_t S,
                    const rs_covers_t C, const fmpq_mat_t W,
                    const rs_verify_opts_t *o, rs_error_t err);

/* The same for the fiber (d, r) of layers 0..L: enumerates and sorts the
   strata and finds the covers first. */
int rs_verify_shape(rs_verify_report_t R, const slong *d, slong L, slong r,
                    const fmpq_mat_t W, const rs_verify_opts_t *o,
                    rs_error_t err);

/* Writes the rankstrat-verify JSON document of the report R of the fiber
   (d, r) of layers 0..L (docs/formats.md, "verify"): the product W (NULL:
   "product": null), the seed, the strata and covers counted, every
   family's passed/total/first_failure, and, when C (the covers the report
   was made with) is not NULL, the merge witnessing each cover. */
void rs_verify_report_fprint_json(FILE *f, const rs_verify_report_t R,
                                  const slong *d, slong L, slong r,
                                  const fmpq_mat_t W, ulong seed,
                                  const rs_covers_struct *C);

RS_END_DECLS

#endif
