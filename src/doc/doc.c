/* Whole results as documents (rankstrat/doc.h): text in, a malloc'd
   string out, written through an in-memory stream by the same printers the
   command-line tool uses. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rankstrat.h"
#include "table/strata_out.h"

void rs_doc_free(char *doc)
{
    free(doc);
}

/* ---- the output stream ------------------------------------------------ */

typedef struct {
    FILE *f;
    char *buf;
    size_t len;
} doc_stream;

static int doc_open(doc_stream *s, rs_error_t err)
{
    s->buf = NULL;
    s->len = 0;
    s->f = open_memstream(&s->buf, &s->len);
    if (s->f == NULL)
        return rs_error_set(err, RS_ELIMIT,
                            "out of memory for the output document");
    return RS_OK;
}

/* Closes the stream and hands its text to *doc on success, else frees it. */
static int doc_close(doc_stream *s, char **doc, int status, rs_error_t err)
{
    int bad = fclose(s->f) != 0;
    if (status == RS_OK && bad)
        status = rs_error_set(err, RS_ELIMIT,
                              "out of memory for the output document");
    if (status == RS_OK) {
        *doc = s->buf;
    } else {
        free(s->buf);
        *doc = NULL;
    }
    return status;
}

static int check_out(char **doc, rs_error_t err)
{
    if (doc == NULL)
        return rs_error_set(err, RS_EINPUT,
                            "expected a place for the document, got NULL");
    *doc = NULL;
    return RS_OK;
}

/* ---- inputs ------------------------------------------------------------ */

static int read_net(rs_net_t N, const char *net, size_t len, const char *name,
                    rs_error_t err)
{
    if (net == NULL)
        return rs_error_set(err, RS_EINPUT,
                            "net: expected a network, got NULL");
    return rs_net_read_buffer(N, net, len, name != NULL ? name : "net", NULL,
                              err);
}

typedef struct {
    slong *d, L, r;
    fmpq_mat_t W;
    int have_W;
} fiber;

/* The fiber (dims, rank) or (dims, product), checked as the CLI checks
   --dims, --rank and --product. */
static int fiber_parse(fiber *f, const char *dims, slong rank,
                       const char *product, size_t plen, rs_error_t err)
{
    slong k, m;
    int status;
    f->d = NULL;
    f->L = 0;
    f->have_W = 0;
    fmpq_mat_init(f->W, 0, 0);
    if (dims == NULL)
        return rs_error_set(err, RS_EINPUT,
                            "dims: expected the widths d_0,...,d_L, got NULL");
    if ((status = rs_parse_dims(&f->d, &f->L, dims, "dims", err)))
        return status;
    if (product != NULL) {
        if (rank >= 0)
            return rs_error_set(err, RS_EINPUT,
                                "expected one of rank and product, not both");
        if ((status = rs_matrix_read_buffer(f->W, product, plen, "product",
                                            NULL, err)))
            return status;
        if (fmpq_mat_nrows(f->W) != f->d[f->L] ||
            fmpq_mat_ncols(f->W) != f->d[0])
            return rs_error_set(err, RS_EINPUT,
                                "product: expected a %ld x %ld matrix (d_L x "
                                "d_0 for dims %s), got %ld x %ld",
                                (long)f->d[f->L], (long)f->d[0], dims,
                                (long)fmpq_mat_nrows(f->W),
                                (long)fmpq_mat_ncols(f->W));
        f->have_W = 1;
        f->r = rs_qmat_rank(f->W);
    } else {
        if (rank < 0)
            return rs_error_set(err, RS_EINPUT,
                                "rank: expected a rank >= 0 or a product");
        f->r = rank;
    }
    for (k = 1, m = f->d[0]; k <= f->L; k++)
        m = FLINT_MIN(m, f->d[k]);
    if (f->r > m)
        return rs_error_set(err, RS_EINPUT,
                            "%s: no network with these widths computes a "
                            "rank-%ld matrix (its rank is at most min d_k = "
                            "%ld)",
                            product != NULL ? "product" : "rank", (long)f->r,
                            (long)m);
    return RS_OK;
}

/* The points of the fiber hold N = sum d_k d_{k-1} exact entries each:
   refused beyond the default --max-entries of the CLI. */
static int check_points(const fiber *f, rs_error_t err)
{
    slong n = rs_weight_space_dim(f->d, f->L);
    if (n > RS_POINT_DEFAULT_MAX_ENTRIES)
        return rs_error_set(err, RS_ELIMIT,
                            "a point of this fiber has %ld weights, more than "
                            "%ld",
                            (long)n, (long)RS_POINT_DEFAULT_MAX_ENTRIES);
    return RS_OK;
}

