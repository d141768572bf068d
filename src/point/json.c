/* The rankstrat-point JSON document of an analysed point (the output of
   `rankstrat analyze --format json`, docs/formats.md). */
#include <flint/fmpq_vec.h>

#include "rankstrat/io.h"
#include "rankstrat/point.h"

/* ---- helpers ---------------------------------------------------------- */

/* Column j of M copied into x. */
static void get_col(fmpq *x, const fmpq_mat_t M, slong j)
{
    slong i;
    for (i = 0; i < fmpq_mat_nrows(M); i++)
        fmpq_set(x + i, fmpq_mat_entry(M, i, j));
}

static slong max_width(const rs_net_t N)
{
    slong k, w = 1;
    for (k = 0; k <= N->L; k++)
        w = FLINT_MAX(w, N->d[k]);
    return w;
}

static void json_vec(FILE *f, const fmpq *x, slong n)
{
    slong i;
    fputc('[', f);
    for (i = 0; i < n; i++) {
        if (i > 0)
            fputc(',', f);
        rs_json_fprint_fmpq(f, x + i);
    }
    fputc(']', f);
}

static void json_space(FILE *f, const char *idx, const rs_qspace_t V, fmpq *x)
{
    const fmpq_mat_struct *Bs = rs_qspace_basis(V);
    slong j;
    fprintf(f, "%s, \"dim\": %ld, \"basis\": [", idx, (long)rs_qspace_dim(V));
    for (j = 0; j < rs_qspace_dim(V); j++) {
        if (j > 0)
            fputc(',', f);
        get_col(x, Bs, j);
        json_vec(f, x, rs_qspace_ambient(V));
    }
    fputs("]}", f);
}

static void json_subspaces(FILE *f, const rs_point_struct *g, rs_net_t N)
{
    slong L = N->L, k, i, j, n;
    fmpq *x = _fmpq_vec_init(max_width(N));
    char idx[96];
    fprintf(f, ",\n \"subspaces\": [");
    for (k = 0; k <= L; k++) {
        const rs_layer_struct *S = g->layers + k;
        rs_qspace_t V;
        fprintf(f, "%s\n  {\"layer\": %ld,\n   \"col\": [", k ? "," : "",
                (long)k);
        for (i = 0; i <= k; i++) {
            snprintf(idx, sizeof idx, "%s{\"i\": %ld", i ? ", " : "", (long)i);
            json_space(f, idx, rs_layer_col(S, i), x);
        }
        fprintf(f, "],\n   \"left_null\": [");
        for (i = 0; i <= k; i++) {
            snprintf(idx, sizeof idx, "%s{\"i\": %ld", i ? ", " : "", (long)i);
            json_space(f, idx, rs_layer_left_null(S, i), x);
        }
        fprintf(f, "],\n   \"null\": [");
        for (j = k; j <= L; j++) {
            snprintf(idx, sizeof idx, "%s{\"j\": %ld", j > k ? ", " : "",
                     (long)j);
            json_space(f, idx, rs_layer_null(S, j), x);
        }
        fprintf(f, "],\n   \"row\": [");
        for (j = k; j <= L; j++) {
            snprintf(idx, sizeof idx, "%s{\"j\": %ld", j > k ? ", " : "",
                     (long)j);
            json_space(f, idx, rs_layer_row(S, j), x);
        }
        rs_qspace_init(V, N->d[k]);
        fprintf(f, "],\n   \"A\": [");
        for (i = 0, n = 0; i <= k; i++)
            for (j = k; j <= L; j++) {
                snprintf(idx, sizeof idx, "%s{\"j\": %ld, \"i\": %ld",
                         n++ ? ", " : "", (long)j, (long)i);
                rs_layer_A(V, S, j, i);
                json_space(f, idx, V, x);
            }
        fprintf(f, "],\n   \"B\": [");
        for (i = 0, n = 0; i <= k; i++)
            for (j = k; j <= L; j++) {
                snprintf(idx, sizeof idx, "%s{\"j\": %ld, \"i\": %ld",
                         n++ ? ", " : "", (long)j, (long)i);
                rs_layer_B(V, S, j, i);
                json_space(f, idx, V, x);
            }
        fprintf(f, "]}");
        rs_qspace_clear(V);
    }
    fprintf(f, "]");
    _fmpq_vec_clear(x, max_width(N));
}

static void json_flow(FILE *f, const rs_point_struct *g, rs_net_t N)
{
    const rs_flow_struct *F = g->flow;
    slong s, k, w = max_width(N);
    fmpq *x = _fmpq_vec_init(w);
    fprintf(f, ",\n \"flow\": {\"vectors\": [");
    for (s = 0; s < F->num; s++) {
        fprintf(f, "%s\n  {\"strand\": %ld, \"bar\": [%ld,%ld], \"v\": [",
                s ? "," : "", (long)s, (long)F->birth[s], (long)F->death[s]);
        for (k = F->birth[s]; k <= F->death[s]; k++) {
            if (k > F->birth[s])
                fputc(',', f);
            rs_flow_get_v(x, F, s, k);
            json_vec(f, x, F->d[k]);
        }
        fprintf(f, "], \"phi\": [");
        for (k = F->birth[s]; k <= F->death[s]; k++) {
            if (k > F->birth[s])
                fputc(',', f);
            rs_flow_get_phi(x, F, s, k);
            json_vec(f, x, F->d[k]);
        }
        fprintf(f, "]}");
    }
    fprintf(f, "]}");
    _fmpq_vec_clear(x, w);
}

