/* rankstrat analyze: the rank list, barcode and stratum of one network,
   and on request the local geometry of its stratum (analyze_geometry.c,
   analyze_print.c). */
#include <math.h>
#include <string.h>

#include "cli/analyze.h"
#include "cli/cli.h"
#include "cli/cost_opts.h"
#include "cli/print.h"

static const char usage_text[] =
    "Usage: rankstrat analyze [options] NETFILE\n"
    "\n"
    "Reads a network (text or JSON format; NETFILE '-' is standard input)\n"
    "and prints, exactly over Q: the product W = W_L ... W_1, the rank list\n"
    "r_ji = rank W_ji (as a triangle and as [i, j, r] rows), the barcode,\n"
    "the dimension, codimension and number of connected components of the\n"
    "stratum through the network, whether it is the minimal or a maximal\n"
    "stratum, and the fiber's dimension, smoothness and exact number of\n"
    "strata (\"not counted\", JSON null, when the counting programme would\n"
    "exceed its work bound, which can happen for large widths).\n"
    "\n"
    "Local geometry of the stratum through theta (docs/math.md sections 5-6),\n"
    "all exact; every identity is verified and a failed verification is an\n"
    "internal error (exit 3):\n"
    "  --subspaces          at every layer k and for all i <= k <= j: bases\n"
    "                       and dimensions of col W_ki, null W_ki^T,\n"
    "                       null W_jk, row W_jk, A_kji = col W_ki & null W_jk\n"
    "                       and B_kji = null W_ki^T & row W_jk, each\n"
    "                       dimension checked against the rank list\n"
    "  --flow               a flow basis v_s^(k) and its dual phi_s^(k) for\n"
    "                       every strand s and layer k (W_k+1 v_s^(k) =\n"
    "                       v_s^(k+1) or 0), and the basis flow diagram as\n"
    "                       text\n"
    "  --flow-svg FILE      the basis flow diagram drawn by Graphviz 'dot'\n"
    "  --flow-dot FILE      the basis flow diagram as Graphviz DOT source\n"
    "  --tangent            a basis of the tangent space T_theta S\n"
    "  --normal             a basis of the normal space N_theta S\n"
    "                       (both: the structured bases of rank-one moves\n"
    "                       built from the flow basis; each vector written\n"
    "                       densely, N exact entries, weights W_1, ..., W_L\n"
    "                       row-major)\n"
    "  --structured         write each tangent/normal basis vector as its\n"
    "                       list of rank-one terms sign * u v^T in W_layer\n"
    "                       instead (JSON: \"terms\" instead of \"basis\"),\n"
    "                       which stays small for large networks\n"
    "  --check              recompute T_theta S independently as the image\n"
    "                       of (X_0..X_L) -> (X_k W_k - W_k X_k-1) on\n"
    "                       {X_L W = W X_0} and confirm: equal spans, dim T\n"
    "                       = the formula, normal basis orthogonal to T,\n"
    "                       dim T + dim N = N, both bases independent\n"
    "\n"
    "Options:\n"
    "  --format text|json   output format (default text; json follows the\n"
    "                       rankstrat-point schema of docs/formats.md)\n"
    "  -o FILE              write to FILE (atomically) instead of "
    "stdout\n" RS_CLI_COST_HELP
    "                       (the strata count gets what the rank list\n"
    "                       leaves; beyond it the count alone is reported\n"
    "                       as not counted)\n"
    "  --max-entries N      refuse (exit 2) jobs that would hold or print\n"
    "                       more than N exact matrix entries (default\n"
    "                       10000000): the partial products W_ji, the\n"
    "                       flow basis, the subspaces, the matrices of\n"
    "                       --check; dense --tangent/--normal output\n"
    "                       counts N entries per vector\n"
    "  -h, --help           print this help\n";

static const char *yes_no(int b)
{
    return b ? "yes" : "no";
}

static void print_text(FILE *f, const rs_point_t a, const char *path)
{
    rs_net_struct *net = a->net;
    slong L = a->L;
    fprintf(f, "network     %s\n", strcmp(path, "-") ? path : "(stdin)");
    fprintf(f, "widths      d = ");
    rs_cli_print_dims(f, net->d, L);
    fprintf(f, ", L = %ld, weight space dimension N = %ld\n", (long)L,
            (long)a->N);
    fprintf(f, "product     W = W_%ld ... W_1 (%ld x %ld), rank %ld\n", (long)L,
            (long)net->d[L], (long)net->d[0], (long)a->rank);
    rs_cli_print_qmat(f, rs_net_product(net, L, 0), "              ");
    fprintf(f, "\nrank list   r_ji = rank of W_ji, the map from layer i to "
               "layer j (r_ii = d_i)\n");
    rs_cli_print_rank_triangle(f, a->ranks, "          ");
    fprintf(f, "  [i,j,r]\n");
    rs_cli_print_rank_rows(f, a->ranks, "            ", 6);
    fprintf(f, "\nbarcode     ");
    rs_barcode_fprint(f, a->barcode);
    fprintf(f, "\n\nstratum     dimension     %ld\n", (long)a->dim);
    fprintf(f, "            codimension   %ld\n", (long)a->codim);
    fprintf(f, "            components    ");
    fmpz_fprint(f, a->components);
    fprintf(f, "\n            minimal       %s\n", yes_no(a->minimal));
    fprintf(f, "            maximal       %s\n", yes_no(a->maximal));
    fprintf(f, "\nfiber       dimension     %ld\n", (long)a->fiber_dim);
    fprintf(f, "            smooth        %s\n", yes_no(a->smooth));
    if (a->strata_counted) {
        fprintf(f, "            strata        ");
        fmpz_fprint(f, a->strata);
        fputc('\n', f);
    } else
        fprintf(f, "            strata        not counted (%s)\n",
                a->strata_note);
    rs_cli_point_print_geometry(f, a, net);
}

