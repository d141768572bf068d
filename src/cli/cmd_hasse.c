/* rankstrat hasse: the Hasse diagram of the closure order on the strata of
   a fiber. */
#include "cli/cli.h"
#include "cli/hasse_out.h"
#include "cli/strata_cmd.h"
#include "cli/strata_out.h"

static const char usage_text[] =
    "Usage: rankstrat hasse --dims D (--rank R | --product MATFILE)\n"
    "                       [options]\n"
    "\n"
    "Writes the Hasse diagram of the closure order on the strata of the\n"
    "fiber of a rank-R matrix over networks with widths D = d_0,...,d_L:\n"
    "one node per stratum, labelled by its barcode and dimension, and one\n"
    "edge per covering pair (S' lies in the closure of S with nothing in\n"
    "between), drawn upwards.  Node ids are those of 'rankstrat strata'.\n"
    "\n"
    "Options:\n"
    "  --dims D             widths d_0,...,d_L, e.g. 2,3,2\n"
    "  --rank R             rank of W\n"
    "  --product MATFILE    W itself (matrix file, '-' = standard input)\n"
    "  --format FMT         dot (default; Graphviz, rankdir=BT, one rank\n"
    "                       group per dimension), tikz (a tikzpicture in\n"
    "                       levels by dimension; compiles in a standalone\n"
    "                       document), svg (rendered by Graphviz 'dot',\n"
    "                       which must be installed) or json (the\n"
    "                       rankstrat-strata schema with \"covers\")\n"
    "  --hasse-method M     local (default: the merge-rectangle rule) or\n"
    "                       naive (all pairs and a transitive reduction)\n"
    "  --max-strata N       refuse (exit status 2) fibers with more than N\n"
    "                       strata (default 2000000; 0 = no bound)\n"
    "  -o, --output FILE    write to FILE (atomically) instead of stdout\n"
    "  -h, --help           print this help\n";

enum { FMT_DOT, FMT_TIKZ, FMT_SVG, FMT_JSON };

static int write_json(FILE *f, const rs_strata_t S, const rs_covers_t C)
{
    rs_strata_printer p;
    rs_strata_printer_init(&p, f, RS_STRATA_JSON, 1, 1, S->d, S->L, S->r,
                           rs_strata_dim(S, 0), S->n, 0);
    rs_strata_printer_header(&p);
    rs_strata_printer_rows(&p, S, C);
    rs_strata_printer_footer(&p, C);
    rs_strata_printer_clear(&p);
    return RS_OK;
}

int rs_cmd_hasse(int argc, char **argv)
{
    const char *dims = NULL, *rank = NULL, *product = NULL, *format = NULL;
    const char *method = NULL, *max_arg = NULL, *out_path = NULL, *pos[1];
    int npos, help, fmt, naive, status;
    slong n = 0, max_strata;
    rs_cli_fiber f;
    rs_error_t err;
    rs_strata_t S;
    rs_covers_t C;
    rs_cli_progress prog;
    rs_outfile_t out;
    static const char *const formats[] = {"dot", "tikz", "svg", "json", NULL};
    static const char *const methods[] = {"local", "naive", NULL};
    rs_cli_opt opts[] = {
        {"--dims", NULL, &dims, NULL},
        {"--rank", NULL, &rank, NULL},
        {"--product", NULL, &product, NULL},
        {"--format", NULL, &format, NULL},
        {"--hasse-method", NULL, &method, NULL},
        {"--max-strata", NULL, &max_arg, NULL},
        {"--output", "-o", &out_path, NULL},
    };

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
        rs_cli_parse_max_strata(&max_strata, max_arg, err))
        return rs_cli_fail("hasse", err);
    if (rs_cli_fiber_parse(&f, dims, rank, product, err))
        return rs_cli_fail("hasse", err);
    if ((status = rs_cli_strata_count_checked(&n, &f, max_strata, err))) {
        rs_cli_fiber_clear(&f);
        return rs_cli_fail("hasse", err);
    }
    rs_strata_init(S, f.d, f.L, f.r);
    rs_covers_init(C);
    rs_cli_progress_init(&prog, "hasse");
    rs_cli_strata_collect(S, &prog);
    rs_cli_progress_done(&prog);
    status = rs_cli_strata_covers(C, S, naive, err);
    if (status == RS_OK)
        status = rs_outfile_open(&out, out_path ? out_path : "-", err);
    if (status == RS_OK) {
        if (fmt == FMT_DOT)
            rs_hasse_print_dot(out.f, S, C);
        else if (fmt == FMT_TIKZ)
            rs_hasse_print_tikz(out.f, S, C);
        else if (fmt == FMT_SVG)
            status = rs_hasse_write_svg(out.f, S, C, err);
        else
            write_json(out.f, S, C);
        if (status == RS_OK)
            status = rs_outfile_commit(&out, err);
        else
            rs_outfile_abort(&out);
    }
    rs_covers_clear(C);
    rs_strata_clear(S);
    rs_cli_fiber_clear(&f);
    if (status != RS_OK)
        return rs_cli_fail("hasse", err);
    return RS_OK;
}
