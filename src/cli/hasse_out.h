/* Output of the Hasse diagram (rankstrat hasse) through Graphviz. */
#ifndef RS_CLI_HASSE_OUT_H
#define RS_CLI_HASSE_OUT_H

#include <stdio.h>

#include "rankstrat.h"

/* The figure rendered by Graphviz `neato -n2 -Tfmt` (fmt "pdf" or "png")
   from its positioned DOT (run without a shell through temporary files);
   written to out only when complete.  A missing Graphviz is an RS_EINPUT
   error saying how to install it. */
int rs_hasse_write_graphviz(FILE *out, const rs_hasse_figure_t F,
                            const char *fmt, rs_error_t err);

#endif
