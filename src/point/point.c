/* The analysis of one network point: rank list, barcode, stratum, fiber
   and, as the options ask, the local geometry of the stratum. */
#include <math.h>
#include <string.h>

#include "rankstrat/limits.h"
#include "rankstrat/point.h"
#include "rankstrat/strata.h"

void rs_point_opts_init(rs_point_opts *o)
{
    memset(o, 0, sizeof *o);
    o->max_entries = RS_POINT_DEFAULT_MAX_ENTRIES;
    o->max_work = RS_POINT_DEFAULT_MAX_WORK;
}

void rs_point_init(rs_point_t P)
{
    memset(P, 0, sizeof *P);
    rs_point_opts_init(&P->o);
    rs_ranks_init(P->ranks, 0);
    rs_barcode_init(P->barcode, 0);
    fmpz_init(P->components);
    fmpz_init(P->strata);
    rs_flow_init(P->flow);
    rs_rank1_basis_init(P->tangent, RS_RANK1_TANGENT);
    rs_rank1_basis_init(P->normal, RS_RANK1_NORMAL);
}

void rs_point_clear(rs_point_t P)
{
    slong k;
    if (P->layers != NULL) {
        for (k = 0; k <= P->L; k++)
            rs_layer_clear(P->layers + k);
        flint_free(P->layers);
        P->layers = NULL;
    }
    rs_ranks_clear(P->ranks);
    rs_barcode_clear(P->barcode);
    fmpz_clear(P->components);
    fmpz_clear(P->strata);
    rs_flow_clear(P->flow);
    rs_rank1_basis_clear(P->tangent);
    rs_rank1_basis_clear(P->normal);
}

static int wants_flow(const rs_point_opts *o)
{
    return o->flow || o->flow_basis || o->tangent || o->normal || o->check;
}

/* Sizes are estimated in floating point so that huge shapes saturate
   instead of overflowing. */
static int refuse(rs_error_t err, const char *what, double entries, slong max,
                  const char *hint)
{
    return rs_error_set(err, RS_ELIMIT,
                        "%s needs %.0f exact matrix entries, more than "
                        "--max-entries %ld; %s",
                        what, entries, (long)max, hint);
}

static double sum_sq(const rs_net_t N)
{
    slong k;
    double s = 0;
    for (k = 0; k <= N->L; k++)
        s += (double)N->d[k] * (double)N->d[k];
    return s;
}

/* Entries of all subspace bases of --subspaces: at layer k, 2(k+1) +
   2(L-k+1) flags and 2(k+1)(L-k+1) intersections, each at most d_k^2. */
static double subspace_entries(const rs_net_t N)
{
    slong L = N->L, k;
    double s = 0;
    for (k = 0; k <= L; k++)
        s += (double)N->d[k] * (double)N->d[k] *
             (2.0 * (k + 1) + 2.0 * (L - k + 1) + 2.0 * (k + 1) * (L - k + 1));
    return s;
}

/* Entries reported for the bases: d_m + d_{m-1} per rank-one term. */
static double structured_entries(const rs_rank1_basis_t B, const rs_net_t N)
{
    slong t, i;
    double s = 0;
    for (t = 0; t < rs_rank1_basis_len(B); t++)
        for (i = 0; i < rs_rank1_basis_num_terms(B, t); i++) {
            slong m = rs_rank1_basis_term(B, t, i)->layer;
            s += (double)(N->d[m] + N->d[m - 1]);
        }
    return s;
}

/* RS_ECANCEL if the caller's token is cancelled (checked between the
   stages of the analysis), else RS_OK. */
static int cancelled(rs_point_t P, rs_error_t err)
{
    if (P->o.prog != NULL && P->o.prog->cancel)
        return rs_error_set(err, RS_ECANCEL, "cancelled");
    return RS_OK;
}

/* The exact number of strata of the fiber, unless the counting programme
   would exceed the work bound (then it is reported as not counted, with
   the reason). */
static int count_strata(rs_point_t P, rs_error_t err)
{
    rs_error_t e;
    int status;
    rs_error_init(e);
    status = rs_strata_count_progress(P->strata, P->net->d, P->L, P->rank,
                                      P->o.max_work, NULL, P->o.prog, e);
    if (status == RS_OK) {
        P->strata_counted = 1;
        return RS_OK;
    }
    if (status == RS_ELIMIT) {
        snprintf(P->strata_note, sizeof P->strata_note, "%s", e->msg);
        return RS_OK;
    }
    return rs_error_set(err, status, "%s", e->msg);
}