/* lim (NULL: the defaults) with its defaults filled in, and the work
   bound as a slong for the functions that count states. */
static slong limits(rs_cost_limits_t *l, const rs_cost_limits_t *lim)
{
    rs_cost_limits_set(l, lim);
    return l->max_work < (double)(WORD_MAX / 4) ? (slong)l->max_work
                                                : WORD_MAX / 4;
}

/* rs_cost_check of c against lim (NULL: the defaults). */
static int within(const rs_cost_t *c, const rs_cost_limits_t *lim,
                  const char *job, rs_error_t err)
{
    rs_cost_limits_t l;
    limits(&l, lim);
    return rs_cost_check(c, &l, job, err);
}

/* The cost of a job over the n strata of the fiber (rs_cost_fiber) against
   lim. */
static int check_fiber_cost(const fiber *fb, double n, double lists,
                            const rs_cost_limits_t *lim, const char *job,
                            rs_error_t err)
{
    rs_cost_t c;
    rs_cost_zero(&c);
    rs_cost_fiber(&c, fb->d, fb->L, n, lists, 1);
    return within(&c, lim, job, err);
}

static void fiber_clear(fiber *f)
{
    flint_free(f->d);
    fmpq_mat_clear(f->W);
}

/* ---- the documents ----------------------------------------------------- */

int rs_doc_analyze(char **doc, const char *net, size_t len, const char *name,
                   int flags, slong max_entries, const rs_cost_limits_t *lim,
                   rs_progress_struct *prog, rs_error_t err)
{
    rs_net_t N;
    rs_point_t P;
    rs_point_opts o;
    rs_cost_limits_t l;
    doc_stream s;
    int status;
    if ((status = check_out(doc, err)))
        return status;
    rs_point_opts_init(&o);
    o.subspaces = (flags & RS_DOC_SUBSPACES) != 0;
    o.flow = (flags & RS_DOC_FLOW) != 0;
    o.tangent = (flags & RS_DOC_TANGENT) != 0;
    o.normal = (flags & RS_DOC_NORMAL) != 0;
    o.check = (flags & RS_DOC_CHECK) != 0;
    o.structured = (flags & RS_DOC_STRUCTURED) != 0;
    o.no_count = (flags & RS_DOC_NO_COUNT) != 0;
    if (max_entries > 0)
        o.max_entries = max_entries;
    o.max_work = limits(&l, lim);
    o.max_memory = l.max_memory;
    o.prog = prog;
    rs_net_init_empty(N);
    rs_point_init(P);
    status = read_net(N, net, len, name, err);
    if (status == RS_OK)
        status = rs_point_analyze(P, N, &o, err);
    if (status == RS_OK && (status = doc_open(&s, err)) == RS_OK) {
        rs_point_fprint_json(s.f, P);
        status = doc_close(&s, doc, status, err);
    }
    rs_point_clear(P);
    rs_net_clear(N);
    return status;
}

int rs_doc_net(char **doc, const char *net, size_t len, const char *name,
               rs_error_t err)
{
    rs_net_t N;
    doc_stream s;
    int status;
    if ((status = check_out(doc, err)))
        return status;
    rs_net_init_empty(N);
    status = read_net(N, net, len, name, err);
    if (status == RS_OK && (status = doc_open(&s, err)) == RS_OK) {
        rs_net_fprint(s.f, N);
        status = doc_close(&s, doc, status, err);
    }
    rs_net_clear(N);
    return status;
}

int rs_doc_flow_dot(char **doc, const char *net, size_t len, const char *name,
                    rs_error_t err)
{
    rs_net_t N;
    rs_point_t P;
    rs_point_opts o;
    doc_stream s;
    int status;
    if ((status = check_out(doc, err)))
        return status;
    rs_point_opts_init(&o);
    o.flow_basis = 1;
    o.no_count = 1;
    rs_net_init_empty(N);
    rs_point_init(P);
    status = read_net(N, net, len, name, err);
    if (status == RS_OK)
        status = rs_point_analyze(P, N, &o, err);
    if (status == RS_OK && (status = doc_open(&s, err)) == RS_OK) {
        rs_flow_fprint_dot(s.f, P->flow);
        status = doc_close(&s, doc, status, err);
    }
    rs_point_clear(P);
    rs_net_clear(N);
    return status;
}

/* The work of the counts made before listing or verifying a fiber (as the
   CLI's precount): a fiber too costly to count is bounded by max_strata. */
