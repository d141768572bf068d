/* rankstrat hasse: the Hasse diagram of the closure order on the strata of
   a fiber. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/cost_opts.h"
#include "cli/hasse_out.h"
#include "cli/strata_cmd.h"
#include "table/strata_out.h"

static const char usage_text[] =
    "Usage: rankstrat hasse --dims D (--rank R | --product MATFILE)\n"
    "                       [options]\n"
    "\n"
    "Writes the Hasse diagram of the closure order on the strata of the\n"
    "fiber of a rank-R matrix over networks with widths D = d_0,...,d_L:\n"
    "one node per stratum and one edge per covering pair (S' lies in the\n"
    "closure of S with nothing in between), drawn upwards.  Stratum Sk is\n"
    "row k of 'rankstrat strata' (ids from 0, the index in its JSON\n"
    "\"strata\" array) in every format.\n"
    "\n"
    "Every picture comes from one layered layout: one row per dimension,\n"
    "higher dimension above, a dimension scale on the left, the order in\n"
    "the rows chosen for few crossings; an edge spanning several rows\n"
    "passes between the nodes of the rows in between, and no edge meets\n"
    "a node other than its two ends.  SVG, TikZ, DOT (with fixed\n"
    "positions), PDF and PNG all draw those coordinates.\n"
    "\n"
    "Options:\n"
    "  --dims D             widths d_0,...,d_L, e.g. 2,3,2\n"
    "  --rank R             rank of W\n"
    "  --product MATFILE    W itself (matrix file, '-' = standard input)\n"
    "  --format FMT         dot (default; Graphviz DOT with fixed positions,\n"
    "                       drawn by 'neato -n2'), svg, tikz (a\n"
    "                       tikzpicture for a plain article with\n"
    "                       \\usepackage{tikz}), pdf and png (by Graphviz\n"
    "                       'neato', which must be installed), html (one\n"
    "                       self-contained page to explore: pan, zoom,\n"
    "                       search, details on click) or json (the\n"
    "                       rankstrat-strata schema with \"covers\")\n"
    "  --label LIST         what a node shows, a comma list of id,\n"
    "                       barcode, glyph (the barcode drawn: a tick per\n"
    "                       layer, a segment per strand, a dot for a bar\n"
    "                       [i,i], 'xm' past 4 equal bars), ranks, dim,\n"
    "                       codim, components (default id,barcode,dim)\n"
    "  --levels L           dim (default: higher dimension above) or\n"
    "                       codim (rows by codimension, the minimal\n"
    "                       stratum on top)\n"
    "  --width W            tikz: scale the picture, text included, to W\n"
    "                       (e.g. 16cm, 120mm, 6in, 400pt)\n"
    "  --hasse-method M     local (default: the merge-rectangle rule) or\n"
    "                       naive (all pairs and a transitive reduction)\n"
    "  --max-strata N       refuse (exit status 2) fibers with more than N\n"
    "                       strata (default 2000000; 0 = no bound)\n"
    "  -o, --output FILE    write to FILE (atomically) instead of "
    "stdout\n" RS_CLI_COST_HELP "  -h, --help           print this help\n";

enum { FMT_DOT, FMT_TIKZ, FMT_SVG, FMT_JSON, FMT_PDF, FMT_PNG, FMT_HTML };

/* --width: a positive length in cm, mm, in, pt or bp, as centimetres. */
static int parse_width(double *cm, const char *arg, rs_error_t err)
{
    static const struct {
        const char *unit;
        double cm;
    } units[] = {{"cm", 1.0},
                 {"mm", 0.1},
                 {"in", 2.54},
                 {"pt", 2.54 / 72.27},
                 {"bp", 2.54 / 72.0}};
    char *end;
    double v;
    size_t k;
    if (arg == NULL) {
        *cm = 0.0;
        return RS_OK;
    }
    v = strtod(arg, &end);
    for (k = 0; k < sizeof units / sizeof units[0]; k++)
        if (end != arg && strcmp(end, units[k].unit) == 0 && v > 0 && v < 1e4) {
            *cm = v * units[k].cm;
            return RS_OK;
        }
    return rs_error_set(err, RS_EINPUT,
                        "--width: expected a positive length with a unit "
                        "cm, mm, in, pt or bp (e.g. 16cm), found \"%s\"",
                        arg);
}

static int write_json(FILE *f, const rs_strata_t S, const rs_covers_t C)
{
    _rs_strata_printer p;
    _rs_strata_printer_init(&p, f, RS_STRATA_JSON, 1, 1, S->d, S->L, S->r,
                            rs_strata_dim(S, 0), S->n, 0);
    _rs_strata_printer_header(&p);
    _rs_strata_printer_rows(&p, S, C);
    _rs_strata_printer_footer(&p, C);
    _rs_strata_printer_clear(&p);
    return RS_OK;
}

