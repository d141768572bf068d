/* rankstrat invariants --sweep: one row of invariants per shape, as text,
   CSV, JSON or a LaTeX table for papers. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/invariants_cmd.h"
#include "table/invariants_out.h"

/* More rows than this would be a table nobody prints. */
#define SWEEP_MAX_ROWS WORD(1000000)
/* A LaTeX sweep longer than this is a longtable (it breaks across
   pages); a shorter one is a tabular. */
#define SWEEP_LATEX_SHORT 40

/* "A..B" with 0 <= lo <= A <= B <= hi. */
static int parse_range(slong *a, slong *b, const char *arg, slong lo, slong hi,
                       const char *opt, rs_error_t err)
{
    const char *dots;
    char buf[64];
    size_t n;
    if (arg == NULL)
        return rs_error_set(err, RS_EINPUT, "--sweep: expected %s A..B", opt);
    dots = strstr(arg, "..");
    n = dots ? (size_t)(dots - arg) : 0;
    if (dots == NULL || n == 0 || n >= sizeof buf)
        return rs_error_set(err, RS_EINPUT,
                            "%s: expected a range A..B, got '%s'", opt, arg);
    memcpy(buf, arg, n);
    buf[n] = 0;
    if (rs_parse_slong(a, buf, hi, opt, err) ||
        rs_parse_slong(b, dots + 2, hi, opt, err))
        return RS_EINPUT;
    if (*a < lo || *a > *b)
        return rs_error_set(err, RS_EINPUT,
                            "%s: expected %ld <= A <= B, got '%s'", opt,
                            (long)lo, arg);
    return RS_OK;
}

typedef struct {
    _rs_wbuf w;
    int fmt;
    slong rows, total;
    slong wd, wn, wl, wt; /* text: widths of d, N (and dim, C), lambda,
                             theta and top (a-priori bounds) */
} sweep_out;

/* Text column widths from a-priori bounds: d has lb + 1 entries <= wb, N
   <= lb wb^2, theta <= (lb + 1)^2 / 4 + 1. */
static void text_widths(sweep_out *s, slong wb, slong lb)
{
    s->wd = FLINT_MAX((lb + 1) * (_rs_wbuf_digits(wb) + 1) - 1, 1);
    s->wn = FLINT_MAX(_rs_wbuf_digits(lb * wb * wb), 3);
    s->wl = FLINT_MAX(s->wn + 2, 6);
    s->wt = FLINT_MAX(_rs_wbuf_digits((lb + 1) * (lb + 1) / 4 + 1), 5);
}

static void pad_str(_rs_wbuf *w, const char *str, slong width)
{
    _rs_wbuf_fill(w, ' ', width - (slong)strlen(str));
    _rs_wbuf_str(w, str);
}

static void wbuf_dims(_rs_wbuf *w, const slong *d, slong L, const char *sep)
{
    slong k;
    for (k = 0; k <= L; k++) {
        if (k)
            _rs_wbuf_str(w, sep);
        _rs_wbuf_slong(w, d[k]);
    }
}

static const char note[] =
    "shapes equal up to reversal (the transposed network, with the same "
    "invariants) appear once";

