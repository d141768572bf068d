/* The fiber options shared by the subcommands that work on a whole fiber
   (strata, count, hasse, verify, canonical): "--dims D --rank R" or
   "--dims D --product MATFILE" (docs/formats.md: wherever --rank is accepted,
   --product is too; the strata depend only on the widths and rank W). */
#ifndef RS_CLI_FIBER_OPTS_H
#define RS_CLI_FIBER_OPTS_H

#include "rankstrat.h"

typedef struct {
    slong *d; /* widths d_0..d_L */
    slong L;
    slong r; /* rank W */
} rs_cli_fiber;

/* Fills f from the option values (NULL when absent): --dims is required,
   and exactly one of --rank and --product.  The product must be a
   d_L x d_0 matrix; its rank is computed exactly.  A rank above min_k d_k
   is an input error (no network with these widths computes such a
   matrix).  With --product, the matrix is read exactly once (so MATFILE
   '-' works); if W is not NULL it receives the matrix (re-initialised) and
   *have_W is set to 1, otherwise the matrix is dropped; without --product
   *have_W is 0.  On success f must be cleared with rs_cli_fiber_clear; on
   failure (RS_EINPUT, or RS_ELIMIT for sizes) nothing needs clearing. */
int rs_cli_fiber_parse_w(rs_cli_fiber *f, fmpq_mat_t W, int *have_W,
                         const char *dims, const char *rank,
                         const char *product, rs_error_t err);

/* rs_cli_fiber_parse_w without keeping the matrix. */
int rs_cli_fiber_parse(rs_cli_fiber *f, const char *dims, const char *rank,
                       const char *product, rs_error_t err);

void rs_cli_fiber_clear(rs_cli_fiber *f);

/* Reads a --product MATFILE for the widths d (L layers; `dims` is the
   option text for messages) and checks it is d_L x d_0. */
int rs_cli_read_product(fmpq_mat_t W, const char *product, const slong *d,
                        slong L, const char *dims, rs_error_t err);

#endif
