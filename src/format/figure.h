/* Shared drawing of a Hasse figure: the label of every node, its glyph and
   the dimension scale go through a sink of primitives that each writer
   (SVG, TikZ, DOT) implements, so that all draw the same picture. */
#ifndef RS_FORMAT_FIGURE_H
#define RS_FORMAT_FIGURE_H

#include <stdio.h>

#include "rankstrat/format.h"

/* Label metrics (big points): a monospaced font of FIG_FONT with an
   advance of at most FIG_CHAR per character. */
#define FIG_FONT 10.0
#define FIG_CHAR 6.05
#define FIG_LINE 13.0
#define FIG_PADX 5.0
#define FIG_PADY 3.0
#define FIG_MARGIN 6.0

enum { FIG_MIDDLE, FIG_START, FIG_END };

typedef struct rs_fig_sink rs_fig_sink;
struct rs_fig_sink {
    FILE *f;
    double s; /* scale of the writer (TikZ --width) */
    /* stratum id's box (x0, y0) - (x1, y1), y upwards; its title */
    void (*node_begin)(rs_fig_sink *k, slong id, double x0, double y0,
                       double x1, double y1, const char *title);
    void (*node_end)(rs_fig_sink *k, slong id);
    /* one line of text centred vertically at y; anchor FIG_* */
    void (*text)(rs_fig_sink *k, double x, double y, const char *s, double size,
                 int anchor, int cls);
    /* a multiplicity "xm" drawn as a times sign and m */
    void (*mult)(rs_fig_sink *k, double x, double y, slong m, double size);
    void (*line)(rs_fig_sink *k, double x0, double y0, double x1, double y1,
                 double width);
    void (*dot)(rs_fig_sink *k, double x, double y, double r);
    slong serial; /* for writers that must name every primitive */
};

/* text classes */
enum { FIG_TEXT_LABEL, FIG_TEXT_SCALE };

/* Draws every node (box, text lines, glyph) and the scale. */
void rs_fig_draw(rs_fig_sink *k, const rs_hasse_figure_t F);

/* The title of stratum id ("S3: 2[0,0] + [1,2], dim 4"), flint_free'd
   by the caller. */
char *rs_fig_title(const rs_hasse_figure_t F, slong id);

/* The comment lines every writer starts with (prefix "% ", "// " ...). */
void rs_fig_header(FILE *f, const rs_hasse_figure_t F, const char *prefix);

/* The SVG of the figure, with the XML prolog and header comment when
   prolog is nonzero (else to be embedded in HTML). */
void rs_fig_svg(FILE *f, const rs_hasse_figure_t F, int prolog);

/* Writes s with the characters special to XML escaped. */
void rs_fig_xml(FILE *f, const char *s);

#endif