/* The diagram files join the command's output group: every file is
   committed only when the whole command succeeded. */
static int write_graphs(const rs_point_t a, const char *flow_svg,
                        const char *flow_dot, rs_outgroup_t *g,
                        rs_outfile_t *dot, rs_outfile_t *svg, rs_error_t err)
{
    int status = RS_OK;
    if (flow_dot != NULL && (status = rs_outgroup_open(
                                 g, dot, flow_dot, "--flow-dot", err)) == RS_OK)
        status = rs_cli_write_flow_graph(dot, a->flow, 0, err);
    if (status == RS_OK && flow_svg != NULL &&
        (status = rs_outgroup_open(g, svg, flow_svg, "--flow-svg", err)) ==
            RS_OK)
        status = rs_cli_write_flow_graph(svg, a->flow, 1, err);
    return status;
}

/* A diagram file may not share standard output with the main output. */
static int check_paths(const char *flow_svg, const char *flow_dot,
                       const char *out_path, rs_error_t err)
{
    int main_stdout = out_path == NULL || strcmp(out_path, "-") == 0;
    if (main_stdout && flow_svg != NULL && strcmp(flow_svg, "-") == 0)
        return rs_error_set(err, RS_EINPUT,
                            "--flow-svg: expected a file name; standard "
                            "output carries the main output (use -o FILE)");
    if (main_stdout && flow_dot != NULL && strcmp(flow_dot, "-") == 0)
        return rs_error_set(err, RS_EINPUT,
                            "--flow-dot: expected a file name; standard "
                            "output carries the main output (use -o FILE)");
    if (flow_svg != NULL && flow_dot != NULL && strcmp(flow_svg, flow_dot) == 0)
        return rs_error_set(err, RS_EINPUT,
                            "--flow-svg and --flow-dot: expected two "
                            "different files");
    return RS_OK;
}

int rs_cmd_analyze(int argc, char **argv)
{
    const char *format = NULL, *out_path = NULL, *max_entries = NULL,
               *max_work_arg = NULL, *flow_svg = NULL, *flow_dot = NULL,
               *max_memory = NULL, *pos[1];
    rs_cost_limits_t lim;
    int npos, help, fmt, status;
    rs_point_opts go;
    rs_cli_opt opts[] = {
        {"--format", NULL, &format, NULL},
        {"--output", "-o", &out_path, NULL},
        {"--subspaces", NULL, NULL, &go.subspaces},
        {"--flow", NULL, NULL, &go.flow},
        {"--flow-svg", NULL, &flow_svg, NULL},
        {"--flow-dot", NULL, &flow_dot, NULL},
        {"--tangent", NULL, NULL, &go.tangent},
        {"--normal", NULL, NULL, &go.normal},
        {"--structured", NULL, NULL, &go.structured},
        {"--check", NULL, NULL, &go.check},
        {"--max-entries", NULL, &max_entries, NULL},
        {"--max-work", NULL, &max_work_arg, NULL},
        {"--max-memory", NULL, &max_memory, NULL},
    };
    static const char *const formats[] = {"text", "json", NULL};
    rs_error_t err;
    rs_net_t net;
    rs_point_t a;
    rs_outfile_t out, dot_out, svg_out;
    rs_outgroup_t group;

    rs_outgroup_init(&group);
    rs_point_opts_init(&go);
    rs_error_init(err);
    if (rs_cli_parse(argc, argv, opts, (int)(sizeof opts / sizeof opts[0]), pos,
                     1, &npos, &help, err) ||
        rs_cli_choice(&fmt, format, formats, "--format", err))
        return rs_cli_fail("analyze", err);
    if (max_entries != NULL && rs_parse_slong(&go.max_entries, max_entries,
                                              WORD_MAX, "--max-entries", err))
        return rs_cli_fail("analyze", err);
    if (rs_cli_cost_limits(&lim, max_memory, max_work_arg, err))
        return rs_cli_fail("analyze", err);
    if (check_paths(flow_svg, flow_dot, out_path, err))
        return rs_cli_fail("analyze", err);
    if (help) {
        rs_cli_usage(stdout, usage_text);
        return RS_OK;
    }
    if (npos != 1) {
        rs_error_set(err, RS_EINPUT, "expected one NETFILE; see --help");
        return rs_cli_fail("analyze", err);
    }

    rs_net_init_empty(net);
    if (rs_net_read(net, pos[0], NULL, err)) {
        rs_net_clear(net);
        return rs_cli_fail("analyze", err);
    }
    /* the library checks the rank list's cost against these before it
       computes anything, and gives the strata count what is left */
    go.max_work = (slong)lim.max_work;
    go.max_memory = lim.max_memory;
    go.flow_basis = flow_svg != NULL || flow_dot != NULL;
    rs_point_init(a);
    status = rs_point_analyze(a, net, &go, err);
    if (status == RS_OK)
        status = write_graphs(a, flow_svg, flow_dot, &group, &dot_out, &svg_out,
                              err);
    if (status == RS_OK)
        status = rs_outgroup_open(&group, &out, out_path ? out_path : "-", "-o",
                                  err);
    if (status == RS_OK) {
        if (fmt == 0)
            print_text(out.f, a, pos[0]);
        else
            rs_point_fprint_json(out.f, a);
        status = rs_outgroup_commit(&group, err);
    } else {
        rs_outgroup_abort(&group);
    }
    rs_point_clear(a);
    rs_net_clear(net);
    if (status != RS_OK)
        return rs_cli_fail("analyze", err);
    return RS_OK;
}
