/* Output of the Hasse diagram (rankstrat hasse). */
#ifndef RS_CLI_HASSE_OUT_H
#define RS_CLI_HASSE_OUT_H

#include <stdio.h>

#include "rankstrat.h"

/* Graphviz DOT: rankdir=BT, one node sN per stratum N (sorted ids)
   labelled by its barcode and dimension, nodes of equal dimension in one
   rank=same group, one edge per covering pair. */
void rs_hasse_print_dot(FILE *f, const rs_strata_t S, const rs_covers_t C);

/* A tikzpicture (core TikZ only) with the strata in levels by dimension;
   compiles inside \documentclass[tikz]{standalone}. */
void rs_hasse_print_tikz(FILE *f, const rs_strata_t S, const rs_covers_t C);

/* SVG rendered by Graphviz `dot -Tsvg` from the DOT above (run without a
   shell through temporary files); written to out only when complete.  A
   missing `dot` is an RS_EINPUT error saying how to install it. */
int rs_hasse_write_svg(FILE *out, const rs_strata_t S, const rs_covers_t C,
                       rs_error_t err);

#endif
