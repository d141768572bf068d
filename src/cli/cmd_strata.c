/* rankstrat strata: every stratum of a fiber, as a table. */
#include <string.h>

#include "cli/cli.h"
#include "cli/cost_opts.h"
#include "table/invariants_out.h"
#include "cli/strata_cmd.h"
#include "table/strata_out.h"

static const char usage_text[] =
    "Usage: rankstrat strata --dims D (--rank R | --product MATFILE)\n"
    "                        [options]\n"
    "\n"
    "Lists every stratum of the fiber of a rank-R matrix W over networks\n"
    "with widths D = d_0,...,d_L (the strata depend only on D and R; with\n"
    "--product the rank of the d_L x d_0 matrix in MATFILE is used): its\n"
    "rank list r_ji = rank W_ji (0 <= i < j <= L), barcode, dimension,\n"
    "codimension and number of connected components, and with --hasse the\n"
    "strata covering it in the closure order (its Hasse diagram).\n"
    "\n"
    "Rows are sorted by decreasing dimension, then by increasing rank list\n"
    "(r_10, r_20, ..., r_L0, r_21, ...); ids count rows from 0, the same\n"
    "ids in every output of rankstrat (LaTeX and Markdown write S_{0},\n"
    "S0, ...; 'rankstrat hasse' labels nodes so).  The text table ends\n"
    "with a summary of the fiber:\n"
    "number of strata, of top-dimensional strata, of maximal strata (whose\n"
    "closures are the irreducible components) and the minimal stratum.\n"
    "\n"
    "Options:\n"
    "  --dims D               widths d_0,...,d_L, e.g. 2,3,2\n"
    "  --rank R               rank of W\n"
    "  --product MATFILE      W itself (matrix file, '-' = standard input)\n"
    "  --format FMT           text (default), json (the rankstrat-strata\n"
    "                         schema), csv (RFC 4180, header row, CRLF),\n"
    "                         latex (a longtable as wide as the text,\n"
    "                         breaking across pages; needs\n"
    "                         \\usepackage{booktabs,longtable,array}) or\n"
    "                         markdown (a pipe table)\n"
    "  --columns LIST         latex and markdown: the columns, a comma\n"
    "                         list of id, barcode, ranks, dim, codim,\n"
    "                         components, covers, points (default\n"
    "                         id,ranks,barcode,dim,codim,components,covers,\n"
    "                         and points with --points)\n"
    "  --hasse                add the covering pairs: a covered-by column,\n"
    "                         or the \"covers\" list in JSON\n"
    "  --points               add a column with the number of points of\n"
    "                         each stratum over F_q, a polynomial in q\n"
    "                         factored as q^e (q-1)^a (q+1)^b Phi3^c ...\n"
    "                         (PhiN = the N-th cyclotomic polynomial); JSON\n"
    "                         always has each stratum's \"points\" (the\n"
    "                         expanded coefficients, lowest degree first)\n"
    "                         and the fiber's \"invariants\" (see\n"
    "                         rankstrat invariants --help)\n"
    "  --hasse-method M       local (default: the merge-rectangle rule, one\n"
    "                         stratum at a time) or naive (all pairs and a\n"
    "                         transitive reduction; for comparison)\n"
    "  --order ORDER          dim (default, sorted as above) or enum: the\n"
    "                         enumeration order (increasing r_10, r_20,\n"
    "                         r_21, r_30, ...), written as found without\n"
    "                         storing the strata; not with --hasse, latex\n"
    "                         or markdown\n"
    "  --max-strata N         refuse (exit status 2) fibers with more than\n"
    "                         N strata (default 2000000; 0 = no bound)\n"
    "  -o, --output FILE      write to FILE (atomically) instead of stdout\n"
    "  --max-memory BYTES     refuse (exit 2) jobs estimated to need more\n"
    "                         memory (suffixes k, M, G, T = powers of\n"
    "                         1024; default half the physical memory)\n"
    "  --max-work N           refuse (exit 2) jobs estimated to need more\n"
    "                         than N work units (about 50 word operations\n"
    "                         each; default 200000000, some seconds)\n"
    "  -h, --help             print this help\n"
    "\n"
    "Progress is shown on standard error when it is a terminal.\n";

typedef struct {
    rs_cli_fiber f;
    int fmt, hasse, naive, stream, points;
    int cols[RS_STRATA_MAX_COLUMNS], ncols;
    slong max_strata;
    const char *out_path;
} strata_job;

typedef struct {
    _rs_strata_printer *p;
    rs_cli_progress *prog;
} stream_state;

static int stream_visit(void *data, const rs_barcode_t B, const rs_ranks_t R,
                        slong dim)
{
    stream_state *s = data;
    _rs_strata_printer_row(s->p, s->p->rows, R, B, dim, NULL, 0, 0, NULL);
    if ((s->p->rows & 0xffff) == 0)
        rs_cli_progress_report(s->prog, s->p->rows, "strata written");
    return 0;
}