#define RS_DOC_PRECOUNT_WORK WORD(20000000)
/* The memory a strata store may take (bytes): rank lists of deep networks
   are long, so a bound on the number of strata alone is not enough. */
#define RS_DOC_MAX_STORE_BYTES (WORD(1) << 31)

/* Refuses a fiber with more than max strata (max <= 0: no bound) or whose
   store would exceed RS_DOC_MAX_STORE_BYTES, before listing it. */
static int check_listing(const fiber *fb, slong max, double *count,
                         rs_error_t err)
{
    fmpz_t c;
    rs_error_t e2;
    slong m = fb->L * (fb->L + 1) / 2;
    double n = -1, bytes;
    int status = RS_OK;
    fmpz_init(c);
    rs_error_init(e2);
    if (rs_strata_count(c, fb->d, fb->L, fb->r, RS_DOC_PRECOUNT_WORK, NULL,
                        e2) == RS_OK) {
        if (max > 0 && fmpz_cmp_si(c, max) > 0) {
            char *t = fmpz_get_str(NULL, 10, c);
            status = rs_error_set(err, RS_ELIMIT,
                                  "the fiber has %s strata, more than "
                                  "max_strata %ld",
                                  t, (long)max);
            flint_free(t);
        }
        n = fmpz_get_d(c);
    } else if (max > 0) {
        n = (double)max;
    }
    /* per stratum: its packed rank list (up to 4 bytes an entry), its
       dimension and two hash slots */
    bytes = n * (4.0 * (double)m + 24.0);
    if (status == RS_OK && n < 0)
        status = rs_error_set(err, RS_ELIMIT,
                              "the fiber is too large to count before "
                              "listing it; give a bound max_strata");
    else if (status == RS_OK && bytes > (double)RS_DOC_MAX_STORE_BYTES)
        status = rs_error_set(err, RS_ELIMIT,
                              "listing %.0f strata with rank lists of %ld "
                              "entries needs up to %.0f bytes, more than "
                              "%ld; count them instead, or ask for a "
                              "smaller fiber",
                              n, (long)m, bytes, (long)RS_DOC_MAX_STORE_BYTES);
    fmpz_clear(c);
    *count = n;
    return status;
}

int rs_doc_strata(char **doc, const char *dims, slong rank, const char *product,
                  size_t plen, int covers, slong max_strata,
                  const rs_cost_limits_t *lim, rs_progress_struct *prog,
                  rs_error_t err)
{
    double n = 0;
    fiber fb;
    rs_strata_t S;
    rs_covers_t C;
    rs_invariants_t I;
    _rs_strata_printer p;
    doc_stream s;
    int status, have_S = 0;
    if ((status = check_out(doc, err)))
        return status;
    status = fiber_parse(&fb, dims, rank, product, plen, err);
    rs_covers_init(C);
    rs_invariants_init(I);
    if (status == RS_OK)
        status = check_listing(&fb, max_strata, &n, err);
    if (status == RS_OK)
        status = check_fiber_cost(
            &fb, n, 0, lim,
            covers ? "the strata and their covers" : "the strata", err);
    if (status == RS_OK) {
        rs_strata_init(S, fb.d, fb.L, fb.r);
        have_S = 1;
        status = rs_strata_fill_progress(S, max_strata, prog, err);
    }
    if (status == RS_OK) {
        rs_strata_sort(S);
        if (covers)
            status = rs_strata_covers_progress(C, S, prog, err);
    }
    if (status == RS_OK)
        status = rs_invariants_from_strata(I, S, err);
    /* the document of `rankstrat strata --format json [--hasse]`, written
       by the same printer */
    if (status == RS_OK && (status = doc_open(&s, err)) == RS_OK) {
        _rs_strata_printer_init(&p, s.f, RS_STRATA_JSON, covers != 0, 1, fb.d,
                                fb.L, fb.r, S->n > 0 ? rs_strata_dim(S, 0) : 0,
                                S->n, 0);
        p.inv = I;
        _rs_strata_printer_header(&p);
        _rs_strata_printer_rows(&p, S, C);
        _rs_strata_printer_footer(&p, covers ? C : NULL);
        if (p.failed)
            status = rs_error_set(err, RS_EINTERNAL,
                                  "internal error: a stratum's point count "
                                  "is not a polynomial");
        _rs_strata_printer_clear(&p);
        status = doc_close(&s, doc, status, err);
    }
    if (have_S)
        rs_strata_clear(S);
    rs_invariants_clear(I);
    rs_covers_clear(C);
    fiber_clear(&fb);
    return status;
}

