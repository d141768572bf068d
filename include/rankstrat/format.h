/* Figures of the closure order: a layered layout of the Hasse diagram and
   the writers that draw it (SVG, TikZ, positioned Graphviz DOT, a
   self-contained HTML explorer), all from the same coordinates.

   Numbering: stratum id k is its index in the sorted order of
   rankstrat/strata.h (rs_strata_sort), 0-based, the index in the JSON
   "strata" array and the id column of every table.  Figures name it "S"
   followed by the id (S0, S1, ...; S_{0} in LaTeX), the DOT node "s0",
   the SVG element id "S0".

   Units are big points (1/72 inch, as Graphviz); y grows upwards, so that
   row 0 is at the bottom. */
#ifndef RANKSTRAT_FORMAT_H
#define RANKSTRAT_FORMAT_H

#include <stdio.h>

#include <flint/flint.h>

#include "rankstrat/error.h"
#include "rankstrat/export.h"
#include "rankstrat/strata.h"

RS_BEGIN_DECLS

/* ---- the layered layout ---------------------------------------------- */

/* Layout of a graph whose vertices are put in rows by an integer key
   (one row per key value that occurs, increasing keys upwards) and whose
   edges join a lower row to a higher one.

   Algorithm (Sugiyama): an edge spanning several rows gets a dummy vertex
   in every row in between; the order within rows comes from alternating
   median/barycentre sweeps, keeping the order with fewest crossings; x
   coordinates come from alternating sweeps in which every row is placed
   as close as possible (least squares) to the mean position of its
   neighbours subject to the order and the minimum separation, solved
   exactly by pool-adjacent-violators.

   Edges are cubic Bezier splines (Graphviz's convention: 3m + 1 control
   points).  Every box of a row lies inside the row's band (its centre
   line +- half the tallest box of the row); an edge is vertical inside a
   band, within the x-range of its own end box or at its dummy vertex,
   which is separated from every box of the row, and bends only in the
   empty gaps between bands.  Hence no edge meets a box that is not one
   of its ends. */
typedef struct {
    slong n, nrows, ne;
    slong *row;           /* row of each vertex, 0 = bottom */
    slong *row_key;       /* key of each row (increasing upwards) */
    double *row_y;        /* centre line of each row */
    double *row_h;        /* band height of each row */
    double *x, *y;        /* centre of each vertex's box */
    double *w, *h;        /* box sizes (copied from the input) */
    slong *lo, *hi;       /* edge k joins vertex lo[k] (lower) to hi[k] */
    slong *path_off;      /* edge k: points path_off[k] .. path_off[k+1]-1 */
    double *path;         /* control points, (x, y) pairs */
    double width, height; /* every box and path lies in [0,w] x [0,h] */
    double left;          /* boxes start at x >= left (room for a scale) */
    slong crossings;      /* edge crossings of the order chosen */
    slong dummies;        /* dummy vertices used */
} rs_layout_struct;

typedef rs_layout_struct rs_layout_t[1];

typedef struct {
    double node_sep; /* horizontal gap between boxes (default 14) */
    double dummy_w;  /* width reserved for a dummy vertex (default 4) */
    double row_gap;  /* least vertical gap between bands (default 36) */
    double left;     /* room kept free left of the boxes (default 0) */
    slong sweeps;    /* crossing-reduction sweeps (default 24) */
} rs_layout_opts;

/* Fills *o with the defaults above. */
void rs_layout_opts_init(rs_layout_opts *o);

void rs_layout_init(rs_layout_t Y);
void rs_layout_clear(rs_layout_t Y);

/* Lays out n vertices with row keys key[], box sizes w[], h[] (> 0) and
   ne edges (ends[2k], ends[2k+1]) each from a vertex with smaller key to
   one with larger key; opts NULL means the defaults.  Returns RS_EINPUT
   (with a message) if an edge does not go upwards or names no vertex. */
int rs_layout_compute(rs_layout_t Y, slong n, const slong *key, const double *w,
                      const double *h, slong ne, const slong *ends,
                      const rs_layout_opts *opts, rs_error_t err);

/* Point of edge k's spline at parameter t in [0, 1] (uniform over its
   Bezier pieces). */
void rs_layout_edge_point(double *px, double *py, const rs_layout_t Y, slong k,
                          double t);

/* ---- Hasse figures ------------------------------------------------- */

/* Label parts, combined with |: one line each, in this order. */
enum {
    RS_LABEL_ID = 1,
    RS_LABEL_BARCODE = 2,
    RS_LABEL_GLYPH = 4,
    RS_LABEL_RANKS = 8,
    RS_LABEL_DIM = 16,
    RS_LABEL_CODIM = 32,
    RS_LABEL_COMPONENTS = 64,
    RS_LABEL_DEFAULT = 1 | 2 | 16
};

/* Parses a comma list of id, barcode, glyph, ranks, dim, codim,
   components into *labels; the message names `opt`. */
int rs_label_parse(int *labels, const char *arg, const char *opt,
                   rs_error_t err);

/* A laid-out Hasse diagram of one fiber: the strata of S (sorted, ids as
   above) and the covers C, with labels drawn from `labels`. */
typedef struct {
    const rs_strata_struct *S;
    const rs_covers_struct *C;
    int labels;
    int codim;     /* rows by codimension, increasing upwards */
    rs_layout_t Y; /* vertex k = stratum k, edge k = cover k */
} rs_hasse_figure_struct;

typedef rs_hasse_figure_struct rs_hasse_figure_t[1];

/* Measures every label and lays the diagram out: rows by dimension,
   higher dimension above (codim = 1: rows by codimension, the minimal
   stratum on top).  S and C must stay alive until the clear. */
int rs_hasse_figure_init(rs_hasse_figure_t F, const rs_strata_t S,
                         const rs_covers_t C, int labels, int codim,
                         rs_error_t err);
void rs_hasse_figure_clear(rs_hasse_figure_t F);

/* SVG 1.1, one <g id="Sk" class="node"> with a <title> per stratum. */
void rs_hasse_fprint_svg(FILE *f, const rs_hasse_figure_t F);

/* A tikzpicture for a plain article (\usepackage{tikz}); width_cm > 0
   scales the whole picture, text included, to that width. */
void rs_hasse_fprint_tikz(FILE *f, const rs_hasse_figure_t F, double width_cm);

/* Graphviz DOT with fixed positions: `neato -n2` draws the same picture
   (node sN, edges with their splines as `pos`). */
void rs_hasse_fprint_dot(FILE *f, const rs_hasse_figure_t F);

/* One self-contained HTML page (no external resource): the SVG above with
   pan, zoom, search by id or barcode and a detail panel. */
void rs_hasse_fprint_html(FILE *f, const rs_hasse_figure_t F);

RS_END_DECLS

#endif