int rs_cmd_hasse(int argc, char **argv)
{
    const char *dims = NULL, *rank = NULL, *product = NULL, *format = NULL;
    const char *method = NULL, *max_arg = NULL, *out_path = NULL, *pos[1];
    const char *label = NULL, *levels = NULL, *width = NULL;
    int npos, help, fmt, naive, status, labels = RS_LABEL_DEFAULT, codim;
    double width_cm = 0.0;
    rs_hasse_figure_t F;
    const char *max_memory = NULL, *max_work = NULL;
    slong n = 0, max_strata;
    rs_cli_fiber f;
    rs_error_t err;
    rs_strata_t S;
    rs_covers_t C;
    rs_cli_progress prog;
    rs_outfile_t out;
    static const char *const formats[] = {"dot", "tikz", "svg",  "json",
                                          "pdf", "png",  "html", NULL};
    static const char *const level_names[] = {"dim", "codim", NULL};
    static const char *const methods[] = {"local", "naive", NULL};
    rs_cli_opt opts[] = {
        {"--dims", NULL, &dims, NULL},
        {"--rank", NULL, &rank, NULL},
        {"--product", NULL, &product, NULL},
        {"--format", NULL, &format, NULL},
        {"--hasse-method", NULL, &method, NULL},
        {"--label", NULL, &label, NULL},
        {"--levels", NULL, &levels, NULL},
        {"--width", NULL, &width, NULL},
        {"--max-strata", NULL, &max_arg, NULL},
        {"--output", "-o", &out_path, NULL},
        {"--max-memory", NULL, &max_memory, NULL},
        {"--max-work", NULL, &max_work, NULL},
    };
    rs_cost_limits_t lim;

    rs_error_init(err);
    if (rs_cli_parse(argc, argv, opts, sizeof opts / sizeof opts[0], pos, 0,
                     &npos, &help, err))
        return rs_cli_fail("hasse", err);
    if (help) {
        rs_cli_usage(stdout, usage_text);
        return RS_OK;
    }
    if (rs_cli_choice(&fmt, format, formats, "--format", err) ||
        rs_cli_choice(&naive, method, methods, "--hasse-method", err) ||
        rs_cli_choice(&codim, levels, level_names, "--levels", err) ||
        (label != NULL && rs_label_parse(&labels, label, "--label", err)) ||
        parse_width(&width_cm, width, err) ||
        rs_cli_parse_max_strata(&max_strata, max_arg, err) ||
        rs_cli_cost_limits(&lim, max_memory, max_work, err))
        return rs_cli_fail("hasse", err);
    if (rs_cli_fiber_parse(&f, dims, rank, product, err))
        return rs_cli_fail("hasse", err);
    if ((status = rs_cli_strata_count_checked(&n, &f, max_strata, err)) ||
        (status = rs_cli_fiber_cost_check(
             &lim, f.d, f.L, n, 0, 1, "the strata and their covers", err))) {
        rs_cli_fiber_clear(&f);
        return rs_cli_fail("hasse", err);
    }
    rs_strata_init(S, f.d, f.L, f.r);
    rs_covers_init(C);
    rs_cli_progress_init(&prog, "hasse");
    rs_cli_strata_collect(S, &prog);
    rs_cli_progress_done(&prog);
    status = rs_cli_strata_covers(C, S, naive, err);
    rs_layout_init(F->Y);
    if (status == RS_OK && fmt != FMT_JSON)
        status = rs_hasse_figure_init(F, S, C, labels, codim, err);
    if (status == RS_OK)
        status = rs_outfile_open(&out, out_path ? out_path : "-", err);
    if (status == RS_OK) {
        if (fmt == FMT_DOT)
            rs_hasse_fprint_dot(out.f, F);
        else if (fmt == FMT_TIKZ)
            rs_hasse_fprint_tikz(out.f, F, width_cm);
        else if (fmt == FMT_SVG)
            rs_hasse_fprint_svg(out.f, F);
        else if (fmt == FMT_HTML)
            rs_hasse_fprint_html(out.f, F);
        else if (fmt == FMT_PDF || fmt == FMT_PNG)
            status = rs_hasse_write_graphviz(out.f, F, formats[fmt], err);
        else
            write_json(out.f, S, C);
        if (status == RS_OK)
            status = rs_outfile_commit(&out, err);
        else
            rs_outfile_abort(&out);
    }
    rs_layout_clear(F->Y);
    rs_covers_clear(C);
    rs_strata_clear(S);
    rs_cli_fiber_clear(&f);
    if (status != RS_OK)
        return rs_cli_fail("hasse", err);
    return RS_OK;
}
