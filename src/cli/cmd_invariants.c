/* rankstrat invariants: the learning coefficient, the top-dimensional
   components and the point count over F_q of a fiber, each computed two
   ways; with --sweep, a table of them over many shapes (invariants_sweep.c). */
#include <string.h>

#include "cli/cli.h"
#include "cli/invariants_cmd.h"
#include "cli/strata_cmd.h"
#include "table/invariants_out.h"
#include "cli/strata_cmd.h"
#include "table/strata_out.h"

static const char usage_text[] =
    "Usage: rankstrat invariants --dims D (--rank R | --product MATFILE)\n"
    "                            [options]\n"
    "       rankstrat invariants --sweep --widths A..B --layers A..B\n"
    "                            [--rank R | --all-ranks] [options]\n"
    "\n"
    "Prints invariants of the fiber of a rank-R matrix over networks with\n"
    "widths D = d_0,...,d_L that the literature cites, each computed two\n"
    "independent ways that must agree (else exit status 3):\n"
    "  - the weight-space dimension N, the fiber dimension, the codimension\n"
    "    C, and the learning coefficient lambda of singular learning theory\n"
    "    (the real log canonical threshold of |W_L...W_1 - W|^2) as C/2\n"
    "    and by Aoyagi's closed formula (Neural Networks 2024), with its\n"
    "    multiplicity theta;\n"
    "  - the number of top-dimensional irreducible components, as the\n"
    "    number of strata of largest dimension and by the formula of Pepin\n"
    "    Lehalleur & Rimanyi (arXiv 2411.19920);\n"
    "  - the number of strata, in total and per dimension;\n"
    "  - the number of points of the fiber over F_q as a polynomial in q\n"
    "    (also the E-polynomial), as the sum of its strata's polynomials and\n"
    "    by a programme over layers on the ranks of W_k...W_1, and its value\n"
    "    at q = 1, the Euler characteristic.\n"
    "A fiber with more strata than --max-strata is not listed: the strata\n"
    "are counted instead, the closed forms and the layer programme still\n"
    "run, and the cross-checks that need the strata are reported skipped.\n"
    "\n"
    "With --sweep, one row per shape: every D with L in the --layers range\n"
    "and every d_k in the --widths range, shapes equal up to reversal (the\n"
    "transposed network, same invariants) once, for rank R (default 0;\n"
    "shapes narrower than R are left out) or every rank 0..min D.\n"
    "\n"
    "Options:\n"
    "  --dims D             widths d_0,...,d_L, e.g. 2,3,2\n"
    "  --rank R             rank of W\n"
    "  --product MATFILE    W itself (matrix file, '-' = standard input)\n"
    "  --format FMT         text (default), json (the rankstrat-invariants\n"
    "                       schema, or rankstrat-invariants-sweep), latex\n"
    "                       (booktabs; a longtable for long sweeps) or csv\n"
    "                       (sweeps only; RFC 4180, header row, CRLF)\n"
    "  --sweep              a table over shapes (needs --widths, --layers)\n"
    "  --widths A..B        sweep widths from A to B (A >= 0)\n"
    "  --layers A..B        sweep numbers of layers L from A to B (A >= 1)\n"
    "  --all-ranks          sweep every rank 0..min D of every shape\n"
    "  --max-strata N       list at most N strata per fiber (default\n"
    "                       2000000; 0 = no bound); beyond, count them\n"
    "  --max-work N         work bound of the count (as in rankstrat count)\n"
    "  --max-memory BYTES   refuse (exit 2) fibers whose listed strata are\n"
    "                       estimated to need more memory (suffixes k, M,\n"
    "                       G, T = powers of 1024; default half the\n"
    "                       physical memory)\n"
    "  -o, --output FILE    write to FILE (atomically) instead of stdout\n"
    "  -h, --help           print this help\n";

static const char *check_text(int c)
{
    return c == RS_INV_AGREE ? "agree" : "skipped";
}

