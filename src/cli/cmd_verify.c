/* rankstrat verify: the theorems of docs/math.md checked constructively on
   every stratum and every Hasse cover of a fiber (verify.h). */
#include <string.h>

#include "cli/cli.h"
#include "cli/cost_opts.h"
#include "cli/print.h"
#include "cli/fiber_opts.h"
#include "cli/strata_cmd.h"

static const char usage_text[] =
    "Usage: rankstrat verify --dims D (--rank R | --product MATFILE)\n"
    "                        [options]\n"
    "\n"
    "Checks the theorems the other commands rely on, on every stratum of\n"
    "the fiber of a rank-R matrix (or of W itself with --product) over\n"
    "networks with widths D = d_0,...,d_L, constructively and in exact\n"
    "arithmetic.  For every stratum:\n"
    "  (1) points analysed back: its canonical point (moved into the fiber\n"
    "      of W with --product), moved by seeded random invertible integer\n"
    "      matrices at every hidden layer and by random end-layer\n"
    "      symmetries of the fiber (G_L W = W, W G_0 = W), computes W and\n"
    "      has the stratum's rank list and barcode;\n"
    "  (2) tangent rank = formula: the exact rank of T_theta S there,\n"
    "      computed from its definition, equals the dimension formula;\n"
    "  (3) tangent/normal checks: the flow basis and the structured tangent\n"
    "      and normal bases pass the checks of 'rankstrat analyze --check';\n"
    "  (5) transpose invariance: the transposed network has the reversed\n"
    "      barcode, the same dimension and component count, and computes\n"
    "      W^T; reduction invariance: the barcode without its [0,L] bars is\n"
    "      a stratum of the fiber (d - r, 0) whose dimension is shifted by\n"
    "      sum_k r (2 d_k - r), a point of it is analysed back, and the\n"
    "      covers correspond.\n"
    "For every cover of the Hasse diagram (as 'rankstrat hasse' finds it):\n"
    "  (4) covers witnessed: a merge move from the lower stratum reaches the\n"
    "      upper one, and at the lower point the merge curve at t = 1, 1/2\n"
    "      and 1/7 keeps W and lies in the upper stratum (the rank list\n"
    "      grows by one exactly on the merge rectangle), and at t = 0 in the\n"
    "      lower one: the frontier condition, witnessed;\n"
    "      covers = brute force: the covers equal the transitive reduction\n"
    "      of the closure order computed over all pairs.\n"
    "\n"
    "Prints one line per check family, 'NAME: passed/total', then the first\n"
    "failure of each failed family.\n"
    "\n"
    "Options:\n"
    "  --dims D             widths d_0,...,d_L, e.g. 2,3,2\n"
    "  --rank R             rank of W\n"
    "  --product MATFILE    W itself (matrix file, '-' = standard input)\n"
    "  --seed S             seed of the random moves (default 1); the same\n"
    "                       seed gives the same points\n"
    "  --format text|json   output format (default text; json: the\n"
    "                       rankstrat-verify object with the same counts)\n"
    "  --witnesses          also list, for every cover, the merge move that\n"
    "                       witnesses it (bars I + J)\n"
    "  --max-strata N       refuse (exit status 2) fibers with more than N\n"
    "                       strata (default 2000000; 0 = no bound)\n"
    "  -o, --output FILE    write to FILE (atomically) instead of "
    "stdout\n" RS_CLI_COST_HELP "  -h, --help           print this help\n"
    "\n"
    "Exit status: 0 every check passed; 3 some check failed (a mathematical\n"
    "failure, reported as an internal error: the report is still written,\n"
    "and one line on stderr names the first failure); 1 bad input or\n"
    "usage; 2 resource limit.\n";

/* Hidden test hook: --test-corrupt FAMILY makes verify use a deliberately
   wrong formula or move (verify.h), to prove that the checks can fail. */
static const char *const corrupt_names[] = {"none",      "point",     "dim",
                                            "tangent",   "merge",     "hasse",
                                            "transpose", "reduction", NULL};

