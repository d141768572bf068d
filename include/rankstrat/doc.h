/* Whole results as documents, for bindings (the Python package) and any
   program that would rather not hold FLINT types: the input is text (a
   network or matrix in any file format, widths as "2,3,2", barcodes in any
   form rs_parse_barcode reads), the output a newly allocated string, freed
   with rs_doc_free.  The JSON documents are the ones the command-line tool
   prints (`rankstrat analyze --format json` is rs_point_fprint_json
   itself; the strata and verify documents come from the CLI's own
   printers, byte for byte `rankstrat strata --format json [--hasse]` and
   `rankstrat verify --format json`).  Every function returns RS_OK and sets
   *doc, or returns a status with the message in err (the message the CLI
   prints, naming the argument: "dims: ...", "net:3:5: ...") and sets *doc to
   NULL.  None aborts or exits on any input.

   Every function that computes takes the limits of the cost model
   (rankstrat/cost.h) as `lim`: NULL, or a field <= 0, means the default
   (rs_cost_limits_set), the defaults of the command-line tool's
   --max-memory and --max-work.  A job estimated beyond them is refused
   with RS_ELIMIT before it starts, with the message the command prints. */
#ifndef RANKSTRAT_DOC_H
#define RANKSTRAT_DOC_H

#include <stddef.h>

#include <flint/flint.h>

#include "rankstrat/cost.h"
#include "rankstrat/error.h"
#include "rankstrat/export.h"
#include "rankstrat/progress.h"

RS_BEGIN_DECLS

/* What rs_doc_analyze computes beyond the stratum (rs_point_opts). */
enum {
    RS_DOC_SUBSPACES = 1,
    RS_DOC_FLOW = 2,
    RS_DOC_TANGENT = 4,
    RS_DOC_NORMAL = 8,
    RS_DOC_CHECK = 16,
    RS_DOC_STRUCTURED = 32,
    RS_DOC_NO_COUNT = 64
};

/* Frees a document (NULL is allowed). */
void rs_doc_free(char *doc);

/* The rankstrat-point JSON document of the network in net[0..len) (text or
   JSON network format; `name` is used in messages), computed by
   rs_point_analyze with the options in flags, the bound max_entries (<= 0:
   the default of rs_point_opts_init) and the limits lim (the rank list's
   cost; the strata count gets what it leaves of lim->max_work).  It stops
   with RS_ECANCEL soon after prog (may be NULL) is cancelled. */
int rs_doc_analyze(char **doc, const char *net, size_t len, const char *name,
                   int flags, slong max_entries, const rs_cost_limits_t *lim,
                   rs_progress_struct *prog, rs_error_t err);

/* The network in net[0..len) written back in the text format (dims line,
   then W1, ..., WL as rows of exact numbers). */
int rs_doc_net(char **doc, const char *net, size_t len, const char *name,
               rs_error_t err);

/* The flow diagram of the network's flow basis as Graphviz DOT. */
int rs_doc_flow_dot(char **doc, const char *net, size_t len, const char *name,
                    rs_error_t err);

/* The fiber: widths `dims` ("2,3,2") and either the rank (product NULL) or
   the product W as a matrix file in product[0..plen) (then rank = rank W,
   and rank must be -1).  rs_doc_strata writes the rankstrat-strata
   document: every stratum in the sorted order (id, ranks, barcode, dim,
   codim, components, points), the fiber's invariants, and the covering
   pairs when covers is nonzero.  It
   refuses (RS_ELIMIT) fibers with more than max_strata strata (<= 0: no
   bound) or whose strata are estimated beyond lim, and stops with
   RS_ECANCEL when prog is cancelled (while listing the strata or finding
   the covers). */
int rs_doc_strata(char **doc, const char *dims, slong rank, const char *product,
                  size_t plen, int covers, slong max_strata,
                  const rs_cost_limits_t *lim, rs_progress_struct *prog,
                  rs_error_t err);

/* The exact number of strata of the fiber, in decimal (rs_strata_count
   with the work bound lim->max_work); RS_ECANCEL soon after prog (may be
   NULL) is cancelled. */
int rs_doc_count(char **doc, const char *dims, slong rank, const char *product,
                 size_t plen, const rs_cost_limits_t *lim,
                 rs_progress_struct *prog, rs_error_t err);

/* The canonical point of the stratum with barcode `barcode` (moved into
   the fiber of the product when one is given), as a network in the text
   format; refused (RS_ELIMIT) when rs_cost_canonical is beyond lim. */
int rs_doc_canonical(char **doc, const char *dims, const char *barcode,
                     const char *product, size_t plen,
                     const rs_cost_limits_t *lim, rs_error_t err);

/* Moves of rs_doc_move. */
enum {
    RS_DOC_MOVE_HIDDEN = 0, /* (W_k+1, W_k) -> (W_k+1 G^-1, G W_k) */
    RS_DOC_MOVE_END,        /* W_L -> G W_L (k = L) or W_1 -> W_1 G (k = 0) */
    RS_DOC_MOVE_ONE,        /* W_k -> W_k + D when the product is kept */
    RS_DOC_MOVE_MERGE,      /* the merge of bars a-b and c-e with factor t */
    RS_DOC_MOVE_RANDOM      /* random invertible moves (seed = k) */
};

/* Applies one move to the network in net[0..len) and writes the new
   network in the text format.  matrix[0..mlen) is G or D (a matrix file)
   for the first three kinds; for RS_DOC_MOVE_MERGE, bars = {a, b, c, e}
   and t is an exact number ("1", "-3/2").  Refused (RS_ELIMIT) when the
   rank lists of rs_cost_move are beyond lim. */
int rs_doc_move(char **doc, const char *net, size_t len, const char *name,
                int kind, slong k, const char *matrix, size_t mlen,
                const slong *bars, const char *t, const rs_cost_limits_t *lim,
                rs_error_t err);

/* Runs every check of rs_verify_shape on the fiber and writes the
   rankstrat-verify document of rs_verify_report_fprint_json (without
   witnesses).  Failed checks are reported in the document (status RS_OK);
   err is for bad input, for fibers with more than max_strata strata or
   whose checks are estimated beyond lim (RS_ELIMIT; max_strata <= 0: no
   bound) and for a cancelled prog (RS_ECANCEL; the token is checked
   between strata; prog may be NULL). */
int rs_doc_verify(char **doc, const char *dims, slong rank, const char *product,
                  size_t plen, ulong seed, slong max_strata,
                  const rs_cost_limits_t *lim, rs_progress_struct *prog,
                  rs_error_t err);

RS_END_DECLS

#endif