/* --order enum: rows are written while the search runs. */
static int run_stream(strata_job *job, slong n, rs_error_t err)
{
    rs_outfile_t out;
    _rs_strata_printer p;
    rs_cli_progress prog;
    stream_state s;
    slong visited, *d = job->f.d, L = job->f.L, r = job->f.r;
    int status;
    if ((status =
             rs_outfile_open(&out, job->out_path ? job->out_path : "-", err)))
        return status;
    rs_cli_progress_init(&prog, "strata");
    rs_invariants_t I;
    rs_invariants_init(I);
    if (job->fmt == RS_STRATA_JSON &&
        (status =
             rs_invariants_compute(I, d, L, r, 1, RS_CLI_PRECOUNT_WORK, err))) {
        rs_invariants_clear(I);
        rs_outfile_abort(&out);
        return status;
    }
    _rs_strata_printer_init(&p, out.f, job->fmt, 0, 0, d, L, r,
                            rs_fiber_dim(d, L, r), n, 0);
    _rs_strata_printer_points(&p, job->points);
    if (job->fmt == RS_STRATA_JSON)
        p.inv = I;
    _rs_strata_printer_header(&p);
    s.p = &p;
    s.prog = &prog;
    rs_strata_enumerate(&visited, d, L, r, stream_visit, &s);
    _rs_strata_printer_footer(&p, NULL);
    status = p.failed;
    _rs_strata_printer_clear(&p);
    rs_invariants_clear(I);
    rs_cli_progress_done(&prog);
    if (status) {
        rs_outfile_abort(&out);
        return rs_error_set(err, RS_EINTERNAL,
                            "a stratum's point count is not a polynomial");
    }
    return rs_outfile_commit(&out, err);
}

/* Default: collect, sort, compute the covers if needed, then print. */
static int run_collect(strata_job *job, rs_error_t err)
{
    rs_strata_t S;
    rs_covers_t C;
    rs_cli_progress prog;
    rs_outfile_t out;
    _rs_strata_printer p;
    rs_ranks_t R;
    rs_barcode_t B;
    slong id, w_bar = 0, w_pts = 16, fiber_dim;
    int table = job->fmt == RS_STRATA_LATEX || job->fmt == RS_STRATA_MARKDOWN;
    int status = RS_OK,
        covers =
            job->hasse ||
            (table && _rs_strata_columns_need_covers(job->cols, job->ncols));
    rs_invariants_t I;

    rs_strata_init(S, job->f.d, job->f.L, job->f.r);
    rs_covers_init(C);
    rs_ranks_init(R, job->f.L);
    rs_barcode_init(B, job->f.L);
    rs_cli_progress_init(&prog, "strata");
    rs_cli_strata_collect(S, &prog);
    rs_cli_progress_done(&prog);
    if (covers)
        status = rs_cli_strata_covers(C, S, job->naive, err);
    if (status == RS_OK && covers && job->fmt == RS_STRATA_TEXT)
        for (id = 0; id < S->n; id++) {
            rs_strata_get_barcode(B, S, id);
            w_bar = FLINT_MAX(w_bar, _rs_barcode_text_len(B));
            if (job->points)
                w_pts = FLINT_MAX(w_pts, _rs_strata_points_cell_len(B));
        }
    else if (status == RS_OK && job->points && job->fmt == RS_STRATA_TEXT) {
        /* only the barcodes' width, straight from the store */
        slong *r = flint_malloc((S->L + 2) * (S->L + 2) * sizeof(slong));
        for (id = 0; id < S->n; id++)
            w_bar = FLINT_MAX(w_bar, _rs_stored_barcode_text_len(S, id, r));
        flint_free(r);
    }
    rs_invariants_init(I);
    if (status == RS_OK && job->fmt == RS_STRATA_JSON)
        status = rs_invariants_from_strata(I, S, err);
    if (status == RS_OK)
        status =
            rs_outfile_open(&out, job->out_path ? job->out_path : "-", err);
    if (status == RS_OK) {
        fiber_dim = S->n > 0 ? rs_strata_dim(S, 0) : 0;
        _rs_strata_printer_init(&p, out.f, job->fmt, covers, 1, job->f.d,
                                job->f.L, job->f.r, fiber_dim, S->n, w_bar);
        _rs_strata_printer_points(&p, job->points);
        p.w_pts = w_pts;
        if (job->fmt == RS_STRATA_JSON)
            p.inv = I;
        if (table) {
            memcpy(p.cols, job->cols, sizeof p.cols);
            p.ncols = job->ncols;
            _rs_strata_table_measure(&p, S, C);
        }
        _rs_strata_printer_header(&p);
        _rs_strata_printer_rows(&p, S, C);
        _rs_strata_printer_footer(&p, job->hasse ? C : NULL);
        if (p.failed) {
            rs_outfile_abort(&out);
            status = rs_error_set(err, RS_EINTERNAL,
                                  "a stratum's point count is not a "
                                  "polynomial");
        }
        _rs_strata_printer_clear(&p);
        if (status == RS_OK)
            status = rs_outfile_commit(&out, err);
    }
    rs_invariants_clear(I);
    rs_ranks_clear(R);
    rs_barcode_clear(B);
    rs_covers_clear(C);
    rs_strata_clear(S);
    return status;
}