static void header(sweep_out *s, slong wa, slong wb, slong la, slong lb)
{
    _rs_wbuf *w = &s->w;
    switch (s->fmt) {
    case 0:
        _rs_wbuf_str(w, "# invariants of fibers, widths ");
        _rs_wbuf_slong(w, wa);
        _rs_wbuf_str(w, "..");
        _rs_wbuf_slong(w, wb);
        _rs_wbuf_str(w, ", layers ");
        _rs_wbuf_slong(w, la);
        _rs_wbuf_str(w, "..");
        _rs_wbuf_slong(w, lb);
        _rs_wbuf_str(w, "; ");
        _rs_wbuf_str(w, note);
        _rs_wbuf_str(w, "\n\n");
        pad_str(w, "d", s->wd);
        _rs_wbuf_str(w, "  r  ");
        pad_str(w, "N", s->wn);
        _rs_wbuf_str(w, "  ");
        pad_str(w, "dim", s->wn);
        _rs_wbuf_str(w, "  ");
        pad_str(w, "C", s->wn);
        _rs_wbuf_str(w, "  ");
        pad_str(w, "lambda", s->wl);
        _rs_wbuf_str(w, "  ");
        pad_str(w, "theta", s->wt);
        _rs_wbuf_str(w, "  top components  strata\n");
        break;
    case 1:
        _rs_wbuf_str(w, "{\"format\": \"rankstrat-invariants-sweep\", "
                        "\"version\": 1,\n \"widths\": [");
        _rs_wbuf_slong(w, wa);
        _rs_wbuf_char(w, ',');
        _rs_wbuf_slong(w, wb);
        _rs_wbuf_str(w, "], \"layers\": [");
        _rs_wbuf_slong(w, la);
        _rs_wbuf_char(w, ',');
        _rs_wbuf_slong(w, lb);
        _rs_wbuf_str(w, "],\n \"note\": \"");
        _rs_wbuf_str(w, note);
        _rs_wbuf_str(w, "\",\n \"rows\": [\n");
        break;
    case 2:
        _rs_wbuf_str(w, "% Invariants of fibers (rankstrat invariants "
                        "--sweep).\n% Needs \\usepackage{booktabs}");
        if (s->total > SWEEP_LATEX_SHORT)
            _rs_wbuf_str(w, " and \\usepackage{longtable}");
        _rs_wbuf_str(w, ".\n");
        _rs_wbuf_str(w, s->total > SWEEP_LATEX_SHORT
                            ? "\\begin{longtable}{lrrrrrrrr}\n"
                            : "\\begin{tabular}{lrrrrrrrr}\n");
        _rs_wbuf_str(w, "\\toprule\n$d$ & $r$ & $N$ & $\\dim$ & $C$ & "
                        "$\\lambda$ & $\\theta$ & top & strata \\\\\n"
                        "\\midrule\n");
        if (s->total > SWEEP_LATEX_SHORT)
            _rs_wbuf_str(w, "\\endhead\n\\bottomrule\n\\endfoot\n");
        break;
    default:
        _rs_wbuf_str(w, "d,r,N,fiber_dim,C,lambda,theta,top_components,"
                        "strata\r\n");
    }
}

static void footer(sweep_out *s, slong wa, slong wb, slong la, slong lb)
{
    _rs_wbuf *w = &s->w;
    switch (s->fmt) {
    case 1:
        _rs_wbuf_str(w, "\n ]}\n");
        break;
    case 2:
        if (s->total > SWEEP_LATEX_SHORT) {
            _rs_wbuf_str(w, "\\end{longtable}\n");
        } else {
            _rs_wbuf_str(w, "\\bottomrule\n\\end{tabular}\n");
        }
        /* the note as a paragraph of its own: it wraps to the text width */
        _rs_wbuf_str(w, "\\par\\smallskip\n{\\footnotesize $d = (d_0, "
                        "\\dots, d_L)$ with widths ");
        _rs_wbuf_slong(w, wa);
        _rs_wbuf_str(w, "--");
        _rs_wbuf_slong(w, wb);
        _rs_wbuf_str(w, " and $L = ");
        _rs_wbuf_slong(w, la);
        _rs_wbuf_str(w, la < lb ? ", \\dots, " : "");
        if (la < lb)
            _rs_wbuf_slong(w, lb);
        _rs_wbuf_str(w, "$; $\\dim$ is the fiber dimension, $C = N - \\dim$, "
                        "$\\lambda = C/2$ the learning coefficient and "
                        "$\\theta$ its multiplicity, top the number of "
                        "top-dimensional components. Shapes equal up to "
                        "reversal (the transposed network, with the same "
                        "invariants) appear once.}\\par\n");
        break;
    default:
        break;
    }
}