static int stratum(rs_point_t P, rs_error_t err)
{
    rs_net_struct *net = P->net;
    slong dim_ranks;
    int status;
    /* the rank list keeps certified column blocks Z_ji[:, S_ji] of every
       partial product, and the geometry uses the products themselves:
       both cost up to sum_{i<=j} d_j d_i entries */
    if ((status = rs_limits_check_products(net->d, P->L, P->o.max_entries,
                                           "--max-entries", err)))
        return status;
    if ((status = cancelled(P, err)))
        return status;
    if (rs_net_ranks(P->ranks, net) != RS_OK)
        return rs_error_set(err, RS_EINTERNAL,
                            "internal error: a certified rank is below its "
                            "modular lower bound (rs_net_ranks)");
    rs_barcode_from_ranks(P->barcode, P->ranks);
    P->rank = rs_ranks_get(P->ranks, 0, P->L);
    if (!rs_barcode_is_valid(P->barcode, net->d, P->rank))
        return rs_error_set(err, RS_EINTERNAL,
                            "internal error: the rank list of the network "
                            "gives a negative barcode multiplicity");
    P->dim = rs_barcode_dim(P->barcode);
    dim_ranks = rs_ranks_dim(P->ranks);
    if (dim_ranks != P->dim)
        return rs_error_set(err, RS_EINTERNAL,
                            "internal error: the two dimension formulas "
                            "disagree (%ld from the barcode, %ld from the "
                            "rank list)",
                            (long)P->dim, (long)dim_ranks);
    P->codim = P->N - P->dim;
    rs_barcode_components(P->components, P->barcode);
    P->minimal = rs_barcode_is_minimal(P->barcode);
    P->maximal = rs_barcode_is_maximal(P->barcode);
    P->fiber_dim = rs_fiber_dim(net->d, P->L, P->rank);
    P->smooth = rs_fiber_is_smooth(net->d, P->L, P->rank);
    if (P->dim > P->fiber_dim)
        return rs_error_set(err, RS_EINTERNAL,
                            "internal error: stratum dimension %ld exceeds "
                            "the fiber dimension %ld",
                            (long)P->dim, (long)P->fiber_dim);
    if (P->o.no_count) {
        snprintf(P->strata_note, sizeof P->strata_note, "not asked for");
        return RS_OK;
    }
    if ((status = cancelled(P, err)))
        return status;
    return count_strata(P, err);
}

static int compute_subspaces(rs_point_t P, rs_error_t err)
{
    slong L = P->L, k;
    int status = RS_OK;
    P->layers = flint_malloc((L + 1) * sizeof(rs_layer_struct));
    for (k = 0; k <= L; k++)
        rs_layer_init(P->layers + k, P->net, k);
    for (k = 0; k <= L && status == RS_OK; k++)
        if ((status = cancelled(P, err)) == RS_OK)
            status = rs_layer_check(P->layers + k, P->ranks, err);
    return status;
}

static int compute_check(rs_point_t P, rs_error_t err)
{
    const rs_tangent_check_t *c = &P->check;
    char msg[512] = "";
    rs_tangent_check(&P->check, P->net, P->barcode, P->flow, P->tangent,
                     P->normal);
    P->have_check = 1;
    if (rs_tangent_check_passed(c))
        return RS_OK;
    if (!c->spans_equal)
        strcat(msg, " tangent span differs from the independent T_theta S;");
    if (c->dim_independent != c->dim_formula ||
        c->tangent_len != c->dim_formula)
        strcat(msg, " dim T differs from the formula;");
    if (!c->orthogonal)
        strcat(msg, " normal basis not orthogonal to T_theta S;");
    if (c->tangent_len + c->normal_len != c->N)
        strcat(msg, " dim T + dim N != N;");
    if (c->tangent_rank != c->tangent_len)
        strcat(msg, " tangent basis dependent;");
    if (c->normal_rank != c->normal_len)
        strcat(msg, " normal basis dependent;");
    return rs_error_set(err, RS_EINTERNAL,
                        "internal error: --check failed:%s (independent dim "
                        "%ld, formula %ld, tangent %ld of rank %ld, normal "
                        "%ld of rank %ld, N = %ld)",
                        msg, (long)c->dim_independent, (long)c->dim_formula,
                        (long)c->tangent_len, (long)c->tangent_rank,
                        (long)c->normal_len, (long)c->normal_rank, (long)c->N);
}

