/* rankstrat analyze: the text output of the point analysis (the library's
   rs_point_analyze computes it; its JSON is rs_point_fprint_json) and the
   flow diagram files. */
#ifndef RS_CLI_ANALYZE_H
#define RS_CLI_ANALYZE_H

#include <stdio.h>

#include "rankstrat.h"

/* The geometry sections of the text output (subspaces, flow, bases, the
   check, as g->o asks), to follow the stratum and fiber. */
void rs_cli_point_print_geometry(FILE *f, const rs_point_struct *g, rs_net_t N);

/* Writes the flow diagram of F as Graphviz DOT to the open output out
   (committed by the caller with the command's other outputs), or renders
   it to SVG with Graphviz `dot` (svg = 1).  A missing or failing `dot` is
   an RS_EINPUT error with the reason (how to install it, or dot's own
   message). */
int rs_cli_write_flow_graph(rs_outfile_t *out, const rs_flow_t F, int svg,
                            rs_error_t err);

#endif