int rs_doc_count(char **doc, const char *dims, slong rank, const char *product,
                 size_t plen, const rs_cost_limits_t *lim,
                 rs_progress_struct *prog, rs_error_t err)
{
    rs_cost_limits_t l;
    slong max_work = limits(&l, lim);
    fiber fb;
    fmpz_t c;
    int status;
    if ((status = check_out(doc, err)))
        return status;
    fmpz_init(c);
    status = fiber_parse(&fb, dims, rank, product, plen, err);
    if (status == RS_OK)
        status = rs_strata_count_progress(c, fb.d, fb.L, fb.r, max_work, NULL,
                                          prog, err);
    if (status == RS_OK) {
        char *t = fmpz_get_str(NULL, 10, c);
        *doc = malloc(strlen(t) + 1);
        if (*doc == NULL)
            status = rs_error_set(err, RS_ELIMIT,
                                  "out of memory for the output document");
        else
            strcpy(*doc, t);
        flint_free(t);
    }
    fmpz_clear(c);
    fiber_clear(&fb);
    return status;
}

int rs_doc_canonical(char **doc, const char *dims, const char *barcode,
                     const char *product, size_t plen,
                     const rs_cost_limits_t *lim, rs_error_t err)
{
    rs_cost_t cost;
    fiber fb;
    rs_barcode_t B;
    rs_net_t N;
    doc_stream s;
    int status;
    if ((status = check_out(doc, err)))
        return status;
    /* the rank comes from the barcode; a product must agree with it */
    status =
        fiber_parse(&fb, dims, product != NULL ? -1 : 0, product, plen, err);
    rs_barcode_init(B, fb.L > 0 ? fb.L : 1);
    rs_net_init_empty(N);
    if (status == RS_OK)
        status = check_points(&fb, err);
    if (status == RS_OK) {
        rs_cost_zero(&cost);
        rs_cost_canonical(&cost, fb.d, fb.L, fb.have_W);
        status = within(&cost, lim, "the barcode and the network", err);
    }
    if (status == RS_OK && barcode == NULL)
        status = rs_error_set(err, RS_EINPUT,
                              "barcode: expected the bars of the stratum, "
                              "got NULL");
    if (status == RS_OK)
        status = rs_parse_barcode(B, fb.L, barcode, "barcode", err);
    if (status == RS_OK)
        status = rs_canonical_check(B, fb.d, fb.L, -1, "barcode", err);
    if (status == RS_OK && fb.have_W && fb.r != rs_barcode_rank(B))
        status = rs_error_set(err, RS_EINPUT,
                              "barcode: bar 0-%ld has multiplicity %ld but "
                              "rank W = %ld (product); the bars 0-L must "
                              "number rank W",
                              (long)fb.L, (long)rs_barcode_rank(B), (long)fb.r);
    if (status == RS_OK)
        status = rs_canonical_point(N, B, fb.have_W ? fb.W : NULL, err);
    if (status == RS_OK && (status = doc_open(&s, err)) == RS_OK) {
        rs_net_fprint(s.f, N);
        status = doc_close(&s, doc, status, err);
    }
    rs_net_clear(N);
    rs_barcode_clear(B);
    fiber_clear(&fb);
    return status;
}

static int do_merge(rs_net_t N, const slong *bars, const char *t,
                    rs_error_t err)
{
    rs_ranks_t R;
    rs_barcode_t B;
    rs_flow_t F;
    fmpq_t x;
    slong p, q;
    int status = RS_OK;
    if (bars == NULL)
        return rs_error_set(err, RS_EINPUT,
                            "merge: expected the bars a, b, c, e, got NULL");
    fmpq_init(x);
    fmpq_one(x);
    if (t != NULL && rs_parse_rational(x, t, strlen(t)) >= 0)
        status = rs_error_set(err, RS_EINPUT,
                              "t: expected an exact number such as -3/2, "
                              "found '%s'",
                              t);
    rs_ranks_init(R, N->L);
    rs_barcode_init(B, N->L);
    rs_flow_init(F);
    if (status == RS_OK && rs_net_ranks(R, N) != RS_OK)
        status = rs_error_set(err, RS_EINTERNAL,
                              "internal error: rs_net_ranks failed");
    if (status == RS_OK) {
        rs_barcode_from_ranks(B, R);
        status = rs_flow_compute(F, N, B, err);
    }
    if (status == RS_OK) {
        p = rs_move_find_strand(F, bars[0], bars[1]);
        q = rs_move_find_strand(F, bars[2], bars[3]);
        if (p < 0 || q < 0)
            status = rs_error_set(err, RS_EINPUT,
                                  "merge: the bars %ld-%ld and %ld-%ld must "
                                  "both be in the barcode of the network",
                                  (long)bars[0], (long)bars[1], (long)bars[2],
                                  (long)bars[3]);
        else
            status = rs_move_merge(N, F, p, q, x, err);
    }
    rs_flow_clear(F);
    rs_ranks_clear(R);
    rs_barcode_clear(B);
    fmpq_clear(x);
    return status;
}

