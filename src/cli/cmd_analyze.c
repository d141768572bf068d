/* rankstrat analyze: the rank list, barcode and stratum of one network. */
#include <string.h>

#include "cli/cli.h"
#include "cli/print.h"

static const char usage_text[] =
    "Usage: rankstrat analyze [options] NETFILE\n"
    "\n"
    "Reads a network (text or JSON format; NETFILE '-' is standard input)\n"
    "and prints, exactly over Q: the product W = W_L ... W_1, the rank list\n"
    "r_ji = rank W_ji (as a triangle and as [i, j, r] rows), the barcode,\n"
    "the dimension, codimension and number of connected components of the\n"
    "stratum through the network, whether it is the minimal or a maximal\n"
    "stratum, and the fiber's dimension and smoothness.\n"
    "\n"
    "Options:\n"
    "  --format text|json   output format (default text; json follows the\n"
    "                       rankstrat-point schema of INTERFACE.md)\n"
    "  -o FILE              write to FILE (atomically) instead of stdout\n"
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
} analysis;

static int analysis_compute(analysis *a, rs_net_t net, rs_error_t err)
{
    slong dim_ranks;
    a->net = net;
    a->L = net->L;
    a->N = rs_net_num_params(net);
    rs_ranks_init(a->ranks, a->L);
    rs_barcode_init(a->barcode, a->L);
    fmpz_init(a->components);
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
    return RS_OK;
}

static void analysis_clear(analysis *a)
{
    rs_ranks_clear(a->ranks);
    rs_barcode_clear(a->barcode);
    fmpz_clear(a->components);
}

static const char *yes_no(int b) { return b ? "yes" : "no"; }

static void print_text(FILE *f, analysis *a, const char *path)
{
    rs_net_struct *net = a->net;
    slong L = a->L;
    fprintf(f, "network     %s\n", strcmp(path, "-") ? path : "(stdin)");
    fprintf(f, "widths      d = ");
    rs_cli_print_dims(f, net->d, L);
    fprintf(f, ", L = %ld, weight space dimension N = %ld\n", (long)L,
            (long)a->N);
    fprintf(f, "product     W = W_%ld ... W_1 (%ld x %ld), rank %ld\n",
            (long)L, (long)net->d[L], (long)net->d[0], (long)a->rank);
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
    fprintf(f, ",\n \"stratum\": {\"dim\": %ld, \"codim\": %ld, "
               "\"components\": ",
            (long)a->dim, (long)a->codim);
    fmpz_fprint(f, a->components);
    fprintf(f, ", \"minimal\": %s, \"maximal\": %s},\n",
            a->minimal ? "true" : "false", a->maximal ? "true" : "false");
    fprintf(f, " \"fiber\": {\"dim\": %ld, \"smooth\": %s}}\n",
            (long)a->fiber_dim, a->smooth ? "true" : "false");
}

int rs_cmd_analyze(int argc, char **argv)
{
    const char *format = NULL, *out_path = NULL, *pos[1];
    int npos, help, fmt, status;
    rs_cli_opt opts[] = {
        {"--format", NULL, &format, NULL},
        {"--output", "-o", &out_path, NULL},
    };
    static const char *const formats[] = {"text", "json", NULL};
    rs_error_t err;
    rs_net_t net;
    analysis a;
    rs_outfile_t out;

    rs_error_init(err);
    if (rs_cli_parse(argc, argv, opts, 2, pos, 1, &npos, &help, err) ||
        rs_cli_choice(&fmt, format, formats, "--format", err))
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
    status = analysis_compute(&a, net, err);
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
