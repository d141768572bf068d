/* The fiber options shared by the subcommands that work on a whole fiber
   (strata, count, hasse, verify): "--dims D --rank R" or "--dims D
   --product MATFILE" (INTERFACE.md: wherever --rank is accepted, --product
   is too; the strata depend only on the widths and rank W). */
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
   matrix).  On success f must be cleared with rs_cli_fiber_clear; on
   failure (RS_EINPUT, or RS_ELIMIT for sizes) nothing needs clearing. */
int rs_cli_fiber_parse(rs_cli_fiber *f, const char *dims, const char *rank,
                       const char *product, rs_error_t err);
void rs_cli_fiber_clear(rs_cli_fiber *f);

#endif