static void json_basis(FILE *f, const rs_point_struct *g, rs_net_t N,
                       const rs_rank1_basis_t B)
{
    const rs_flow_struct *F = g->flow;
    slong t, i, n = rs_net_num_params(N), w = max_width(N);
    int tangent = B->kind == RS_RANK1_TANGENT;
    fmpq *x = _fmpq_vec_init(FLINT_MAX(n, 1)), *u = _fmpq_vec_init(w),
         *v = _fmpq_vec_init(w);
    fprintf(f, ",\n \"%s\": {\"dim\": %ld,\n  \"generators\": [",
            tangent ? "tangent" : "normal", (long)rs_rank1_basis_len(B));
    for (t = 0; t < rs_rank1_basis_len(B); t++) {
        const slong *l = B->label + 3 * t;
        if (tangent)
            fprintf(f, "%s[%ld,%ld,%ld]", t ? "," : "", (long)l[0], (long)l[1],
                    (long)l[2]);
        else
            fprintf(f, "%s[%ld,%ld]", t ? "," : "", (long)l[0], (long)l[1]);
    }
    fprintf(f, "],\n  \"%s\": [", g->o.structured ? "terms" : "basis");
    for (t = 0; t < rs_rank1_basis_len(B); t++) {
        fprintf(f, "%s\n   ", t ? "," : "");
        if (!g->o.structured) {
            rs_rank1_basis_get_vec(x, B, F, t);
            json_vec(f, x, n);
            continue;
        }
        fputc('[', f);
        for (i = 0; i < rs_rank1_basis_num_terms(B, t); i++) {
            const rs_rank1_term_struct *term = rs_rank1_basis_term(B, t, i);
            slong m = term->layer;
            rs_rank1_term_vectors(u, v, B, F, term);
            fprintf(f,
                    "%s{\"layer\": %ld, \"sign\": %ld, \"u\": ", i ? ", " : "",
                    (long)m, (long)term->sign);
            json_vec(f, u, N->d[m]);
            fprintf(f, ", \"v\": ");
            json_vec(f, v, N->d[m - 1]);
            fputc('}', f);
        }
        fputc(']', f);
    }
    fprintf(f, "]}");
    _fmpq_vec_clear(x, FLINT_MAX(n, 1));
    _fmpq_vec_clear(u, w);
    _fmpq_vec_clear(v, w);
}

static const char *tf(int b)
{
    return b ? "true" : "false";
}

static void json_check(FILE *f, const rs_tangent_check_t *c)
{
    fprintf(f,
            ",\n \"check\": {\"passed\": %s, "
            "\"tangent_span_equals_independent\": %s,\n"
            "  \"independent_dim\": %ld, \"formula_dim\": %ld, "
            "\"tangent_dim_equals_formula\": %s,\n"
            "  \"normal_orthogonal_to_tangent\": %s, "
            "\"dims_add_up\": %s,\n"
            "  \"tangent_independent\": %s, \"normal_independent\": %s}",
            tf(rs_tangent_check_passed(c)), tf(c->spans_equal),
            (long)c->dim_independent, (long)c->dim_formula,
            tf(c->dim_independent == c->dim_formula &&
               c->tangent_len == c->dim_formula),
            tf(c->orthogonal), tf(c->tangent_len + c->normal_len == c->N),
            tf(c->tangent_rank == c->tangent_len),
            tf(c->normal_rank == c->normal_len));
}

static void print_geometry(FILE *f, const rs_point_struct *g, rs_net_t N)
{
    const rs_flow_struct *F = g->flow;
    slong s;
    if (g->have_flow) {
        fprintf(f, ",\n \"strands\": [");
        for (s = 0; s < F->num; s++)
            fprintf(f, "%s[%ld,%ld]", s ? "," : "", (long)F->birth[s],
                    (long)F->death[s]);
        fputc(']', f);
    }
    if (g->layers != NULL)
        json_subspaces(f, g, N);
    if (g->have_flow && g->o.flow)
        json_flow(f, g, N);
    if (g->have_bases && g->o.tangent)
        json_basis(f, g, N, g->tangent);
    if (g->have_bases && g->o.normal)
        json_basis(f, g, N, g->normal);
    if (g->have_check)
        json_check(f, &g->check);
}

/* ---- the document ----------------------------------------------------- */

void rs_point_fprint_json(FILE *f, const rs_point_t P)
{
    rs_net_struct *net = P->net;
    fprintf(f, "{\"format\": \"rankstrat-point\", \"version\": 1,\n");
    fprintf(f, " \"dims\": ");
    rs_json_print_dims(f, net->d, P->L);
    fprintf(f, ", \"weight_space_dim\": %ld,\n \"product\": ", (long)P->N);
    rs_json_fprint_qmat(f, rs_net_product(net, P->L, 0));
    fprintf(f, ", \"rank\": %ld,\n \"ranks\": ", (long)P->rank);
    rs_json_print_ranks(f, P->ranks);
    fprintf(f, ",\n \"barcode\": ");
    rs_json_print_barcode(f, P->barcode);
    fprintf(f,
            ",\n \"stratum\": {\"dim\": %ld, \"codim\": %ld, "
            "\"components\": ",
            (long)P->dim, (long)P->codim);
    fmpz_fprint(f, P->components);
    fprintf(f, ", \"minimal\": %s, \"maximal\": %s},\n",
            P->minimal ? "true" : "false", P->maximal ? "true" : "false");
    fprintf(f, " \"fiber\": {\"dim\": %ld, \"smooth\": %s, \"strata\": ",
            (long)P->fiber_dim, P->smooth ? "true" : "false");
    if (P->strata_counted)
        fmpz_fprint(f, P->strata);
    else
        fprintf(f, "null");
    fputc('}', f);
    print_geometry(f, P, net);
    fprintf(f, "}\n");
}
