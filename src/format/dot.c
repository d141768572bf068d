/* The Hasse figure as Graphviz DOT with every position fixed: `neato -n2`
   draws the layout's picture.  Node sN is stratum N: its box and its text
   lines (as the label); glyph strokes, dots and multiplicities are extra
   nodes gK_a, gK_b joined by an edge, and the scale is nodes scaleK. */
#include <string.h>

#include "format/figure.h"

#define IN(v) ((v) / 72.0)

typedef struct {
    rs_fig_sink k;
    int open;    /* a node statement's label is open */
    int glyph;   /* labels with a glyph: text lines are nodes of their own */
    slong lines; /* text lines in it */
    slong aux;   /* extra nodes so far */
} dot_sink;

static void close_label(rs_fig_sink *k)
{
    dot_sink *d = (dot_sink *)k;
    if (d->open)
        fputs("\"];\n", k->f);
    d->open = 0;
}

static void dt_node_begin(rs_fig_sink *k, slong id, double x0, double y0,
                          double x1, double y1, const char *title)
{
    dot_sink *d = (dot_sink *)k;
    fprintf(k->f,
            "  s%ld [pos=\"%.2f,%.2f\", width=%.4f, height=%.4f, "
            "tooltip=\"%s\", label=\"",
            (long)id, (x0 + x1) / 2, (y0 + y1) / 2, IN(x1 - x0), IN(y1 - y0),
            title);
    d->open = 1;
    d->lines = 0;
    if (d->glyph)
        close_label(k);
}

static void dt_node_end(rs_fig_sink *k, slong id)
{
    (void)id;
    close_label(k);
}

static void dt_text(rs_fig_sink *k, double x, double y, const char *s,
                    double size, int anchor, int cls)
{
    dot_sink *d = (dot_sink *)k;
    (void)size;
    if (cls == FIG_TEXT_LABEL && d->open) {
        fprintf(k->f, "%s%s", d->lines++ ? "\\n" : "", s);
        return;
    }
    close_label(k);
    /* a plaintext node is centred: move it by half its width */
    if (anchor == FIG_END)
        x -= FIG_CHAR * (double)strlen(s) / 2.0;
    else if (anchor == FIG_START)
        x += FIG_CHAR * (double)strlen(s) / 2.0;
    fprintf(k->f,
            "  %s%ld [shape=plaintext, fixedsize=false, %spos=\"%.2f,%.2f\", "
            "label=\"%s\"];\n",
            cls == FIG_TEXT_SCALE ? "scale" : "t", (long)d->aux++,
            cls == FIG_TEXT_SCALE ? "fontcolor=\"#555555\", " : "", x, y, s);
}

static void dt_line(rs_fig_sink *k, double x0, double y0, double x1, double y1,
                    double width)
{
    dot_sink *d = (dot_sink *)k;
    slong n = d->aux++;
    close_label(k);
    fprintf(k->f,
            "  g%ld_a [shape=point, width=0, style=invis, pos=\"%.2f,%.2f\"];"
            "\n  g%ld_b [shape=point, width=0, style=invis, "
            "pos=\"%.2f,%.2f\"];\n  g%ld_a -> g%ld_b [color=black, "
            "penwidth=%.2f, pos=\"%.2f,%.2f %.2f,%.2f %.2f,%.2f %.2f,%.2f\"];"
            "\n",
            (long)n, x0, y0, (long)n, x1, y1, (long)n, (long)n, width, x0, y0,
            x0 + (x1 - x0) / 3, y0 + (y1 - y0) / 3, x0 + 2 * (x1 - x0) / 3,
            y0 + 2 * (y1 - y0) / 3, x1, y1);
}

static void dt_dot(rs_fig_sink *k, double x, double y, double r)
{
    dot_sink *d = (dot_sink *)k;
    close_label(k);
    fprintf(k->f,
            "  g%ld_a [shape=point, style=filled, color=black, width=%.4f, "
            "pos=\"%.2f,%.2f\"];\n",
            (long)(d->aux++), IN(2 * r), x, y);
}

static void dt_mult(rs_fig_sink *k, double x, double y, slong m, double size)
{
    dot_sink *d = (dot_sink *)k;
    char t[32];
    close_label(k);
    snprintf(t, sizeof t, "%ld", (long)m);
    fprintf(k->f,
            "  g%ld_a [shape=plaintext, fixedsize=false, fontsize=%.0f, "
            "pos=\"%.2f,%.2f\", label=\"\xc3\x97%s\"];\n",
            (long)(d->aux++), size,
            x + 0.62 * size * (double)(1 + strlen(t)) / 2.0, y, t);
}

void rs_hasse_fprint_dot(FILE *f, const rs_hasse_figure_t F)
{
    const rs_layout_struct *L = F->Y;
    dot_sink d;
    slong e, i;
    memset(&d, 0, sizeof d);
    d.k.f = f;
    d.k.s = 1.0;
    d.k.node_begin = dt_node_begin;
    d.k.node_end = dt_node_end;
    d.k.text = dt_text;
    d.k.mult = dt_mult;
    d.k.line = dt_line;
    d.k.dot = dt_dot;
    rs_fig_header(f, F, "// ");
    fprintf(f,
            "// Every position is fixed (points, y upwards): draw it with\n"
            "//   neato -n2 -Tsvg FILE   (or -Tpdf, -Tpng)\n"
            "digraph hasse {\n"
            "  graph [bb=\"%.2f,%.2f,%.2f,%.2f\", outputorder=edgesfirst, "
            "pad=0.1];\n"
            "  node [shape=box, style=rounded, fixedsize=true, "
            "fontname=\"monospace\", fontsize=10, margin=0];\n"
            "  edge [arrowhead=none, color=\"#444444\"];\n",
            -FIG_MARGIN, -FIG_MARGIN, L->width + FIG_MARGIN,
            L->height + FIG_MARGIN);
    d.glyph = (F->labels & RS_LABEL_GLYPH) != 0;
    rs_fig_draw(&d.k, F);
    for (e = 0; e < L->ne; e++) {
        slong a = L->path_off[e], b = L->path_off[e + 1];
        fprintf(f, "  s%ld -> s%ld [pos=\"", (long)L->lo[e], (long)L->hi[e]);
        for (i = a; i < b; i++)
            fprintf(f, "%s%.2f,%.2f", i > a ? " " : "", L->path[2 * i],
                    L->path[2 * i + 1]);
        fputs("\"];\n", f);
    }
    fputs("}\n", f);
}
