/* rankstrat analyze: the rank list, barcode and stratum of one network,
   and on request the local geometry of its stratum (analyze_geometry.c,
   analyze_print.c). */
#include <string.h>

#include "cli/analyze.h"
#include "cli/cli.h"
#include "cli/print.h"
#include "rankstrat/limits.h"
#include "rankstrat/strata.h"

/* The work bound of the strata count here: analyze should answer in well
   under a second even for deep wide networks (the strata module's own
   default is larger). */
#define RS_ANALYZE_DEFAULT_WORK WORD(10000000)

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
    "  -o FILE              write to FILE (atomically) instead of stdout\n"
    "  --max-work N         work bound of the exact strata count (dynamic-\n"
    "                       programming states, default 10000000); beyond\n"
    "                       it the count is reported as not counted\n"
    "  --max-entries N      refuse (exit 2) jobs that would hold or print\n"
    "                       more than N exact matrix entries (default\n"
    "                       10000000): the partial products W_ji, the\n"
    "                       flow basis, the subspaces, the matrices of\n"
    "                       --check; dense --tangent/--normal output\n"
    "                       counts N entries per vector\n"
    "  -h, --help           print this help\n";

/* Everything analyze reports about a point, computed before any output so
   that a failure leaves stdout empty. */
typedef struct {
    rs_net_struct *net;
    slong L, N, rank, dim, codim, fiber_dim;
    rs_ranks_t ranks;
    rs_barcode_t barcode;
    fmpz_t components;
    int minimal, maximal, smooth;
    fmpz_t strata;      /* number of strata of the fiber, if counted */
    int strata_counted; /* 0: the count was out of reach */
    char strata_note[RS_ERROR_MSG_LEN];
    rs_geometry geom;
    int geom_ready; /* whether geom must be cleared */
} analysis;

/* The exact number of strata of the fiber, unless the counting programme
   would exceed its default work bound (then it is reported as not
   counted, with the reason). */
static int count_strata(analysis *a, rs_net_t net, slong max_work,
                        rs_error_t err)
{
    rs_error_t e;
    int status;
    rs_error_init(e);
    status =
        rs_strata_count(a->strata, net->d, a->L, a->rank, max_work, NULL, e);
    if (status == RS_OK) {
        a->strata_counted = 1;
        return RS_OK;
    }
    if (status == RS_ELIMIT) {
        snprintf(a->strata_note, sizeof a->strata_note, "%s", e->msg);
        return RS_OK;
    }
    return rs_error_set(err, status, "%s", e->msg);
}

static int analysis_compute(analysis *a, rs_net_t net, slong max_work,
                            const rs_geom_opts *o, rs_error_t err)
{
    slong dim_ranks;
    int status;
    a->net = net;
    a->geom_ready = 0;
    a->L = net->L;
    a->N = rs_net_num_params(net);
    rs_ranks_init(a->ranks, a->L);
    rs_barcode_init(a->barcode, a->L);
    fmpz_init(a->components);
    fmpz_init(a->strata);
    a->strata_counted = 0;
    a->strata_note[0] = '\0';
    /* the rank list keeps certified column blocks Z_ji[:, S_ji] of every
       partial product, and the geometry options use the products
       themselves: both cost up to sum_{i<=j} d_j d_i entries */
    if ((status = rs_limits_check_products(net->d, a->L, o->max_entries,
                                           "--max-entries", err)))
        return status;
    rs_net_ranks(a->ranks, net);
    rs_barcode_from_ranks(a->barcode, a->ranks);
    a->rank = rs_ranks_get(a->ranks, 0, a->L);
    if (!rs_barcode_is_valid(a->barcode, net->d, a->rank))
        return rs_error_set(err, RS_EINTERNAL,
                            "internal error: the rank list of the network "
                            "gives a negative barcode multiplicity");
    a->dim = rs_barcode_dim(a->barcode);
    dim_ranks = rs_ranks_dim(a->ranks);
    if (dim_ranks != a->dim)
        return rs_error_set(err, RS_EINTERNAL,
                            "internal error: the two dimension formulas "
                            "disagree (%ld from the barcode, %ld from the "
                            "rank list)",
                            (long)a->dim, (long)dim_ranks);
    a->codim = a->N - a->dim;
    rs_barcode_components(a->components, a->barcode);
    a->minimal = rs_barcode_is_minimal(a->barcode);
    a->maximal = rs_barcode_is_maximal(a->barcode);
    a->fiber_dim = rs_fiber_dim(net->d, a->L, a->rank);
    a->smooth = rs_fiber_is_smooth(net->d, a->L, a->rank);
    if (a->dim > a->fiber_dim)
        return rs_error_set(err, RS_EINTERNAL,
                            "internal error: stratum dimension %ld exceeds "
                            "the fiber dimension %ld",
                            (long)a->dim, (long)a->fiber_dim);
    if ((status = count_strata(a, net, max_work, err)))
        return status;
    a->geom_ready = 1;
    return rs_geometry_compute(&a->geom, net, a->ranks, a->barcode, o, err);
}

static void analysis_clear(analysis *a)
{
    rs_ranks_clear(a->ranks);
    rs_barcode_clear(a->barcode);
    fmpz_clear(a->components);
    fmpz_clear(a->strata);
    if (a->geom_ready)
        rs_geometry_clear(&a->geom, a->net);
}

static const char *yes_no(int b)
{
    return b ? "yes" : "no";
}

static void print_text(FILE *f, analysis *a, const char *path)
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
    rs_geometry_print_text(f, &a->geom, net);
}