static void write_text(_rs_wbuf *w, const rs_invariants_t I, slong max_strata)
{
    char *s = rs_invariants_lambda_str(I->lambda);
    char *t = rs_invariants_lambda_str(I->lambda_aoyagi);
    slong k, n;
    _rs_wbuf_str(w, "invariants of the fiber of a ");
    _rs_wbuf_fiber(w, I->r, I->d, I->L);
    _rs_wbuf_str(w, "\n\nweight space dimension N    ");
    _rs_wbuf_slong(w, I->N);
    _rs_wbuf_str(w, "\nfiber dimension             ");
    _rs_wbuf_slong(w, I->fiber_dim);
    _rs_wbuf_str(w, "\ncodimension C               ");
    _rs_wbuf_slong(w, I->codim);
    _rs_wbuf_str(w, "\nlearning coefficient        lambda = ");
    _rs_wbuf_str(w, s);
    _rs_wbuf_str(w, " (C/2 = ");
    _rs_wbuf_str(w, s);
    _rs_wbuf_str(w, ", Aoyagi's formula ");
    _rs_wbuf_str(w, t);
    _rs_wbuf_str(w, ")\nmultiplicity                theta = ");
    _rs_wbuf_slong(w, I->theta);
    _rs_wbuf_str(w, "\ntop-dimensional components  ");
    _rs_wbuf_fmpz(w, I->top_plr);
    _rs_wbuf_str(w, " (");
    if (I->listed) {
        _rs_wbuf_str(w, "strata of dimension ");
        _rs_wbuf_slong(w, I->fiber_dim);
        _rs_wbuf_str(w, ": ");
        _rs_wbuf_fmpz(w, I->top_strata);
        _rs_wbuf_str(w, ", ");
    }
    _rs_wbuf_str(w, "Pepin Lehalleur-Rimanyi ");
    _rs_wbuf_fmpz(w, I->top_plr);
    _rs_wbuf_str(w, ")\nstrata                      ");
    if (I->count_known)
        _rs_wbuf_fmpz(w, I->count);
    else
        _rs_wbuf_str(w, "beyond the counting work bound");
    _rs_wbuf_str(w, "\nstrata by dimension         ");
    if (I->listed) {
        for (k = I->fiber_dim, n = 0; k >= 0; k--) {
            if (I->by_dim[k] == 0)
                continue;
            if (n++)
                _rs_wbuf_str(w, ", ");
            _rs_wbuf_slong(w, k);
            _rs_wbuf_str(w, ": ");
            _rs_wbuf_slong(w, I->by_dim[k]);
        }
    } else {
        _rs_wbuf_str(w, "not computed (the strata were not listed)");
    }
    _rs_wbuf_str(w, "\npoints over F_q             ");
    if (I->points_known)
        _rs_wbuf_qpoly(w, I->points, RS_QPOLY_TEXT);
    else
        _rs_wbuf_str(w, "not computed (the polynomial is too large)");
    _rs_wbuf_str(w, "\nEuler characteristic        ");
    if (I->points_known)
        _rs_wbuf_fmpz(w, I->euler);
    else
        _rs_wbuf_str(w, "not computed");
    _rs_wbuf_str(w, "\n\ncross-checks: lambda = C/2 and Aoyagi ");
    _rs_wbuf_str(w, check_text(I->check_lambda));
    _rs_wbuf_str(w, "; top components by strata and formula ");
    _rs_wbuf_str(w, check_text(I->check_top));
    _rs_wbuf_str(w, ";\n  points by strata and layer programme ");
    _rs_wbuf_str(w, check_text(I->check_points));
    _rs_wbuf_str(w, "; degree and leading coefficient ");
    _rs_wbuf_str(w, check_text(I->check_leading));
    _rs_wbuf_str(w, "\n");
    if (!I->listed) {
        _rs_wbuf_str(w, "  (strata not listed: ");
        if (I->count_known) {
            _rs_wbuf_str(w, "more than --max-strata ");
            _rs_wbuf_slong(w, max_strata);
        } else {
            _rs_wbuf_str(w, "too many to count within --max-work");
        }
        _rs_wbuf_str(w, "; C from the dimension programme over layers)\n");
    }
    flint_free(s);
    flint_free(t);
}

static void write_json(_rs_wbuf *w, const rs_invariants_t I)
{
    slong k;
    _rs_wbuf_str(w, "{\"format\": \"rankstrat-invariants\", \"version\": 1,\n"
                    " \"dims\": [");
    for (k = 0; k <= I->L; k++) {
        if (k)
            _rs_wbuf_char(w, ',');
        _rs_wbuf_slong(w, I->d[k]);
    }
    _rs_wbuf_str(w, "], \"rank\": ");
    _rs_wbuf_slong(w, I->r);
    _rs_wbuf_str(w, ",\n ");
    _rs_wbuf_json_invariants(w, I, ",\n ");
    _rs_wbuf_str(w, "}\n");
}

