/* rankstrat analyze: computing the local geometry the options ask for. */
#include <string.h>

#include "cli/analyze.h"

int rs_geom_wanted(const rs_geom_opts *o)
{
    return o->subspaces || o->flow || o->tangent || o->normal || o->check ||
           o->flow_svg != NULL || o->flow_dot != NULL;
}

static int needs_flow(const rs_geom_opts *o)
{
    return o->flow || o->tangent || o->normal || o->check ||
           o->flow_svg != NULL || o->flow_dot != NULL;
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

/* Entries printed for the bases: N per dense vector, or d_m + d_{m-1} per
   rank-one term. */
static double basis_entries(const rs_rank1_basis_t B, const rs_net_t N,
                            int structured)
{
    slong t, i;
    double s = 0;
    if (!structured)
        return (double)rs_net_num_params(N) * (double)rs_rank1_basis_len(B);
    for (t = 0; t < rs_rank1_basis_len(B); t++)
        for (i = 0; i < rs_rank1_basis_num_terms(B, t); i++) {
            slong m = rs_rank1_basis_term(B, t, i)->layer;
            s += (double)(N->d[m] + N->d[m - 1]);
        }
    return s;
}

static int compute_subspaces(rs_geometry *g, rs_net_t N, const rs_ranks_t R,
                             rs_error_t err)
{
    slong L = N->L, k;
    int status = RS_OK;
    g->layers = flint_malloc((L + 1) * sizeof(rs_layer_struct));
    for (k = 0; k <= L; k++)
        rs_layer_init(g->layers + k, N, k);
    for (k = 0; k <= L && status == RS_OK; k++)
        status = rs_layer_check(g->layers + k, R, err);
    return status;
}

static int compute_check(rs_geometry *g, rs_net_t N, const rs_barcode_t B,
                         rs_error_t err)
{
    const rs_tangent_check_t *c = &g->check;
    char msg[512] = "";
    rs_tangent_check(&g->check, N, B, g->flow, g->T, g->Nb);
    g->have_check = 1;
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

int rs_geometry_compute(rs_geometry *g, rs_net_t N, const rs_ranks_t R,
                        const rs_barcode_t B, const rs_geom_opts *o,
                        rs_error_t err)
{
    double max = (double)o->max_entries, e;
    int status;

    g->o = *o;
    g->layers = NULL;
    g->have_flow = g->have_bases = g->have_check = 0;
    rs_flow_init(g->flow);
    rs_rank1_basis_init(g->T, RS_RANK1_TANGENT);
    rs_rank1_basis_init(g->Nb, RS_RANK1_NORMAL);
    if (!rs_geom_wanted(o))
        return RS_OK;

    /* refuse oversized jobs before computing anything */
    if (!o->structured && (o->tangent || o->normal)) {
        double n = (double)rs_net_num_params(N), dim = rs_barcode_dim(B);
        e = n * ((o->tangent ? dim : 0) + (o->normal ? n - dim : 0));
        if (e > max)
            return refuse(err, "dense --tangent/--normal output", e,
                          o->max_entries,
                          "use --structured to write each basis vector as "
                          "its rank-one terms, or raise --max-entries");
    }
    if ((e = sum_sq(N)) > max)
        return refuse(err, "the flow basis", e, o->max_entries,
                      "raise --max-entries");
    if (o->subspaces && (e = subspace_entries(N)) > max)
        return refuse(err, "--subspaces", e, o->max_entries,
                      "raise --max-entries");
    if (o->check && (e = (double)rs_tangent_check_entries(N)) > max)
        return refuse(err, "--check", e, o->max_entries, "raise --max-entries");

    if (o->subspaces && (status = compute_subspaces(g, N, R, err)))
        return status;
    if (!needs_flow(o))
        return RS_OK;
    if ((status = rs_flow_compute(g->flow, N, B, err)))
        return status;
    g->have_flow = 1;
    if (!(o->tangent || o->normal || o->check))
        return RS_OK;
    rs_tangent_basis(g->T, g->flow);
    rs_normal_basis(g->Nb, g->flow);
    g->have_bases = 1;
    if (o->structured && (o->tangent || o->normal)) {
        e = (o->tangent ? basis_entries(g->T, N, 1) : 0) +
            (o->normal ? basis_entries(g->Nb, N, 1) : 0);
        if (e > max)
            return refuse(err, "structured --tangent/--normal output", e,
                          o->max_entries, "raise --max-entries");
    }
    if (o->check)
        return compute_check(g, N, B, err);
    return RS_OK;
}

void rs_geometry_clear(rs_geometry *g, const rs_net_t N)
{
    slong k;
    if (g->layers != NULL) {
        for (k = 0; k <= N->L; k++)
            rs_layer_clear(g->layers + k);
        flint_free(g->layers);
    }
    rs_flow_clear(g->flow);
    rs_rank1_basis_clear(g->T);
    rs_rank1_basis_clear(g->Nb);
}
