/* The fiber options of verify (and canonical): like rs_cli_fiber_parse,
   but with --product the matrix itself is kept, read exactly once (so that
   MATFILE '-' works). */
#ifndef RS_CLI_PRODUCT_OPT_H
#define RS_CLI_PRODUCT_OPT_H

#include "cli/fiber_opts.h"
#include "rankstrat.h"

/* The checks and messages of rs_cli_fiber_parse; in addition, with
   --product (and no --rank) W receives the matrix (re-initialised) and
   *have_W is set to 1; otherwise *have_W = 0 and W is untouched.  On
   failure nothing needs clearing in f. */
int rs_cli_fiber_parse_w(rs_cli_fiber *f, fmpq_mat_t W, int *have_W,
                         const char *dims, const char *rank,
                         const char *product, rs_error_t err);

/* Reads a --product MATFILE for the widths d (L layers; `dims` is the
   option text for messages) and checks it is d_L x d_0. */
int rs_cli_read_product(fmpq_mat_t W, const char *product, const slong *d,
                        slong L, const char *dims, rs_error_t err);

#endif