typedef struct {
    rs_cli_progress prog;
} progress_data;

static void on_progress(void *data, slong done, slong total)
{
    progress_data *p = data;
    (void)total;
    rs_cli_progress_report(&p->prog, done, "strata verified");
}

static void print_witness(FILE *f, const rs_verify_report_t R, slong k)
{
    const slong *m = R->witness + 4 * k;
    if (m[0] < 0)
        fprintf(f, "none");
    else
        fprintf(f, "%ld-%ld + %ld-%ld", (long)m[0], (long)m[1], (long)m[2],
                (long)m[3]);
}

static void print_text(FILE *f, const rs_verify_report_t R,
                       const rs_cli_fiber *fb, const char *product, ulong seed,
                       const rs_covers_t C, int witnesses)
{
    int fam;
    slong total = 0;
    fprintf(f, "verify      fiber of ");
    if (product != NULL)
        fprintf(f, "W from %s (rank %ld)",
                strcmp(product, "-") ? product : "standard input", (long)fb->r);
    else
        fprintf(f, "a rank-%ld matrix", (long)fb->r);
    fprintf(f, ", widths d = ");
    rs_cli_print_dims(f, fb->d, fb->L);
    fprintf(f, ", seed %lu\n", (unsigned long)seed);
    fprintf(f, "            %ld strat%s, %ld cover%s\n\n", (long)R->strata,
            R->strata == 1 ? "um" : "a", (long)R->covers,
            R->covers == 1 ? "" : "s");
    for (fam = 0; fam < RS_VERIFY_NUM_CHECKS; fam++) {
        fprintf(f, "%s: %ld/%ld\n", rs_verify_check_name(fam),
                (long)R->passed[fam], (long)R->total[fam]);
        total += R->total[fam];
    }
    fputc('\n', f);
    if (rs_verify_report_passed(R))
        fprintf(f, "all %ld checks passed\n", (long)total);
    else {
        fprintf(f, "%ld of %ld checks FAILED\n",
                (long)rs_verify_report_failed(R), (long)total);
        for (fam = 0; fam < RS_VERIFY_NUM_CHECKS; fam++)
            if (R->failure[fam] != NULL)
                fprintf(f, "  first failure of %s: %s\n",
                        rs_verify_check_name(fam), R->failure[fam]);
    }
    if (witnesses) {
        slong k;
        fprintf(f, "\nwitnesses   lower -> upper: the merged bars I + J "
                   "(ids as in 'rankstrat strata')\n");
        for (k = 0; k < C->n; k++) {
            fprintf(f, "  %ld -> %ld: ", (long)rs_covers_lower(C, k),
                    (long)rs_covers_upper(C, k));
            print_witness(f, R, k);
            fputc('\n', f);
        }
    }
}

