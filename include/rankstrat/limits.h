/* Refusing jobs before they allocate: size checks for the data structures
   whose size is a product of widths, done exactly (no overflow) so that a
   command can answer "too big, this many bytes" (status RS_ELIMIT) instead
   of running out of memory. */
#ifndef RANKSTRAT_LIMITS_H
#define RANKSTRAT_LIMITS_H

#include <flint/flint.h>
#include <flint/fmpz.h>

#include "rankstrat/error.h"

#include "rankstrat/export.h"

RS_BEGIN_DECLS

/* The cost of holding every partial product W_ji, 0 <= i <= j <= L, of a
   network with widths d_0..d_L (as rs_net_compute_products does, the
   identities W_ii included): entries = sum_{i<=j} d_j d_i, rows = sum_{i<=j}
   d_j and matrices = (L+1)(L+2)/2, all exact.  Any of the outputs may be
   NULL. */
void rs_limits_product_cost(fmpz_t entries, fmpz_t rows, fmpz_t matrices,
                            const slong *d, slong L);

/* Returns RS_OK if entries + rows + matrices of rs_limits_product_cost is
   at most max_entries (rows and matrices count because a matrix with many
   rows and no columns still costs memory), otherwise records RS_ELIMIT with
   the three counts, a lower bound on the bytes and the limit, named by
   `what` (e.g. "--max-entries"), and returns it.  d must hold L + 1
   nonnegative widths; nothing is allocated in proportion to them. */
int rs_limits_check_products(const slong *d, slong L, slong max_entries,
                             const char *what, rs_error_t err);

RS_END_DECLS

#endif