int rs_doc_move(char **doc, const char *net, size_t len, const char *name,
                int kind, slong k, const char *matrix, size_t mlen,
                const slong *bars, const char *t, const rs_cost_limits_t *lim,
                rs_error_t err)
{
    rs_net_t N;
    fmpq_mat_t M;
    rs_cost_t cost;
    doc_stream s;
    int status;
    if ((status = check_out(doc, err)))
        return status;
    rs_net_init_empty(N);
    fmpq_mat_init(M, 0, 0);
    status = read_net(N, net, len, name, err);
    if (status == RS_OK && kind >= RS_DOC_MOVE_HIDDEN &&
        kind <= RS_DOC_MOVE_ONE) {
        if (matrix == NULL)
            status = rs_error_set(err, RS_EINPUT,
                                  "matrix: expected a matrix, got NULL");
        else
            status =
                rs_matrix_read_buffer(M, matrix, mlen, "matrix", NULL, err);
    }
    if (status == RS_OK) {
        /* the rank lists before and after, as `rankstrat move` checks */
        rs_cost_zero(&cost);
        rs_cost_move(&cost, N, rs_cost_mat_bits(M));
        status = within(&cost, lim, "the rank lists", err);
    }
    if (status == RS_OK) {
        switch (kind) {
        case RS_DOC_MOVE_HIDDEN:
            status = rs_move_hidden(N, k, M, err);
            break;
        case RS_DOC_MOVE_END:
            status = rs_move_end(N, k, M, err);
            break;
        case RS_DOC_MOVE_ONE:
            status = rs_move_one_matrix(N, k, M, err);
            break;
        case RS_DOC_MOVE_MERGE:
            status = do_merge(N, bars, t, err);
            break;
        case RS_DOC_MOVE_RANDOM: {
            flint_rand_t st;
            rs_rand_init(st);
            rs_rand_seed(st, (ulong)k, (ulong)k + 1);
            status = rs_move_randomize(N, st, 2, err);
            rs_rand_clear(st);
            break;
        }
        default:
            status =
                rs_error_set(err, RS_EINPUT, "move: unknown kind %d", kind);
        }
    }
    if (status == RS_OK && (status = doc_open(&s, err)) == RS_OK) {
        rs_net_fprint(s.f, N);
        status = doc_close(&s, doc, status, err);
    }
    fmpq_mat_clear(M);
    rs_net_clear(N);
    return status;
}

int rs_doc_verify(char **doc, const char *dims, slong rank, const char *product,
                  size_t plen, ulong seed, slong max_strata,
                  const rs_cost_limits_t *lim, rs_progress_struct *prog,
                  rs_error_t err)
{
    double n = 0;
    fiber fb;
    rs_verify_report_t R;
    rs_verify_opts_t o;
    rs_error_t e2;
    doc_stream s;
    int status;
    if ((status = check_out(doc, err)))
        return status;
    rs_verify_report_init(R);
    status = fiber_parse(&fb, dims, rank, product, plen, err);
    if (status == RS_OK)
        status = check_points(&fb, err);
    if (status == RS_OK)
        status = check_listing(&fb, max_strata, &n, err);
    /* per stratum about two rank lists of a point, as `rankstrat verify`
       estimates */
    if (status == RS_OK)
        status = check_fiber_cost(&fb, n, 2, lim, "the checks of every stratum",
                                  err);
    if (status == RS_OK) {
        rs_verify_opts_init(&o);
        o.seed = seed;
        o.cancel = prog;
        rs_error_init(e2);
        status = rs_verify_shape(R, fb.d, fb.L, fb.r, fb.have_W ? fb.W : NULL,
                                 &o, e2);
        if (status == RS_EINTERNAL) /* failures go into the document */
            status = RS_OK;
        else if (status != RS_OK)
            rs_error_set(err, status, "%s", e2->msg);
    }
    if (status == RS_OK && (status = doc_open(&s, err)) == RS_OK) {
        rs_verify_report_fprint_json(s.f, R, fb.d, fb.L, fb.r,
                                     fb.have_W ? fb.W : NULL, seed, NULL);
        status = doc_close(&s, doc, status, err);
    }
    rs_verify_report_clear(R);
    fiber_clear(&fb);
    return status;
}