int rs_cmd_verify(int argc, char **argv)
{
    const char *dims = NULL, *rank = NULL, *product = NULL, *format = NULL,
               *seed_arg = NULL, *max_arg = NULL, *out_path = NULL,
               *corrupt_arg = NULL, *max_memory = NULL, *max_work = NULL,
               *pos[1];
    rs_cost_limits_t lim;
    int npos, help, fmt, corrupt = 0, witnesses = 0, have_W = 0, status,
                         vstatus;
    slong n = 0, max_strata, seed = 1;
    rs_cli_opt opts[] = {
        {"--dims", NULL, &dims, NULL},
        {"--rank", NULL, &rank, NULL},
        {"--product", NULL, &product, NULL},
        {"--seed", NULL, &seed_arg, NULL},
        {"--format", NULL, &format, NULL},
        {"--witnesses", NULL, NULL, &witnesses},
        {"--max-strata", NULL, &max_arg, NULL},
        {"--output", "-o", &out_path, NULL},
        {"--test-corrupt", NULL, &corrupt_arg, NULL},
        {"--max-memory", NULL, &max_memory, NULL},
        {"--max-work", NULL, &max_work, NULL},
    };
    static const char *const formats[] = {"text", "json", NULL};
    rs_error_t err, verr;
    rs_cli_fiber fb;
    fmpq_mat_t W;
    rs_strata_t S;
    rs_covers_t C;
    rs_verify_report_t R;
    rs_verify_opts_t vo;
    progress_data pd;
    rs_outfile_t out;

    rs_error_init(err);
    rs_error_init(verr);
    if (rs_cli_parse(argc, argv, opts, (int)(sizeof opts / sizeof opts[0]), pos,
                     0, &npos, &help, err))
        return rs_cli_fail("verify", err);
    if (help) {
        rs_cli_usage(stdout, usage_text);
        return RS_OK;
    }
    if (rs_cli_choice(&fmt, format, formats, "--format", err) ||
        rs_cli_choice(&corrupt, corrupt_arg, corrupt_names, "--test-corrupt",
                      err) ||
        rs_cli_parse_max_strata(&max_strata, max_arg, err) ||
        rs_cli_cost_limits(&lim, max_memory, max_work, err) ||
        (seed_arg != NULL &&
         rs_parse_slong(&seed, seed_arg, WORD_MAX, "--seed", err)))
        return rs_cli_fail("verify", err);
    fmpq_mat_init(W, 0, 0);
    if (rs_cli_fiber_parse_w(&fb, W, &have_W, dims, rank, product, err)) {
        fmpq_mat_clear(W);
        return rs_cli_fail("verify", err);
    }
    /* per stratum: a point, its moved and transposed copies, reductions
       and cover witnesses: measured, about two rank lists of
       a network of that shape (the fixed cost per matrix dominates) */
    if ((status = rs_cli_strata_count_checked(&n, &fb, max_strata, err)) ||
        (status = rs_cli_fiber_cost_check(
             &lim, fb.d, fb.L, n, 2, 1, "the checks of every stratum", err))) {
        rs_cli_fiber_clear(&fb);
        fmpq_mat_clear(W);
        return rs_cli_fail("verify", err);
    }
    rs_strata_init(S, fb.d, fb.L, fb.r);
    rs_covers_init(C);
    rs_verify_report_init(R);
    rs_cli_progress_init(&pd.prog, "verify");
    rs_cli_strata_collect(S, &pd.prog);
    status = rs_strata_covers(C, S, err);
    rs_verify_opts_init(&vo);
    vo.seed = (ulong)seed;
    vo.corrupt = corrupt;
    vo.progress = on_progress;
    vo.progress_data = &pd;
    vstatus = RS_OK;
    if (status == RS_OK) {
        vstatus = rs_verify_fiber(R, S, C, have_W ? W : NULL, &vo, verr);
        if (vstatus != RS_OK && vstatus != RS_EINTERNAL) {
            status = vstatus;
            rs_error_set(err, verr->status, "%s", verr->msg);
        }
    }
    rs_cli_progress_done(&pd.prog);
    /* a failed check still gets its report; only other errors stop here */
    if (status == RS_OK)
        status = rs_outfile_open(&out, out_path ? out_path : "-", err);
    if (status == RS_OK) {
        if (fmt == 0)
            print_text(out.f, R, &fb, have_W ? product : NULL, (ulong)seed, C,
                       witnesses);
        else
            rs_verify_report_fprint_json(out.f, R, fb.d, fb.L, fb.r,
                                         have_W ? W : NULL, (ulong)seed,
                                         witnesses ? C : NULL);
        status = rs_outfile_commit(&out, err);
    }
    rs_verify_report_clear(R);
    rs_covers_clear(C);
    rs_strata_clear(S);
    rs_cli_fiber_clear(&fb);
    fmpq_mat_clear(W);
    if (status != RS_OK)
        return rs_cli_fail("verify", err);
    if (vstatus != RS_OK)
        return rs_cli_fail("verify", verr);
    return RS_OK;
}