int rs_cmd_strata(int argc, char **argv)
{
    const char *dims = NULL, *rank = NULL, *product = NULL, *format = NULL;
    const char *method = NULL, *order = NULL, *max_strata = NULL;
    const char *max_memory = NULL, *max_work = NULL;
    const char *pos[1];
    rs_cost_limits_t lim;
    int npos, help, ord = 0, status;
    strata_job job;
    slong n = 0;
    rs_error_t err;
    const char *columns = NULL;
    static const char *const formats[] = {"text",  "json",     "csv",
                                          "latex", "markdown", NULL};
    static const char *const methods[] = {"local", "naive", NULL};
    static const char *const orders[] = {"dim", "enum", NULL};
    rs_cli_opt opts[] = {
        {"--dims", NULL, &dims, NULL},
        {"--rank", NULL, &rank, NULL},
        {"--product", NULL, &product, NULL},
        {"--format", NULL, &format, NULL},
        {"--hasse", NULL, NULL, &job.hasse},
        {"--points", NULL, NULL, &job.points},
        {"--hasse-method", NULL, &method, NULL},
        {"--order", NULL, &order, NULL},
        {"--columns", NULL, &columns, NULL},
        {"--max-strata", NULL, &max_strata, NULL},
        {"--output", "-o", &job.out_path, NULL},
        {"--max-memory", NULL, &max_memory, NULL},
        {"--max-work", NULL, &max_work, NULL},
    };

    rs_error_init(err);
    job.hasse = 0;
    job.points = 0;
    job.out_path = NULL;
    if (rs_cli_parse(argc, argv, opts, sizeof opts / sizeof opts[0], pos, 0,
                     &npos, &help, err))
        return rs_cli_fail("strata", err);
    if (help) {
        rs_cli_usage(stdout, usage_text);
        return RS_OK;
    }
    if (rs_cli_choice(&job.fmt, format, formats, "--format", err) ||
        rs_cli_choice(&job.naive, method, methods, "--hasse-method", err) ||
        rs_cli_choice(&ord, order, orders, "--order", err) ||
        rs_cli_parse_max_strata(&job.max_strata, max_strata, err) ||
        _rs_strata_columns_parse(job.cols, &job.ncols, columns, err) ||
        rs_cli_cost_limits(&lim, max_memory, max_work, err))
        return rs_cli_fail("strata", err);
    if (columns != NULL && job.fmt != RS_STRATA_LATEX &&
        job.fmt != RS_STRATA_MARKDOWN) {
        rs_error_set(err, RS_EINPUT,
                     "--columns applies to --format latex and markdown");
        return rs_cli_fail("strata", err);
    }
    /* --points is the points column of the LaTeX and Markdown tables */
    if (job.points && columns == NULL)
        _rs_strata_columns_add(job.cols, &job.ncols, "points");
    job.stream = ord == 1;
    if (job.stream && (job.hasse || job.fmt == RS_STRATA_LATEX ||
                       job.fmt == RS_STRATA_MARKDOWN)) {
        rs_error_set(err, RS_EINPUT,
                     "--order enum writes rows as they are found and cannot "
                     "be combined with %s",
                     job.hasse ? "--hasse" : "--format latex or markdown");
        return rs_cli_fail("strata", err);
    }
    if (job.stream && job.points && job.fmt == RS_STRATA_TEXT) {
        rs_error_set(err, RS_EINPUT,
                     "--points: the text table aligns the points column "
                     "after the barcodes, known only once all strata are "
                     "found; not with --order enum (use --format csv or "
                     "json)");
        return rs_cli_fail("strata", err);
    }
    if (rs_cli_fiber_parse(&job.f, dims, rank, product, err))
        return rs_cli_fail("strata", err);
    status = rs_cli_strata_count_checked(&n, &job.f, job.max_strata, err);
    if (status == RS_OK)
        status = rs_cli_fiber_cost_check(&lim, job.f.d, job.f.L, n, 0,
                                         !job.stream, "the strata", err);
    if (status == RS_OK)
        status = job.stream ? run_stream(&job, n, err) : run_collect(&job, err);
    rs_cli_fiber_clear(&job.f);
    if (status != RS_OK)
        return rs_cli_fail("strata", err);
    return RS_OK;
}