static void latex_row(_rs_wbuf *w, const char *name)
{
    _rs_wbuf_str(w, name);
    _rs_wbuf_str(w, " & ");
}

static void write_latex(_rs_wbuf *w, const rs_invariants_t I)
{
    char *s = rs_invariants_lambda_str(I->lambda);
    slong k, n;
    _rs_wbuf_str(w, "% Invariants of the fiber of a ");
    _rs_wbuf_fiber(w, I->r, I->d, I->L);
    _rs_wbuf_str(w, "\n% (rankstrat invariants). Needs \\usepackage{booktabs}."
                    "\n\\begin{tabular}{@{}lp{0.5\\linewidth}@{}}\n\\toprule\n"
                    "invariant & value \\\\\n\\midrule\n");
    latex_row(w, "weight space dimension $N$");
    _rs_wbuf_slong(w, I->N);
    _rs_wbuf_str(w, " \\\\\n");
    latex_row(w, "fiber dimension");
    _rs_wbuf_slong(w, I->fiber_dim);
    _rs_wbuf_str(w, " \\\\\n");
    latex_row(w, "codimension $C$");
    _rs_wbuf_slong(w, I->codim);
    _rs_wbuf_str(w, " \\\\\n");
    latex_row(w, "learning coefficient $\\lambda$");
    _rs_wbuf_char(w, '$');
    if (fmpz_is_one(fmpq_denref(I->lambda))) {
        _rs_wbuf_str(w, s);
    } else {
        _rs_wbuf_str(w, "\\frac{");
        _rs_wbuf_fmpz(w, fmpq_numref(I->lambda));
        _rs_wbuf_str(w, "}{");
        _rs_wbuf_fmpz(w, fmpq_denref(I->lambda));
        _rs_wbuf_char(w, '}');
    }
    _rs_wbuf_str(w, "$ \\\\\n");
    latex_row(w, "multiplicity $\\theta$");
    _rs_wbuf_slong(w, I->theta);
    _rs_wbuf_str(w, " \\\\\n");
    latex_row(w, "top-dimensional components");
    _rs_wbuf_fmpz(w, I->top_plr);
    _rs_wbuf_str(w, " \\\\\n");
    latex_row(w, "strata");
    if (I->count_known)
        _rs_wbuf_fmpz(w, I->count);
    else
        _rs_wbuf_str(w, "--");
    _rs_wbuf_str(w, " \\\\\n");
    if (I->listed) {
        latex_row(w, "strata by dimension");
        for (k = I->fiber_dim, n = 0; k >= 0; k--) {
            if (I->by_dim[k] == 0)
                continue;
            if (n++)
                _rs_wbuf_str(w, ", ");
            _rs_wbuf_slong(w, k);
            _rs_wbuf_str(w, ": ");
            _rs_wbuf_slong(w, I->by_dim[k]);
        }
        _rs_wbuf_str(w, " \\\\\n");
    }
    latex_row(w, "points over $\\mathbf{F}_q$");
    if (I->points_known) {
        _rs_wbuf_char(w, '$');
        _rs_wbuf_qpoly(w, I->points, RS_QPOLY_LATEX);
        _rs_wbuf_char(w, '$');
    } else {
        _rs_wbuf_str(w, "--");
    }
    _rs_wbuf_str(w, " \\\\\n");
    latex_row(w, "Euler characteristic");
    if (I->points_known)
        _rs_wbuf_fmpz(w, I->euler);
    else
        _rs_wbuf_str(w, "--");
    _rs_wbuf_str(w, " \\\\\n\\bottomrule\n\\end{tabular}\n");
    flint_free(s);
}

int rs_cli_invariants_cost(const rs_cli_invariants_opts *o, const slong *d,
                           slong L, slong r, rs_error_t err)
{
    fmpz_t c;
    rs_error_t e2;
    slong n;
    fmpz_init(c);
    rs_error_init(e2);
    /* the strata are listed when they number at most max_strata; a fiber
       too costly to count is assumed to have max_strata of them */
    if (rs_strata_count(c, d, L, r, RS_CLI_PRECOUNT_WORK, NULL, e2) == RS_OK)
        n = (o->max_strata > 0 && fmpz_cmp_si(c, o->max_strata) > 0)
                ? 0
                : (fmpz_fits_si(c) ? fmpz_get_si(c) : WORD_MAX);
    else
        n = o->max_strata > 0 ? o->max_strata : WORD_MAX;
    fmpz_clear(c);
    return rs_cli_fiber_cost_check(&o->lim, d, L, n, 0, 1,
                                   "listing the fiber's strata", err);
}

