/* The Hasse figure as SVG 1.1, drawn from the layout's coordinates. */
#include "format/figure.h"

typedef struct {
    rs_fig_sink k;
    double H; /* height of the drawing, to turn y downwards */
} svg_sink;

#define Y(v) (((svg_sink *)k)->H - (v))

static void svg_node_begin(rs_fig_sink *k, slong id, double x0, double y0,
                           double x1, double y1, const char *title)
{
    fprintf(k->f, "<g id=\"S%ld\" class=\"node\"><title>", (long)id);
    rs_fig_xml(k->f, title);
    fprintf(k->f,
            "</title><rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" "
            "height=\"%.2f\" rx=\"2\"/>\n",
            x0, Y(y1), x1 - x0, y1 - y0);
}

static void svg_node_end(rs_fig_sink *k, slong id)
{
    (void)id;
    fputs("</g>\n", k->f);
}

static void svg_text(rs_fig_sink *k, double x, double y, const char *s,
                     double size, int anchor, int cls)
{
    static const char *const anchors[] = {"middle", "start", "end"};
    fprintf(k->f, "<text x=\"%.2f\" y=\"%.2f\"", x, Y(y));
    if (cls == FIG_TEXT_SCALE)
        fputs(" class=\"scale\"", k->f);
    if (size != FIG_FONT)
        fprintf(k->f, " font-size=\"%.1f\"", size);
    fprintf(k->f, " text-anchor=\"%s\">", anchors[anchor]);
    rs_fig_xml(k->f, s);
    fputs("</text>\n", k->f);
}

static void svg_mult(rs_fig_sink *k, double x, double y, slong m, double size)
{
    fprintf(k->f,
            "<text x=\"%.2f\" y=\"%.2f\" font-size=\"%.1f\" "
            "text-anchor=\"start\">&#215;%ld</text>\n",
            x, Y(y), size, (long)m);
}

static void svg_line(rs_fig_sink *k, double x0, double y0, double x1, double y1,
                     double width)
{
    fprintf(k->f,
            "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" "
            "stroke-width=\"%.1f\"/>\n",
            x0, Y(y0), x1, Y(y1), width);
}

static void svg_dot(rs_fig_sink *k, double x, double y, double r)
{
    fprintf(k->f, "<circle cx=\"%.2f\" cy=\"%.2f\" r=\"%.1f\"/>\n", x, Y(y), r);
}

void rs_fig_svg(FILE *f, const rs_hasse_figure_t F, int prolog)
{
    const rs_layout_struct *L = F->Y;
    svg_sink s;
    double W = L->width + 2 * FIG_MARGIN, H = L->height + 2 * FIG_MARGIN;
    slong e, i;
    s.k.f = f;
    s.k.s = 1.0;
    s.k.node_begin = svg_node_begin;
    s.k.node_end = svg_node_end;
    s.k.text = svg_text;
    s.k.mult = svg_mult;
    s.k.line = svg_line;
    s.k.dot = svg_dot;
    s.k.serial = 0;
    s.H = L->height + FIG_MARGIN;
    if (prolog) {
        fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!--\n", f);
        rs_fig_header(f, F, "  ");
        fputs("-->\n", f);
    }
    fprintf(f,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
            "xml:space=\"preserve\" "
            "width=\"%.2fpt\" height=\"%.2fpt\" viewBox=\"%.2f %.2f %.2f "
            "%.2f\">\n",
            W, H, -FIG_MARGIN, 0.0, W, H);
    fputs("<style>\n"
          "text { font-family: 'DejaVu Sans Mono', 'Liberation Mono', "
          "Courier, monospace; font-size: 10px; dominant-baseline: central; "
          "fill: #000; white-space: pre; }\n"
          "text.scale { fill: #555; }\n"
          "line, circle { stroke: #000; fill: #000; }\n"
          ".node rect { fill: #fff; stroke: #000; stroke-width: 1; }\n"
          ".edge { fill: none; stroke: #444; stroke-width: 1; }\n"
          "</style>\n",
          f);
    fputs("<g class=\"edges\">\n", f);
    for (e = 0; e < L->ne; e++) {
        slong a = L->path_off[e], b = L->path_off[e + 1];
        slong lo = F->C->pairs[2 * e], hi = F->C->pairs[2 * e + 1];
        fprintf(f,
                "<path class=\"edge\" id=\"e%ld\" data-lower=\"%ld\" "
                "data-upper=\"%ld\" d=\"M%.2f,%.2f C",
                (long)e, (long)lo, (long)hi, L->path[2 * a],
                s.H - L->path[2 * a + 1]);
        for (i = a + 1; i < b; i++)
            fprintf(f, " %.2f,%.2f", L->path[2 * i], s.H - L->path[2 * i + 1]);
        fputs("\"/>\n", f);
    }
    fputs("</g>\n<g class=\"nodes\">\n", f);
    rs_fig_draw(&s.k, F);
    fputs("</g>\n</svg>\n", f);
}

void rs_hasse_fprint_svg(FILE *f, const rs_hasse_figure_t F)
{
    rs_fig_svg(f, F, 1);
}