static void row(sweep_out *s, const rs_invariants_t I)
{
    _rs_wbuf *w = &s->w;
    char *lam = rs_invariants_lambda_str(I->lambda);
    const char *sep = s->fmt == 0 ? " " : s->fmt == 3 ? "," : NULL;
    switch (s->fmt) {
    case 1:
        _rs_wbuf_str(w, s->rows ? ",\n  {\"dims\": [" : "  {\"dims\": [");
        wbuf_dims(w, I->d, I->L, ",");
        _rs_wbuf_str(w, "], \"rank\": ");
        _rs_wbuf_slong(w, I->r);
        _rs_wbuf_str(w, ", \"weight_space_dim\": ");
        _rs_wbuf_slong(w, I->N);
        _rs_wbuf_str(w, ", \"fiber_dim\": ");
        _rs_wbuf_slong(w, I->fiber_dim);
        _rs_wbuf_str(w, ", \"codim\": ");
        _rs_wbuf_slong(w, I->codim);
        _rs_wbuf_str(w, ", \"lambda\": \"");
        _rs_wbuf_str(w, lam);
        _rs_wbuf_str(w, "\", \"theta\": ");
        _rs_wbuf_slong(w, I->theta);
        _rs_wbuf_str(w, ", \"top_components\": ");
        _rs_wbuf_fmpz(w, I->top_plr);
        _rs_wbuf_str(w, ", \"count\": ");
        if (I->count_known)
            _rs_wbuf_fmpz(w, I->count);
        else
            _rs_wbuf_str(w, "null");
        _rs_wbuf_char(w, '}');
        break;
    case 2:
        _rs_wbuf_str(w, "$(");
        wbuf_dims(w, I->d, I->L, ",");
        _rs_wbuf_str(w, ")$ & ");
        _rs_wbuf_slong(w, I->r);
        _rs_wbuf_str(w, " & ");
        _rs_wbuf_slong(w, I->N);
        _rs_wbuf_str(w, " & ");
        _rs_wbuf_slong(w, I->fiber_dim);
        _rs_wbuf_str(w, " & ");
        _rs_wbuf_slong(w, I->codim);
        _rs_wbuf_str(w, " & $");
        if (fmpz_is_one(fmpq_denref(I->lambda))) {
            _rs_wbuf_str(w, lam);
        } else {
            _rs_wbuf_fmpz(w, fmpq_numref(I->lambda));
            _rs_wbuf_char(w, '/');
            _rs_wbuf_fmpz(w, fmpq_denref(I->lambda));
        }
        _rs_wbuf_str(w, "$ & ");
        _rs_wbuf_slong(w, I->theta);
        _rs_wbuf_str(w, " & ");
        _rs_wbuf_fmpz(w, I->top_plr);
        _rs_wbuf_str(w, " & ");
        if (I->count_known)
            _rs_wbuf_fmpz(w, I->count);
        else
            _rs_wbuf_str(w, "--");
        _rs_wbuf_str(w, " \\\\\n");
        break;
    case 0: {
        char buf[256];
        slong len = 0, k;
        for (k = 0; k <= I->L && len < 200; k++)
            len += snprintf(buf + len, sizeof buf - len, "%s%ld", k ? "," : "",
                            (long)I->d[k]);
        pad_str(w, buf, s->wd);
        _rs_wbuf_str(w, "  ");
        _rs_wbuf_slong_pad(w, I->r, 1);
        _rs_wbuf_str(w, "  ");
        _rs_wbuf_slong_pad(w, I->N, s->wn);
        _rs_wbuf_str(w, "  ");
        _rs_wbuf_slong_pad(w, I->fiber_dim, s->wn);
        _rs_wbuf_str(w, "  ");
        _rs_wbuf_slong_pad(w, I->codim, s->wn);
        _rs_wbuf_str(w, "  ");
        pad_str(w, lam, s->wl);
        _rs_wbuf_str(w, "  ");
        _rs_wbuf_slong_pad(w, I->theta, s->wt);
        _rs_wbuf_str(w, "  ");
        k = _rs_wbuf_fmpz_len(I->top_plr);
        _rs_wbuf_fill(w, ' ', 14 - k);
        _rs_wbuf_fmpz(w, I->top_plr);
        _rs_wbuf_str(w, "  ");
        if (I->count_known)
            _rs_wbuf_fmpz(w, I->count);
        else
            _rs_wbuf_char(w, '-');
        _rs_wbuf_char(w, '\n');
        break;
    }
    default: /* CSV */
        if (s->fmt == 3)
            _rs_wbuf_char(w, '"');
        wbuf_dims(w, I->d, I->L, ",");
        if (s->fmt == 3)
            _rs_wbuf_char(w, '"');
        _rs_wbuf_str(w, sep);
        _rs_wbuf_slong(w, I->r);
        _rs_wbuf_str(w, sep);
        _rs_wbuf_slong(w, I->N);
        _rs_wbuf_str(w, sep);
        _rs_wbuf_slong(w, I->fiber_dim);
        _rs_wbuf_str(w, sep);
        _rs_wbuf_slong(w, I->codim);
        _rs_wbuf_str(w, sep);
        _rs_wbuf_str(w, lam);
        _rs_wbuf_str(w, sep);
        _rs_wbuf_slong(w, I->theta);
        _rs_wbuf_str(w, sep);
        _rs_wbuf_fmpz(w, I->top_plr);
        _rs_wbuf_str(w, sep);
        if (I->count_known)
            _rs_wbuf_fmpz(w, I->count);
        else
            _rs_wbuf_str(w, s->fmt == 3 ? "" : "-");
        _rs_wbuf_str(w, s->fmt == 3 ? "\r\n" : "\n");
    }
    flint_free(lam);
    s->rows++;
}

