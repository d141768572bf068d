/* The Hasse figure as a tikzpicture, drawn from the layout's coordinates
   (1 unit = 1bp, times the scale that --width asks for). */
#include "format/figure.h"

static void tz_node_begin(rs_fig_sink *k, slong id, double x0, double y0,
                          double x1, double y1, const char *title)
{
    fprintf(k->f, "%% %s\n\\draw[box] (%.2f,%.2f) rectangle (%.2f,%.2f);\n",
            title, x0, y0, x1, y1);
    (void)id;
}

static void tz_node_end(rs_fig_sink *k, slong id)
{
    (void)k;
    (void)id;
}

static void tz_text(rs_fig_sink *k, double x, double y, const char *s,
                    double size, int anchor, int cls)
{
    static const char *const anchors[] = {"", ", anchor=west", ", anchor=east"};
    fprintf(k->f, "\\node[lbl%s%s] at (%.2f,%.2f) {", anchors[anchor],
            cls == FIG_TEXT_SCALE ? ", text=black!65" : "", x, y);
    (void)size;
    for (; *s; s++) {
        if (*s == '_' || *s == '&' || *s == '%' || *s == '#' || *s == '$' ||
            *s == '{' || *s == '}')
            fputc('\\', k->f);
        if (*s == '^')
            fputs("\\^{}", k->f);
        else
            fputc(*s, k->f);
    }
    fputs("};\n", k->f);
}

static void tz_mult(rs_fig_sink *k, double x, double y, slong m, double size)
{
    (void)size;
    fprintf(k->f, "\\node[mult, anchor=west] at (%.2f,%.2f) {$\\times$%ld};\n",
            x, y, (long)m);
}

static void tz_line(rs_fig_sink *k, double x0, double y0, double x1, double y1,
                    double width)
{
    fprintf(k->f, "\\draw[line width=%.3fbp] (%.2f,%.2f) -- (%.2f,%.2f);\n",
            width * k->s, x0, y0, x1, y1);
}

static void tz_dot(rs_fig_sink *k, double x, double y, double r)
{
    fprintf(k->f, "\\fill (%.2f,%.2f) circle[radius=%.2f];\n", x, y, r);
}

void rs_hasse_fprint_tikz(FILE *f, const rs_hasse_figure_t F, double width_cm)
{
    const rs_layout_struct *L = F->Y;
    rs_fig_sink k;
    double W = L->width + 2 * FIG_MARGIN, s = 1.0;
    slong e, i;
    if (width_cm > 0)
        s = width_cm / (W * 2.54 / 72.0);
    k.f = f;
    k.s = s;
    k.node_begin = tz_node_begin;
    k.node_end = tz_node_end;
    k.text = tz_text;
    k.mult = tz_mult;
    k.line = tz_line;
    k.dot = tz_dot;
    k.serial = 0;
    rs_fig_header(f, F, "% ");
    fprintf(f,
            "%% A tikzpicture: compiles in a plain \\documentclass{article} "
            "with\n%% \\usepackage{tikz} (no other package, no standalone "
            "class):\n%%   \\begin{figure} \\centering \\input{THIS FILE} "
            "\\end{figure}\n%% Natural width %.1f cm%s.\n",
            W * 2.54 / 72.0,
            width_cm > 0 ? ", scaled (text included) to --width" : "");
    fprintf(f,
            "\\begin{tikzpicture}[x=%.5fbp, y=%.5fbp,\n"
            "  box/.style={line width=%.3fbp, rounded corners=%.3fbp},\n"
            "  edge/.style={line width=%.3fbp, black!75},\n"
            "  lbl/.style={inner sep=0pt, scale=%.5f, "
            "font=\\ttfamily\\fontsize{10}{12}\\selectfont},\n"
            "  mult/.style={inner sep=0pt, scale=%.5f, "
            "font=\\ttfamily\\fontsize{8}{9}\\selectfont}]\n",
            s, s, s, 2.0 * s, s, s, s);
    for (e = 0; e < L->ne; e++) {
        slong a = L->path_off[e], b = L->path_off[e + 1];
        fprintf(f, "\\draw[edge] (%.2f,%.2f)", L->path[2 * a],
                L->path[2 * a + 1]);
        for (i = a + 1; i + 2 < b; i += 3)
            fprintf(f,
                    " .. controls (%.2f,%.2f) and (%.2f,%.2f) .. (%.2f,%.2f)",
                    L->path[2 * i], L->path[2 * i + 1], L->path[2 * i + 2],
                    L->path[2 * i + 3], L->path[2 * i + 4], L->path[2 * i + 5]);
        fprintf(f, "; %% S%ld -- S%ld\n", (long)F->C->pairs[2 * e],
                (long)F->C->pairs[2 * e + 1]);
    }
    rs_fig_draw(&k, F);
    fputs("\\end{tikzpicture}\n", f);
}
