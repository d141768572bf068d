/* rankstrat move: one move on a network (docs/math.md sections 4 and 7), with
   the old and new barcode and an exact confirmation that the product is
   unchanged. */
#include <string.h>

#include "cli/cli.h"
#include "cli/cost_opts.h"
#include "rankstrat/limits.h"

#define RS_MOVE_MAX_ENTRIES WORD(10000000)

static const char usage_text[] =
    "Usage: rankstrat move NETFILE MOVE [-o FILE]\n"
    "\n"
    "Applies one move to the network in NETFILE ('-' = standard input) and\n"
    "writes the new network.  Every move keeps the product W = W_L ... W_1\n"
    "(checked exactly); MOVE is one of\n"
    "\n"
    "  --hidden k --matrix GFILE\n"
    "        hidden-layer move (W_k+1, W_k) -> (W_k+1 G^-1, G W_k) at a\n"
    "        hidden layer 1 <= k <= L-1, G an invertible d_k x d_k matrix\n"
    "        (matrix file); stays in the stratum\n"
    "  --end k --matrix GFILE\n"
    "        end-layer move: k = L gives W_L -> G W_L and needs G W = W;\n"
    "        k = 0 gives W_1 -> W_1 G and needs W G = W; stays in the\n"
    "        stratum\n"
    "  --one-matrix k --delta DFILE\n"
    "        W_k -> W_k + D (D d_k x d_k-1), applied only if\n"
    "        W_Lk D W_k-1,0 = 0, i.e. the product is unchanged; may change\n"
    "        the stratum\n"
    "  --merge I,J [--t T]\n"
    "        merge move of docs/math.md section 4 on the first strands of the\n"
    "        bars I = a-b and J = c-e (either order), which must be present\n"
    "        and satisfy a < c <= b+1 <= e, (a,e) != (0,L):\n"
    "        W_b+1 -> W_b+1 + T v_J^(b+1) phi_I^(b)^T with the flow basis\n"
    "        at the network (see 'rankstrat analyze --flow'); T is an exact\n"
    "        rational (default 1).  For T != 0 the rank list grows by one\n"
    "        exactly on the rectangle a <= i <= c-1, b+1 <= j <= e (checked)\n"
    "\n"
    "Output: the new network in the text format, preceded by '#' comment\n"
    "lines, so that it is itself a valid network file:\n"
    "  # rankstrat move: <the move>\n"
    "  # old barcode <bars>\n"
    "  # new barcode <bars>\n"
    "  # product unchanged: yes\n"
    "  (merge with T != 0 also: # rank list +1 exactly on the rectangle\n"
    "   a <= i <= c-1, b+1 <= j <= e: yes)\n"
    "A move that does not apply (singular G, G W != W, W_Lk D W_k-1,0 != 0,\n"
    "bars that do not merge or are absent, wrong shapes) is refused: exit\n"
    "status 1, nothing written.  Exit status 3 means an exact check of a\n"
    "move failed (an internal error).\n"
    "\n"
    "Options:\n"
    "  -o, --output FILE    write to FILE (atomically) instead of "
    "stdout\n" RS_CLI_COST_HELP "  -h, --help           print this help\n";

enum { MOVE_HIDDEN, MOVE_END, MOVE_ONE, MOVE_MERGE };

/* "a-b" at *s (digits only); advances *s. */
static int parse_bar(slong *a, slong *b, const char **s)
{
    const char *p = *s;
    slong *v[2] = {a, b};
    int k;
    for (k = 0; k < 2; k++) {
        slong x = 0;
        if (*p < '0' || *p > '9')
            return 0;
        while (*p >= '0' && *p <= '9') {
            if (x > WORD(100000000))
                return 0;
            x = 10 * x + (*p++ - '0');
        }
        *v[k] = x;
        if (k == 0 && *p++ != '-')
            return 0;
    }
    *s = p;
    return 1;
}

