/* The resource options every command shares: --max-memory BYTES and
   --max-work UNITS (rankstrat/cost.h), parsed into rs_cost_limits_t. */
#ifndef RS_CLI_COST_OPTS_H
#define RS_CLI_COST_OPTS_H

#include "rankstrat/cost.h"

/* The help lines of the two options, for the usage texts. */
#define RS_CLI_COST_HELP                                                       \
    "  --max-memory BYTES   refuse (exit 2) jobs estimated to need more\n"     \
    "                       memory (suffixes k, M, G, T = powers of 1024;\n"   \
    "                       default half the physical memory)\n"               \
    "  --max-work N         refuse (exit 2) jobs estimated to need more\n"     \
    "                       than N work units (about 50 word operations\n"     \
    "                       each; default 200000000, some seconds)\n"

/* Sets lim from the option values (NULL: the default). */
int rs_cli_cost_limits(rs_cost_limits_t *lim, const char *max_memory,
                       const char *max_work, rs_error_t err);

/* Checks the cost of a job over the n strata of the fiber of widths
   d_0..d_L: each stratum held as a rank list and a barcode (two
   triangles), `lists` rank lists of a point with small entries computed
   per stratum (verify), and `stored` = 0 when rows are streamed rather
   than kept (strata --order enum). */
int rs_cli_fiber_cost_check(const rs_cost_limits_t *lim, const slong *d,
                            slong L, slong n, double lists, int stored,
                            const char *job, rs_error_t err);

#endif