static void print_json(FILE *f, analysis *a)
{
    rs_net_struct *net = a->net;
    fprintf(f, "{\"format\": \"rankstrat-point\", \"version\": 1,\n");
    fprintf(f, " \"dims\": ");
    rs_json_print_dims(f, net->d, a->L);
    fprintf(f, ", \"weight_space_dim\": %ld,\n \"product\": ", (long)a->N);
    rs_json_fprint_qmat(f, rs_net_product(net, a->L, 0));
    fprintf(f, ", \"rank\": %ld,\n \"ranks\": ", (long)a->rank);
    rs_json_print_ranks(f, a->ranks);
    fprintf(f, ",\n \"barcode\": ");
    rs_json_print_barcode(f, a->barcode);
    fprintf(f,
            ",\n \"stratum\": {\"dim\": %ld, \"codim\": %ld, "
            "\"components\": ",
            (long)a->dim, (long)a->codim);
    fmpz_fprint(f, a->components);
    fprintf(f, ", \"minimal\": %s, \"maximal\": %s},\n",
            a->minimal ? "true" : "false", a->maximal ? "true" : "false");
    fprintf(f, " \"fiber\": {\"dim\": %ld, \"smooth\": %s, \"strata\": ",
            (long)a->fiber_dim, a->smooth ? "true" : "false");
    if (a->strata_counted)
        fmpz_fprint(f, a->strata);
    else
        fprintf(f, "null");
    fputc('}', f);
    rs_geometry_print_json(f, &a->geom, net);
    fprintf(f, "}\n");
}

/* The diagram files go first: a missing Graphviz then leaves no output. */
static int write_graphs(const analysis *a, rs_error_t err)
{
    const rs_geom_opts *o = &a->geom.o;
    int status = RS_OK;
    if (o->flow_dot != NULL)
        status = rs_cli_write_flow_graph(o->flow_dot, a->geom.flow, 0, err);
    if (status == RS_OK && o->flow_svg != NULL)
        status = rs_cli_write_flow_graph(o->flow_svg, a->geom.flow, 1, err);
    return status;
}

/* A diagram file may not share standard output with the main output. */
static int check_paths(const rs_geom_opts *o, const char *out_path,
                       rs_error_t err)
{
    int main_stdout = out_path == NULL || strcmp(out_path, "-") == 0;
    if (main_stdout && o->flow_svg != NULL && strcmp(o->flow_svg, "-") == 0)
        return rs_error_set(err, RS_EINPUT,
                            "--flow-svg: expected a file name; standard "
                            "output carries the main output (use -o FILE)");
    if (main_stdout && o->flow_dot != NULL && strcmp(o->flow_dot, "-") == 0)
        return rs_error_set(err, RS_EINPUT,
                            "--flow-dot: expected a file name; standard "
                            "output carries the main output (use -o FILE)");
    if (o->flow_svg != NULL && o->flow_dot != NULL &&
        strcmp(o->flow_svg, o->flow_dot) == 0)
        return rs_error_set(err, RS_EINPUT,
                            "--flow-svg and --flow-dot: expected two "
                            "different files");
    return RS_OK;
}

int rs_cmd_analyze(int argc, char **argv)
{
    const char *format = NULL, *out_path = NULL, *max_entries = NULL,
               *max_work_arg = NULL, *pos[1];
    slong max_work = RS_ANALYZE_DEFAULT_WORK;
    int npos, help, fmt, status;
    rs_geom_opts go = {0, 0, 0, 0, 0, 0, NULL, NULL, RS_DEFAULT_MAX_ENTRIES};
    rs_cli_opt opts[] = {
        {"--format", NULL, &format, NULL},
        {"--output", "-o", &out_path, NULL},
        {"--subspaces", NULL, NULL, &go.subspaces},
        {"--flow", NULL, NULL, &go.flow},
        {"--flow-svg", NULL, &go.flow_svg, NULL},
        {"--flow-dot", NULL, &go.flow_dot, NULL},
        {"--tangent", NULL, NULL, &go.tangent},
        {"--normal", NULL, NULL, &go.normal},
        {"--structured", NULL, NULL, &go.structured},
        {"--check", NULL, NULL, &go.check},
        {"--max-entries", NULL, &max_entries, NULL},
        {"--max-work", NULL, &max_work_arg, NULL},
    };
    static const char *const formats[] = {"text", "json", NULL};
    rs_error_t err;
    rs_net_t net;
    analysis a;
    rs_outfile_t out;

    rs_error_init(err);
    if (rs_cli_parse(argc, argv, opts, (int)(sizeof opts / sizeof opts[0]), pos,
                     1, &npos, &help, err) ||
        rs_cli_choice(&fmt, format, formats, "--format", err))
        return rs_cli_fail("analyze", err);
    if (max_entries != NULL && rs_parse_slong(&go.max_entries, max_entries,
                                              WORD_MAX, "--max-entries", err))
        return rs_cli_fail("analyze", err);
    if (max_work_arg != NULL &&
        rs_parse_slong(&max_work, max_work_arg, WORD_MAX, "--max-work", err))
        return rs_cli_fail("analyze", err);
    if (max_work == 0) {
        rs_error_set(err, RS_EINPUT, "--max-work: expected at least 1");
        return rs_cli_fail("analyze", err);
    }
    if (check_paths(&go, out_path, err))
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
    status = analysis_compute(&a, net, max_work, &go, err);
    if (status == RS_OK)
        status = write_graphs(&a, err);
    if (status == RS_OK)
        status = rs_outfile_open(&out, out_path ? out_path : "-", err);
    if (status == RS_OK) {
        if (fmt == 0)
            print_text(out.f, &a, pos[0]);
        else
            print_json(out.f, &a);
        status = rs_outfile_commit(&out, err);
    }
    analysis_clear(&a);
    rs_net_clear(net);
    if (status != RS_OK)
        return rs_cli_fail("analyze", err);
    return RS_OK;
}
