/* rankstrat canonical: the canonical point of a stratum, optionally moved
   into the fiber of a given product W. */
#include "cli/cli.h"
#include "cli/cost_opts.h"
#include "cli/fiber_opts.h"

static const char usage_text[] =
    "Usage: rankstrat canonical --dims D --barcode B [--product MATFILE]\n"
    "                           [-o FILE]\n"
    "\n"
    "Writes the canonical point of the stratum with barcode B (docs/math.md\n"
    "section 7) as a network file: the strands are ordered with the bars\n"
    "[0,L] first, then by (birth, death); each strand takes the next\n"
    "coordinate at every layer where it lives, and W_k has a 1 at (its\n"
    "coordinate at layer k, its coordinate at layer k-1).  The product is\n"
    "then [[I_r,0],[0,0]], r = the number of bars [0,L].\n"
    "\n"
    "With --product the point is moved into the fiber of that W: with the\n"
    "exact rank factorization W = P [[I_r,0],[0,0]] Q (P = the pivot\n"
    "columns of W completed by unit vectors, Q = the nonzero rows of rref W\n"
    "completed by unit rows), W_L -> P W_L and W_1 -> W_1 Q (for L = 1:\n"
    "W_1 -> P W_1 Q).  Every rank, hence the barcode, is unchanged, and the\n"
    "product is checked to be W exactly.\n"
    "\n"
    "The output starts with '#' comment lines (barcode, stratum dimension,\n"
    "product) and reads back with 'rankstrat analyze'.\n"
    "\n"
    "Options:\n"
    "  --dims D             widths d_0,...,d_L, e.g. 2,3,2\n"
    "  --barcode B          bars i-j separated by commas, a bar repeated m\n"
    "                       times written i-jxm (e.g. 0-2x2,1-1), or as\n"
    "                       the tool prints it: 2[0,2] + [1,1] or the\n"
    "                       JSON triples [[0,2,2],[1,1,1]]; at every\n"
    "                       layer k the bars containing k must number d_k\n"
    "  --product MATFILE    the product W (matrix file, '-' = standard\n"
    "                       input); d_L x d_0, and rank W must be the\n"
    "                       number of bars [0,L]\n"
    "  -o, --output FILE    write to FILE (atomically) instead of "
    "stdout\n" RS_CLI_COST_HELP "  -h, --help           print this help\n";

static void print_point(FILE *f, const rs_net_t N, const rs_barcode_t B,
                        const char *product)
{
    fprintf(f, "# rankstrat canonical point\n# barcode ");
    if (rs_barcode_num_strands(B) == 0)
        fputc('-', f);
    rs_barcode_fprint_arg(f, B);
    fprintf(f, "\n# stratum dimension %ld, codimension %ld\n",
            (long)rs_barcode_dim(B), (long)rs_barcode_codim(B));
    if (product != NULL)
        fprintf(f, "# product W from %s\n",
                product[0] == '-' && product[1] == '\0' ? "standard input"
                                                        : product);
    else
        fprintf(f, "# product [[I_%ld,0],[0,0]]\n", (long)rs_barcode_rank(B));
    rs_net_fprint(f, N);
}

int rs_cmd_canonical(int argc, char **argv)
{
    const char *dims = NULL, *barcode = NULL, *product = NULL, *out_path = NULL,
               *max_memory = NULL, *max_work = NULL, *pos[1];
    int npos, help, status;
    slong *d = NULL, L = 0;
    rs_cli_opt opts[] = {
        {"--dims", NULL, &dims, NULL},
        {"--barcode", NULL, &barcode, NULL},
        {"--product", NULL, &product, NULL},
        {"--output", "-o", &out_path, NULL},
        {"--max-memory", NULL, &max_memory, NULL},
        {"--max-work", NULL, &max_work, NULL},
    };
    rs_error_t err;
    rs_cost_limits_t lim;
    rs_cost_t cost;
    rs_barcode_t B;
    rs_net_t N;
    fmpq_mat_t W;
    rs_outfile_t out;

    rs_error_init(err);
    if (rs_cli_parse(argc, argv, opts, (int)(sizeof opts / sizeof opts[0]), pos,
                     0, &npos, &help, err))
        return rs_cli_fail("canonical", err);
    if (help) {
        rs_cli_usage(stdout, usage_text);
        return RS_OK;
    }
    if (dims == NULL) {
        rs_error_set(err, RS_EINPUT,
                     "--dims: expected the widths d_0,...,d_L (e.g. --dims "
                     "2,3,2); see --help");
        return rs_cli_fail("canonical", err);
    }
    if (barcode == NULL) {
        rs_error_set(err, RS_EINPUT,
                     "--barcode: expected the bars of the stratum (e.g. "
                     "--barcode 0-2,1-1,0-0); see --help");
        return rs_cli_fail("canonical", err);
    }
    if (rs_cli_cost_limits(&lim, max_memory, max_work, err) ||
        rs_parse_dims(&d, &L, dims, "--dims", err))
        return rs_cli_fail("canonical", err);
    /* before the barcode's triangle or the network exist: the triangle,
       the network with 0/1 entries (twice: built, then moved) and, with
       --product, its rank factorisation */
    rs_cost_zero(&cost);
    rs_cost_canonical(&cost, d, L, product != NULL);
    if (rs_cost_check(&cost, &lim, "the barcode and the network", err)) {
        flint_free(d);
        return rs_cli_fail("canonical", err);
    }
    rs_barcode_init(B, L);
    rs_net_init_empty(N);
    fmpq_mat_init(W, 0, 0);
    status = rs_parse_barcode(B, L, barcode, "--barcode", err);
    if (status == RS_OK)
        status = rs_canonical_check(B, d, L, -1, "--barcode", err);
    if (status == RS_OK && product != NULL) {
        status = rs_cli_read_product(W, product, d, L, dims, err);
        if (status == RS_OK) {
            slong r = rs_qmat_rank(W);
            if (r != rs_barcode_rank(B))
                status = rs_error_set(
                    err, RS_EINPUT,
                    "--barcode: bar 0-%ld has multiplicity %ld but rank W = "
                    "%ld (--product %s); the bars 0-L must number rank W",
                    (long)L, (long)rs_barcode_rank(B), (long)r, product);
        }
    }
    if (status == RS_OK)
        status = rs_canonical_point(N, B, product != NULL ? W : NULL, err);
    if (status == RS_OK)
        status = rs_outfile_open(&out, out_path ? out_path : "-", err);
    if (status == RS_OK) {
        print_point(out.f, N, B, product);
        status = rs_outfile_commit(&out, err);
    }
    fmpq_mat_clear(W);
    rs_net_clear(N);
    rs_barcode_clear(B);
    flint_free(d);
    if (status != RS_OK)
        return rs_cli_fail("canonical", err);
    return RS_OK;
}