/* Refuses oversized jobs before computing anything. */
static int check_sizes(rs_point_t P, rs_error_t err)
{
    const rs_point_opts *o = &P->o;
    double max = (double)o->max_entries, e;
    if (!o->structured && (o->tangent || o->normal)) {
        double n = (double)P->N, dim = (double)P->dim;
        e = n * ((o->tangent ? dim : 0) + (o->normal ? n - dim : 0));
        if (e > max)
            return refuse(err, "dense --tangent/--normal output", e,
                          o->max_entries,
                          "use --structured to write each basis vector as "
                          "its rank-one terms, or raise --max-entries");
    }
    if ((e = sum_sq(P->net)) > max)
        return refuse(err, "the flow basis", e, o->max_entries,
                      "raise --max-entries");
    if (o->subspaces && (e = subspace_entries(P->net)) > max)
        return refuse(err, "--subspaces", e, o->max_entries,
                      "raise --max-entries");
    if (o->check && (e = (double)rs_tangent_check_entries(P->net)) > max)
        return refuse(err, "--check", e, o->max_entries, "raise --max-entries");
    return RS_OK;
}

static int geometry(rs_point_t P, rs_error_t err)
{
    const rs_point_opts *o = &P->o;
    int status;
    if (!o->subspaces && !wants_flow(o))
        return RS_OK;
    if ((status = check_sizes(P, err)))
        return status;
    if (o->subspaces && (status = compute_subspaces(P, err)))
        return status;
    if (!wants_flow(o))
        return RS_OK;
    if ((status = cancelled(P, err)))
        return status;
    if ((status = rs_flow_compute(P->flow, P->net, P->barcode, err)))
        return status;
    P->have_flow = 1;
    if (!(o->tangent || o->normal || o->check))
        return RS_OK;
    if ((status = cancelled(P, err)))
        return status;
    rs_tangent_basis(P->tangent, P->flow);
    rs_normal_basis(P->normal, P->flow);
    P->have_bases = 1;
    if (o->structured && (o->tangent || o->normal)) {
        double e = (o->tangent ? structured_entries(P->tangent, P->net) : 0) +
                   (o->normal ? structured_entries(P->normal, P->net) : 0);
        if (e > (double)o->max_entries)
            return refuse(err, "structured --tangent/--normal output", e,
                          o->max_entries, "raise --max-entries");
    }
    if (o->check && (status = cancelled(P, err)) == RS_OK)
        return compute_check(P, err);
    return status;
}

/* The rank list (every partial product, at the entries' bit sizes) against
   the limits before anything is computed; the strata count keeps what it
   leaves of the work bound (at least one state). */
static int check_cost(rs_point_t P, const rs_net_t N, rs_error_t err)
{
    rs_cost_limits_t lim;
    rs_cost_t cost;
    int status;
    lim.max_memory = P->o.max_memory;
    lim.max_work = (double)P->o.max_work;
    rs_cost_limits_set(&lim, &lim);
    rs_cost_zero(&cost);
    rs_cost_ranks(&cost, N->d, N->L, (double)rs_cost_net_bits(N));
    if ((status = rs_cost_check(&cost, &lim, "the rank list", err)))
        return status;
    P->o.max_work = (slong)FLINT_MAX(1, lim.max_work - ceil(cost.work));
    return RS_OK;
}

int rs_point_analyze(rs_point_t P, rs_net_t N, const rs_point_opts *o,
                     rs_error_t err)
{
    int status;
    if (P == NULL)
        return rs_error_set(err, RS_EINPUT,
                            "rs_point_analyze: expected a point, got NULL");
    if ((status = rs_net_check(N, "rs_point_analyze", err)))
        return status;
    rs_point_clear(P);
    rs_point_init(P);
    if (o != NULL)
        P->o = *o;
    if (P->o.max_work <= 0)
        P->o.max_work = RS_POINT_DEFAULT_MAX_WORK;
    if ((status = check_cost(P, N, err)))
        return status;
    P->net = N;
    P->L = N->L;
    P->N = rs_net_num_params(N);
    if ((status = stratum(P, err)))
        return status;
    return geometry(P, err);
}
