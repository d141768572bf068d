/* rankstrat analyze: the local geometry of the stratum through a network
   (subspaces, flow basis, tangent and normal bases, the independent check),
   computed before any output and printed as text or JSON. */
#ifndef RS_CLI_ANALYZE_H
#define RS_CLI_ANALYZE_H

#include <stdio.h>

#include "rankstrat.h"

#define RS_DEFAULT_MAX_ENTRIES WORD(10000000)

typedef struct {
    int subspaces, flow, tangent, normal, structured, check;
    const char *flow_svg, *flow_dot; /* output files, or NULL */
    slong max_entries;
} rs_geom_opts;

typedef struct {
    rs_geom_opts o;
    rs_layer_struct *layers; /* L + 1 layers with --subspaces, else NULL */
    int have_flow, have_bases, have_check;
    rs_flow_t flow;
    rs_rank1_basis_t T, Nb;
    rs_tangent_check_t check;
} rs_geometry;

/* Whether any option needs the geometry (then the flow basis and so on are
   computed). */
int rs_geom_wanted(const rs_geom_opts *o);

/* Computes what the options ask for, for the network N with rank list R and
   barcode B; refuses (RS_ELIMIT) jobs above o->max_entries and reports any
   failed exact verification as RS_EINTERNAL.  g must be cleared with
   rs_geometry_clear whatever the status. */
int rs_geometry_compute(rs_geometry *g, rs_net_t N, const rs_ranks_t R,
                        const rs_barcode_t B, const rs_geom_opts *o,
                        rs_error_t err);
void rs_geometry_clear(rs_geometry *g, const rs_net_t N);

/* The geometry sections of the text output and the JSON members (each
   starting with ",\n"), to follow the stratum and fiber. */
void rs_geometry_print_text(FILE *f, const rs_geometry *g, rs_net_t N);
void rs_geometry_print_json(FILE *f, const rs_geometry *g, rs_net_t N);

/* Writes the flow diagram of F as Graphviz DOT to path (atomically), or
   renders it to SVG with Graphviz `dot` (svg = 1).  A missing `dot` is an
   RS_EINPUT error saying how to install it. */
int rs_cli_write_flow_graph(const char *path, const rs_flow_t F, int svg,
                            rs_error_t err);

#endif