/* --merge "a-b,c-e", either order: bars[0..3] = a, b, c, e with a <= c. */
static int parse_merge(slong *bars, const char *arg, slong L, rs_error_t err)
{
    const char *s = arg;
    int k;
    if (!parse_bar(bars, bars + 1, &s) || *s++ != ',' ||
        !parse_bar(bars + 2, bars + 3, &s) || *s != '\0')
        return rs_error_set(err, RS_EINPUT,
                            "--merge: expected two bars a-b,c-e (e.g. "
                            "--merge 0-0,1-2), got \"%.100s\"",
                            arg);
    for (k = 0; k < 4; k += 2)
        if (bars[k] > bars[k + 1] || bars[k + 1] > L)
            return rs_error_set(err, RS_EINPUT,
                                "--merge: expected bars i-j with 0 <= i <= j "
                                "<= L = %ld, got %ld-%ld",
                                (long)L, (long)bars[k], (long)bars[k + 1]);
    if (bars[0] > bars[2]) {
        slong t0 = bars[0], t1 = bars[1];
        bars[0] = bars[2];
        bars[1] = bars[3];
        bars[2] = t0;
        bars[3] = t1;
    }
    return RS_OK;
}

/* "0-0,1-2x2", or "-" for no bars (the syntax of --barcode) */
static void print_barcode(FILE *f, const rs_barcode_t B)
{
    if (rs_barcode_num_strands(B) == 0)
        fputc('-', f);
    rs_barcode_fprint_arg(f, B);
}

static void print_t(FILE *f, const fmpq_t t)
{
    fmpz_fprint(f, fmpq_numref(t));
    if (!fmpz_is_one(fmpq_denref(t))) {
        fputc('/', f);
        fmpz_fprint(f, fmpq_denref(t));
    }
}

/* The merge move on the network N with barcode B. */
static int do_merge(rs_net_t N, const rs_barcode_t B, const slong *m,
                    const fmpq_t t, rs_error_t err)
{
    slong L = N->L, p, q, k;
    rs_flow_t F;
    int status;
    if (!(m[0] < m[2] && m[2] <= m[1] + 1 && m[1] + 1 <= m[3]) ||
        (m[0] == 0 && m[3] == L))
        return rs_error_set(err, RS_EINPUT,
                            "--merge: bars %ld-%ld and %ld-%ld do not merge "
                            "(expected a-b and c-e with a < c <= b+1 <= e and "
                            "(a,e) != (0,L) = (0,%ld))",
                            (long)m[0], (long)m[1], (long)m[2], (long)m[3],
                            (long)L);
    for (k = 0; k < 4; k += 2)
        if (rs_barcode_get(B, m[k], m[k + 1]) == 0)
            return rs_error_set(err, RS_EINPUT,
                                "--merge: the network has no strand on bar "
                                "%ld-%ld (see its barcode with 'rankstrat "
                                "analyze')",
                                (long)m[k], (long)m[k + 1]);
    rs_flow_init(F);
    status = rs_flow_compute(F, N, B, err);
    if (status == RS_OK) {
        p = rs_move_find_strand(F, m[0], m[1]);
        q = rs_move_find_strand(F, m[2], m[3]);
        status = rs_move_merge(N, F, p, q, t, err);
    }
    rs_flow_clear(F);
    return status;
}

static int read_matrix_opt(fmpq_mat_t M, const char *path, const char *opt,
                           const char *move, rs_error_t err)
{
    if (path == NULL)
        return rs_error_set(err, RS_EINPUT, "%s: expected %s FILE", move, opt);
    return rs_matrix_read(M, path, NULL, err);
}