int rs_cmd_invariants(int argc, char **argv)
{
    rs_cli_invariants_opts o;
    const char *pos[1];
    int npos, help, status;
    rs_error_t err;
    rs_cli_opt opts[] = {
        {"--dims", NULL, &o.dims, NULL},
        {"--rank", NULL, &o.rank, NULL},
        {"--product", NULL, &o.product, NULL},
        {"--format", NULL, &o.format, NULL},
        {"--sweep", NULL, NULL, &o.sweep},
        {"--widths", NULL, &o.widths, NULL},
        {"--layers", NULL, &o.layers, NULL},
        {"--all-ranks", NULL, NULL, &o.all_ranks},
        {"--max-strata", NULL, &o.max_strata_arg, NULL},
        {"--max-work", NULL, &o.max_work_arg, NULL},
        {"--max-memory", NULL, &o.max_memory_arg, NULL},
        {"--output", "-o", &o.out_path, NULL},
    };
    static const char *const formats[] = {"text", "json", "latex", "csv", NULL};

    memset(&o, 0, sizeof o);
    rs_error_init(err);
    if (rs_cli_parse(argc, argv, opts, sizeof opts / sizeof opts[0], pos, 0,
                     &npos, &help, err))
        return rs_cli_fail("invariants", err);
    if (help) {
        rs_cli_usage(stdout, usage_text);
        return RS_OK;
    }
    o.max_work = 0;
    if (rs_cli_choice(&o.fmt, o.format, formats, "--format", err) ||
        rs_cli_parse_max_strata(&o.max_strata, o.max_strata_arg, err) ||
        rs_cli_cost_limits(&o.lim, o.max_memory_arg, o.max_work_arg, err) ||
        (o.max_work_arg != NULL &&
         rs_parse_slong(&o.max_work, o.max_work_arg, WORD_MAX / 4, "--max-work",
                        err)))
        return rs_cli_fail("invariants", err);
    if (o.max_work_arg != NULL && o.max_work < 1) {
        rs_error_set(err, RS_EINPUT, "--max-work: expected at least 1");
        return rs_cli_fail("invariants", err);
    }
    status = o.sweep ? rs_cli_invariants_sweep(&o, err)
                     : rs_cli_invariants_one(&o, err);
    if (status != RS_OK)
        return rs_cli_fail("invariants", err);
    return RS_OK;
}

int rs_cli_invariants_one(const rs_cli_invariants_opts *o, rs_error_t err)
{
    rs_cli_fiber f;
    rs_invariants_t I;
    rs_outfile_t out;
    _rs_wbuf w;
    int status;
    if (o->widths || o->layers || o->all_ranks)
        return rs_error_set(err, RS_EINPUT, "%s: only with --sweep",
                            o->widths   ? "--widths"
                            : o->layers ? "--layers"
                                        : "--all-ranks");
    if (o->fmt == 3)
        return rs_error_set(err, RS_EINPUT,
                            "--format csv: only with --sweep (one fiber is "
                            "text, json or latex)");
    if ((status = rs_cli_fiber_parse(&f, o->dims, o->rank, o->product, err)))
        return status;
    if ((status = rs_cli_invariants_cost(o, f.d, f.L, f.r, err))) {
        rs_cli_fiber_clear(&f);
        return status;
    }
    rs_invariants_init(I);
    status = rs_invariants_compute(I, f.d, f.L, f.r, o->max_strata, o->max_work,
                                   err);
    if (status == RS_OK)
        status = rs_outfile_open(&out, o->out_path ? o->out_path : "-", err);
    if (status == RS_OK) {
        _rs_wbuf_init(&w, out.f);
        if (o->fmt == 0)
            write_text(&w, I, o->max_strata);
        else if (o->fmt == 1)
            write_json(&w, I);
        else
            write_latex(&w, I);
        _rs_wbuf_clear(&w);
        status = rs_outfile_commit(&out, err);
    }
    rs_invariants_clear(I);
    rs_cli_fiber_clear(&f);
    return status;
}