/* Advances d (L + 1 entries in [wa, wb]) like an odometer; 0 at the end. */
static int next_shape(slong *d, slong L, slong wa, slong wb)
{
    slong k;
    for (k = L; k >= 0; k--) {
        if (d[k] < wb) {
            d[k]++;
            return 1;
        }
        d[k] = wa;
    }
    return 0;
}

/* Whether d is the representative of {d, reversed d}: not larger than its
   reverse lexicographically. */
static int is_representative(const slong *d, slong L)
{
    slong k;
    for (k = 0; k <= L; k++) {
        if (d[k] != d[L - k])
            return d[k] < d[L - k];
    }
    return 1;
}

static slong min_width(const slong *d, slong L)
{
    slong k, m = d[0];
    for (k = 1; k <= L; k++)
        m = FLINT_MIN(m, d[k]);
    return m;
}

/* Runs every row; when s is NULL, only counts them (refusing more than
   SWEEP_MAX_ROWS) or, with costs, checks every fiber's cost. */
static int sweep_rows(sweep_out *s, slong *nrows, int costs,
                      const rs_cli_invariants_opts *o, slong wa, slong wb,
                      slong la, slong lb, slong rank, rs_error_t err)
{
    slong L, r, *d = flint_malloc((lb + 1) * sizeof(slong));
    int status = RS_OK;
    *nrows = 0;
    for (L = la; L <= lb && status == RS_OK; L++) {
        slong k;
        for (k = 0; k <= L; k++)
            d[k] = wa;
        do {
            slong m = min_width(d, L), r0 = o->all_ranks ? 0 : rank;
            slong r1 = o->all_ranks ? m : rank;
            if (!is_representative(d, L))
                continue;
            for (r = r0; r <= FLINT_MIN(r1, m) && status == RS_OK; r++) {
                rs_invariants_t I;
                ++*nrows;
                if (s == NULL) {
                    if (*nrows > SWEEP_MAX_ROWS) {
                        flint_free(d);
                        return rs_error_set(
                            err, RS_ELIMIT,
                            "--sweep: more than %ld rows; narrow "
                            "--widths or --layers",
                            (long)SWEEP_MAX_ROWS);
                    }
                    /* every fiber's cost is checked before the first row
                       is written (once the rows are known to be few) */
                    if (costs)
                        status = rs_cli_invariants_cost(o, d, L, r, err);
                    continue;
                }
                rs_invariants_init(I);
                status = rs_invariants_compute(I, d, L, r, o->max_strata,
                                               o->max_work, err);
                if (status == RS_OK)
                    row(s, I);
                rs_invariants_clear(I);
            }
        } while (status == RS_OK && next_shape(d, L, wa, wb));
    }
    flint_free(d);
    return status;
}

int rs_cli_invariants_sweep(const rs_cli_invariants_opts *o, rs_error_t err)
{
    slong wa, wb, la, lb, rank = 0, nrows;
    sweep_out s;
    rs_outfile_t out;
    int status;
    if (o->dims || o->product)
        return rs_error_set(err, RS_EINPUT, "%s: not with --sweep",
                            o->dims ? "--dims" : "--product");
    if (o->rank && o->all_ranks)
        return rs_error_set(err, RS_EINPUT,
                            "--all-ranks: not with --rank (give one)");
    if (parse_range(&wa, &wb, o->widths, 0, WORD(1000), "--widths", err) ||
        parse_range(&la, &lb, o->layers, 1, WORD(64), "--layers", err) ||
        (o->rank && rs_parse_slong(&rank, o->rank, WORD(1000), "--rank", err)))
        return RS_EINPUT;
    if ((status = sweep_rows(NULL, &nrows, 0, o, wa, wb, la, lb, rank, err)) ||
        (status = sweep_rows(NULL, &nrows, 1, o, wa, wb, la, lb, rank, err)))
        return status;
    if ((status = rs_outfile_open(&out, o->out_path ? o->out_path : "-", err)))
        return status;
    _rs_wbuf_init(&s.w, out.f);
    s.fmt = o->fmt;
    s.rows = 0;
    s.total = nrows;
    text_widths(&s, wb, lb);
    header(&s, wa, wb, la, lb);
    status = sweep_rows(&s, &nrows, 0, o, wa, wb, la, lb, rank, err);
    footer(&s, wa, wb, la, lb);
    _rs_wbuf_clear(&s.w);
    if (status == RS_OK)
        return rs_outfile_commit(&out, err);
    rs_outfile_abort(&out);
    return status;
}