int rs_cmd_move(int argc, char **argv)
{
    const char *hidden = NULL, *end = NULL, *one = NULL, *merge = NULL,
               *matrix = NULL, *delta = NULL, *targ = NULL, *out_path = NULL,
               *max_memory = NULL, *max_work = NULL, *pos[1];
    int npos, help, status, kind = -1, nkinds = 0;
    slong k = 0, bars[4] = {0, 0, 0, 0};
    rs_cli_opt opts[] = {
        {"--hidden", NULL, &hidden, NULL},
        {"--end", NULL, &end, NULL},
        {"--one-matrix", NULL, &one, NULL},
        {"--merge", NULL, &merge, NULL},
        {"--matrix", NULL, &matrix, NULL},
        {"--delta", NULL, &delta, NULL},
        {"--t", NULL, &targ, NULL},
        {"--output", "-o", &out_path, NULL},
        {"--max-memory", NULL, &max_memory, NULL},
        {"--max-work", NULL, &max_work, NULL},
    };
    rs_cost_limits_t lim;
    rs_error_t err;
    rs_net_t N;
    rs_ranks_t R0, R1, E;
    rs_barcode_t B0, B1;
    fmpq_mat_t M, W0;
    fmpq_t t;
    rs_outfile_t out;

    rs_error_init(err);
    if (rs_cli_parse(argc, argv, opts, (int)(sizeof opts / sizeof opts[0]), pos,
                     1, &npos, &help, err))
        return rs_cli_fail("move", err);
    if (help) {
        rs_cli_usage(stdout, usage_text);
        return RS_OK;
    }
    if (rs_cli_cost_limits(&lim, max_memory, max_work, err))
        return rs_cli_fail("move", err);
    if (hidden) {
        kind = MOVE_HIDDEN;
        nkinds++;
    }
    if (end) {
        kind = MOVE_END;
        nkinds++;
    }
    if (one) {
        kind = MOVE_ONE;
        nkinds++;
    }
    if (merge) {
        kind = MOVE_MERGE;
        nkinds++;
    }
    if (nkinds != 1)
        rs_error_set(err, RS_EINPUT,
                     "expected exactly one move: --hidden k, --end k, "
                     "--one-matrix k or --merge I,J; see --help");
    else if (npos != 1)
        rs_error_set(err, RS_EINPUT, "expected one NETFILE; see --help");
    else if (matrix && kind != MOVE_HIDDEN && kind != MOVE_END)
        rs_error_set(err, RS_EINPUT,
                     "--matrix: expected only with --hidden or --end");
    else if (delta && kind != MOVE_ONE)
        rs_error_set(err, RS_EINPUT,
                     "--delta: expected only with --one-matrix");
    else if (targ && kind != MOVE_MERGE)
        rs_error_set(err, RS_EINPUT, "--t: expected only with --merge");
    else if (strcmp(pos[0], "-") == 0 &&
             ((matrix && strcmp(matrix, "-") == 0) ||
              (delta && strcmp(delta, "-") == 0)))
        rs_error_set(err, RS_EINPUT,
                     "NETFILE and %s: expected at most one of them on "
                     "standard input ('-')",
                     matrix ? "--matrix" : "--delta");
    if (err->status)
        return rs_cli_fail("move", err);
    if (kind == MOVE_HIDDEN)
        status = rs_parse_slong(&k, hidden, WORD(1) << 30, "--hidden", err);
    else if (kind == MOVE_END)
        status = rs_parse_slong(&k, end, WORD(1) << 30, "--end", err);
    else if (kind == MOVE_ONE)
        status = rs_parse_slong(&k, one, WORD(1) << 30, "--one-matrix", err);
    else
        status = RS_OK;
    if (status)
        return rs_cli_fail("move", err);

    fmpq_init(t);
    fmpq_one(t);
    if (targ != NULL && rs_parse_rational(t, targ, strlen(targ)) >= 0) {
        fmpq_clear(t);
        rs_error_set(err, RS_EINPUT,
                     "--t: expected an exact number (integer, p/q or finite "
                     "decimal), got \"%.100s\"",
                     targ);
        return rs_cli_fail("move", err);
    }
    rs_net_init_empty(N);
    fmpq_mat_init(M, 0, 0);
    fmpq_mat_init(W0, 0, 0);
    rs_ranks_init(R0, 1);
    rs_ranks_init(R1, 1);
    rs_ranks_init(E, 1);
    rs_barcode_init(B0, 1);
    rs_barcode_init(B1, 1);
    status = rs_net_read(N, pos[0], NULL, err);
    if (status == RS_OK)
        status =
            rs_limits_check_products(N->d, N->L, RS_MOVE_MAX_ENTRIES,
                                     "the network's partial products", err);
    if (status == RS_OK && kind == MOVE_MERGE)
        status = parse_merge(bars, merge, N->L, err);
    if (status == RS_OK && (kind == MOVE_HIDDEN || kind == MOVE_END))
        status =
            read_matrix_opt(M, matrix, "--matrix",
                            kind == MOVE_HIDDEN ? "--hidden" : "--end", err);
    if (status == RS_OK && kind == MOVE_ONE)
        status = read_matrix_opt(M, delta, "--delta", "--one-matrix", err);
    if (status == RS_OK) {
        /* two rank lists (before and after) and the move's products, at
           the entries' bit sizes */
        rs_cost_t cost;
        rs_cost_zero(&cost);
        rs_cost_move(&cost, N, rs_cost_mat_bits(M));
        status = rs_cost_check(&cost, &lim, "the rank lists", err);
    }
    if (status == RS_OK) {
        rs_net_ranks(R0, N);
        rs_barcode_from_ranks(B0, R0);
        fmpq_mat_clear(W0);
        fmpq_mat_init(W0, N->d[N->L], N->d[0]);
        fmpq_mat_set(W0, rs_net_product(N, N->L, 0));
        if (kind == MOVE_HIDDEN)
            status = rs_move_hidden(N, k, M, err);
        else if (kind == MOVE_END)
            status = rs_move_end(N, k, M, err);
        else if (kind == MOVE_ONE)
            status = rs_move_one_matrix(N, k, M, err);
        else
            status = do_merge(N, B0, bars, t, err);
    }
    if (status == RS_OK) {
        rs_net_ranks(R1, N);
        rs_barcode_from_ranks(B1, R1);
        if (!fmpq_mat_equal(rs_net_product(N, N->L, 0), W0))
            status = rs_error_set(err, RS_EINTERNAL,
                                  "internal error: the move changed the "
                                  "product");
        else if ((kind == MOVE_HIDDEN || kind == MOVE_END) &&
                 !rs_ranks_equal(R0, R1))
            status = rs_error_set(err, RS_EINTERNAL,
                                  "internal error: a move inside the stratum "
                                  "changed the rank list");
        else if (kind == MOVE_MERGE) {
            rs_move_merge_ranks(E, R0, bars[0], bars[1], bars[2], bars[3]);
            if (!rs_ranks_equal(R1, fmpq_is_zero(t) ? R0 : E))
                status = rs_error_set(err, RS_EINTERNAL,
                                      "internal error: the merge move did not "
                                      "change the rank list exactly on its "
                                      "rectangle");
        }
    }
    if (status == RS_OK)
        status = rs_outfile_open(&out, out_path ? out_path : "-", err);
    if (status == RS_OK) {
        FILE *f = out.f;
        fprintf(f, "# rankstrat move: ");
        if (kind == MOVE_HIDDEN)
            fprintf(f,
                    "hidden-layer move at layer %ld (W_%ld -> G W_%ld, "
                    "W_%ld -> W_%ld G^-1)\n",
                    (long)k, (long)k, (long)k, (long)(k + 1), (long)(k + 1));
        else if (kind == MOVE_END && k == 0)
            fprintf(f, "end-layer move at layer 0 (W_1 -> W_1 G, W G = W)\n");
        else if (kind == MOVE_END)
            fprintf(f,
                    "end-layer move at layer L = %ld (W_%ld -> G W_%ld, "
                    "G W = W)\n",
                    (long)k, (long)k, (long)k);
        else if (kind == MOVE_ONE)
            fprintf(f, "one-matrix move W_%ld -> W_%ld + D\n", (long)k,
                    (long)k);
        else {
            fprintf(f, "merge of %ld-%ld and %ld-%ld at t = ", (long)bars[0],
                    (long)bars[1], (long)bars[2], (long)bars[3]);
            print_t(f, t);
            fprintf(f, " (W_%ld -> W_%ld + t v_J^(%ld) phi_I^(%ld)^T)\n",
                    (long)(bars[1] + 1), (long)(bars[1] + 1),
                    (long)(bars[1] + 1), (long)bars[1]);
        }
        fprintf(f, "# old barcode ");
        print_barcode(f, B0);
        fprintf(f, "\n# new barcode ");
        print_barcode(f, B1);
        fprintf(f, "\n# product unchanged: yes\n");
        if (kind == MOVE_MERGE && !fmpq_is_zero(t))
            fprintf(f,
                    "# rank list +1 exactly on the rectangle %ld <= i <= %ld, "
                    "%ld <= j <= %ld: yes\n",
                    (long)bars[0], (long)(bars[2] - 1), (long)(bars[1] + 1),
                    (long)bars[3]);
        rs_net_fprint(f, N);
        status = rs_outfile_commit(&out, err);
    }
    rs_barcode_clear(B0);
    rs_barcode_clear(B1);
    rs_ranks_clear(R0);
    rs_ranks_clear(R1);
    rs_ranks_clear(E);
    fmpq_mat_clear(M);
    fmpq_mat_clear(W0);
    fmpq_clear(t);
    rs_net_clear(N);
    if (status != RS_OK)
        return rs_cli_fail("move", err);
    return RS_OK;
}
