/* The analysis of one network point theta = (W_1, ..., W_L): everything
   `rankstrat analyze` reports, computed by one function.

   rs_point_analyze computes the rank list of the partial products, the
   barcode, the stratum through theta (dimension, codimension, connected
   components, minimal/maximal), the fiber of W = W_L ... W_1 (dimension,
   smoothness, exact number of strata) and, as the options ask, the local
   geometry of the stratum (docs/math.md, sections 5-6): the subspaces at every
   layer, the flow basis, structured tangent and normal bases, and an
   independent recomputation of the tangent space that confirms them.
   Every identity is verified exactly; a failed verification is
   RS_EINTERNAL.  rs_point_fprint_json writes the result as the
   rankstrat-point JSON document (the output of `rankstrat analyze --format
   json`). */
#ifndef RANKSTRAT_POINT_H
#define RANKSTRAT_POINT_H

#include <stdio.h>

#include <flint/flint.h>
#include <flint/fmpz.h>

#include "rankstrat/barcode.h"
#include "rankstrat/cost.h"
#include "rankstrat/error.h"
#include "rankstrat/export.h"
#include "rankstrat/flow.h"
#include "rankstrat/layers.h"
#include "rankstrat/net.h"
#include "rankstrat/progress.h"
#include "rankstrat/tangent.h"

RS_BEGIN_DECLS

/* Default bounds of rs_point_opts_init. */
#define RS_POINT_DEFAULT_MAX_ENTRIES WORD(10000000)
#define RS_POINT_DEFAULT_MAX_WORK ((slong)RS_COST_DEFAULT_WORK)

/* What to compute beyond the rank list, barcode, stratum and fiber. */
typedef struct {
    int subspaces;  /* subspace bases at every layer */
    int flow;       /* the flow basis, reported in the JSON document */
    int flow_basis; /* the flow basis only (e.g. to draw its diagram) */
    int tangent;    /* a basis of the tangent space, reported */
    int normal;     /* a basis of the normal space, reported */
    int structured; /* bases reported as rank-one terms, not dense */
    int check;      /* the independent recomputation of T_theta S */
    int no_count;   /* skip the exact number of strata of the fiber */
    /* refuse (RS_ELIMIT) jobs holding or reporting more exact matrix
       entries than this (the partial products, the flow basis, subspaces,
       the check's matrices, the reported bases: N entries per dense
       vector, d_m + d_{m-1} per rank-one term) */
    slong max_entries;
    /* the cost model (rankstrat/cost.h) before anything is computed: a
       rank list estimated to need more than max_work work units (<= 0:
       RS_POINT_DEFAULT_MAX_WORK, the same bound as every command's
       --max-work) or more than max_memory bytes (<= 0: the default of
       rs_cost_limits_default) is refused with RS_ELIMIT.  The strata
       count gets what the rank list leaves of max_work (at least one
       state); beyond it the count is "not counted", with the reason in
       strata_note */
    slong max_work;
    double max_memory;
    /* cancellation token (or NULL): once its flag is set, the analysis
       stops at its next stage (between the rank computation, the strata
       count, every layer's subspaces, the flow basis, the bases and the
       check) with RS_ECANCEL */
    rs_progress_struct *prog;
} rs_point_opts;

/* Everything known about the point; read the fields after a successful
   rs_point_analyze. */
typedef struct {
    rs_net_struct *net; /* the analysed network (not owned) */
    rs_point_opts o;    /* the options it was analysed with */
    slong L, N, rank, dim, codim, fiber_dim;
    rs_ranks_t ranks;
    rs_barcode_t barcode;
    fmpz_t components; /* connected components of the stratum */
    int minimal, maximal, smooth;
    fmpz_t strata;      /* number of strata of the fiber, if counted */
    int strata_counted; /* 0: not counted, the reason in strata_note */
    char strata_note[RS_ERROR_MSG_LEN];
    rs_layer_struct *layers; /* L + 1 layers with o.subspaces, else NULL */
    int have_flow, have_bases, have_check;
    rs_flow_t flow;
    rs_rank1_basis_t tangent, normal;
    rs_tangent_check_t check;
} rs_point_struct;

typedef rs_point_struct rs_point_t[1];

/* Sets every option to 0 (no token) and the bounds to their defaults. */
void rs_point_opts_init(rs_point_opts *o);

void rs_point_init(rs_point_t P);
void rs_point_clear(rs_point_t P);

/* Analyses the point N (which must stay alive and unchanged while P is
   used; its partial products are cached in it) into P (initialised; any
   previous result is discarded).  o NULL means the defaults.  Returns RS_OK,
   RS_EINPUT (a NULL or malformed network), RS_ELIMIT (the job exceeds
   o->max_entries, o->max_work or o->max_memory; the message names the
   part and the size, or the estimate and the limit) or RS_EINTERNAL (a
   failed exact verification). */
int rs_point_analyze(rs_point_t P, rs_net_t N, const rs_point_opts *o,
                     rs_error_t err);

/* Writes the rankstrat-point JSON document of an analysed point (one JSON
   object and a newline); the geometry members appear as P->o asks. */
void rs_point_fprint_json(FILE *f, const rs_point_t P);

RS_END_DECLS

#endif
