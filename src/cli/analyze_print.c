/* rankstrat analyze: text output of the local geometry. */
#include <stdarg.h>

#include <flint/fmpq_vec.h>

#include "cli/analyze.h"

/* ---- vectors ---------------------------------------------------------- */

static void text_vec(FILE *f, const fmpq *x, slong n)
{
    slong i;
    fputc('(', f);
    for (i = 0; i < n; i++) {
        if (i > 0)
            fputs(", ", f);
        fmpq_fprint(f, x + i);
    }
    fputc(')', f);
}

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

/* ---- subspaces -------------------------------------------------------- */

static void text_space(FILE *f, const char *name, const rs_qspace_t V, fmpq *x)
{
    const fmpq_mat_struct *Bs = rs_qspace_basis(V);
    slong j;
    fprintf(f, "    %-20s dim %ld", name, (long)rs_qspace_dim(V));
    for (j = 0; j < rs_qspace_dim(V); j++) {
        fputs(j == 0 ? "  basis " : " ", f);
        get_col(x, Bs, j);
        text_vec(f, x, rs_qspace_ambient(V));
    }
    fputc('\n', f);
}

static void text_subspaces(FILE *f, const rs_point_struct *g, rs_net_t N)
{
    slong L = N->L, k, i, j;
    fmpq *x = _fmpq_vec_init(max_width(N));
    char name[96];
    fprintf(f, "\nsubspaces   at each layer k, for all i <= k <= j "
               "(docs/math.md\n            section 5); every dimension is "
               "checked against the rank list:\n            A_{k,j,i} = col "
               "W_{k,i} & null "
               "W_{j,k} (dim r_ki - r_ji),\n            B_{k,j,i} = null "
               "W_{k,i}^T & row W_{j,k} (dim r_jk - r_ji)\n");
    for (k = 0; k <= L; k++) {
        const rs_layer_struct *S = g->layers + k;
        rs_qspace_t V;
        fprintf(f, "  layer %ld (d_%ld = %ld)\n", (long)k, (long)k,
                (long)N->d[k]);
        for (i = 0; i <= k; i++) {
            snprintf(name, sizeof name, "col W_{%ld,%ld}", (long)k, (long)i);
            text_space(f, name, rs_layer_col(S, i), x);
        }
        for (i = 0; i <= k; i++) {
            snprintf(name, sizeof name, "null W_{%ld,%ld}^T", (long)k, (long)i);
            text_space(f, name, rs_layer_left_null(S, i), x);
        }
        for (j = k; j <= L; j++) {
            snprintf(name, sizeof name, "null W_{%ld,%ld}", (long)j, (long)k);
            text_space(f, name, rs_layer_null(S, j), x);
        }
        for (j = k; j <= L; j++) {
            snprintf(name, sizeof name, "row W_{%ld,%ld}", (long)j, (long)k);
            text_space(f, name, rs_layer_row(S, j), x);
        }
        rs_qspace_init(V, N->d[k]);
        for (i = 0; i <= k; i++)
            for (j = k; j <= L; j++) {
                snprintf(name, sizeof name, "A_{%ld,%ld,%ld}", (long)k, (long)j,
                         (long)i);
                rs_layer_A(V, S, j, i);
                text_space(f, name, V, x);
            }
        for (i = 0; i <= k; i++)
            for (j = k; j <= L; j++) {
                snprintf(name, sizeof name, "B_{%ld,%ld,%ld}", (long)k, (long)j,
                         (long)i);
                rs_layer_B(V, S, j, i);
                text_space(f, name, V, x);
            }
        rs_qspace_clear(V);
    }
    _fmpq_vec_clear(x, max_width(N));
}

/* ---- flow basis ------------------------------------------------------- */

static void text_flow(FILE *f, const rs_point_struct *g, rs_net_t N)
{
    const rs_flow_struct *F = g->flow;
    slong s, k, w = max_width(N);
    fmpq *x = _fmpq_vec_init(w);
    fprintf(f, "\nflow basis  strands s in canonical order: the [0,L] "
               "strands first, then by\n            birth and death; "
               "W_{k+1} v_s^(k) = v_s^(k+1) or 0 and\n            "
               "W_{k+1}^T phi_s^(k+1) = phi_s^(k) or 0, verified exactly\n"
               "  diagram (o: basis vector v_s^(k); -->: W_{k+1} maps it to "
               "v_s^(k+1);\n           --x: W_{k+1} maps it to 0)\n");
    rs_flow_fprint_diagram(f, F, "    ");
    fprintf(f, "  vectors\n");
    for (s = 0; s < F->num; s++) {
        fprintf(f, "    s%ld [%ld,%ld]\n", (long)s, (long)F->birth[s],
                (long)F->death[s]);
        for (k = F->birth[s]; k <= F->death[s]; k++) {
            fprintf(f, "      v^(%ld) = ", (long)k);
            rs_flow_get_v(x, F, s, k);
            text_vec(f, x, F->d[k]);
            fprintf(f, "   phi^(%ld) = ", (long)k);
            rs_flow_get_phi(x, F, s, k);
            text_vec(f, x, F->d[k]);
            fputc('\n', f);
        }
    }
    _fmpq_vec_clear(x, w);
}

/* ---- tangent and normal bases ----------------------------------------- */

/* "tau_1(s2,s0)" or "n(s1,s0)" */
static void text_label(FILE *f, const rs_rank1_basis_t B, slong t)
{
    const slong *l = B->label + 3 * t;
    char buf[96];
    if (B->kind == RS_RANK1_TANGENT)
        snprintf(buf, sizeof buf, "tau_%ld(s%ld,s%ld)", (long)l[2], (long)l[0],
                 (long)l[1]);
    else
        snprintf(buf, sizeof buf, "n(s%ld,s%ld)", (long)l[0], (long)l[1]);
    fprintf(f, "%-16s", buf);
}

/* A dense vector with '|' between the weights. */
static void text_dense(FILE *f, const fmpq *x, const rs_net_t N)
{
    slong k, i, pos = 0;
    fputc('(', f);
    for (k = 1; k <= N->L; k++) {
        if (k > 1)
            fputs(" |", f);
        for (i = 0; i < N->d[k] * N->d[k - 1]; i++) {
            if (pos > 0)
                fputc(' ', f);
            fmpq_fprint(f, x + pos++);
        }
    }
    fputc(')', f);
}

static void text_basis(FILE *f, const rs_point_struct *g, rs_net_t N,
                       const rs_rank1_basis_t B)
{
    const rs_flow_struct *F = g->flow;
    slong t, i, n = rs_net_num_params(N), w = max_width(N);
    int tangent = B->kind == RS_RANK1_TANGENT;
    fmpq *x = _fmpq_vec_init(FLINT_MAX(n, 1)), *u = _fmpq_vec_init(w),
         *v = _fmpq_vec_init(w);
    if (tangent)
        fprintf(f,
                "\ntangent     T_theta S, dimension %ld; structured basis "
                "of rank-one moves\n            tau_k(p,q) = v_p^(k) "
                "phi_q^(k-1)^T in W_k\n                         - "
                "v_p^(k+1) phi_q^(k)^T in W_{k+1}\n",
                (long)rs_rank1_basis_len(B));
    else
        fprintf(f,
                "\nnormal      N_theta S, dimension %ld; structured basis "
                "n(p,q) = sum over m of\n            phi_p^(m) "
                "v_q^(m-1)^T in W_m\n",
                (long)rs_rank1_basis_len(B));
    for (t = 0; t < rs_rank1_basis_len(B); t++) {
        fprintf(f, "  %c%-4ld ", tangent ? 't' : 'n', (long)t);
        text_label(f, B, t);
        if (!g->o.structured) {
            rs_rank1_basis_get_vec(x, B, F, t);
            text_dense(f, x, N);
        } else
            for (i = 0; i < rs_rank1_basis_num_terms(B, t); i++) {
                const rs_rank1_term_struct *term = rs_rank1_basis_term(B, t, i);
                slong m = term->layer;
                rs_rank1_term_vectors(u, v, B, F, term);
                fprintf(f, "%s%c W_%ld: ", i ? "  " : "",
                        term->sign > 0 ? '+' : '-', (long)m);
                text_vec(f, u, N->d[m]);
                text_vec(f, v, N->d[m - 1]);
                fputs("^T", f);
            }
        fputc('\n', f);
    }
    _fmpq_vec_clear(x, FLINT_MAX(n, 1));
    _fmpq_vec_clear(u, w);
    _fmpq_vec_clear(v, w);
}

/* ---- the check -------------------------------------------------------- */

/* One line of the check report: the condition, padded, and yes/NO. */
static void check_line(FILE *f, int ok, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void check_line(FILE *f, int ok, const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    fprintf(f, "  %-52s %s\n", buf, ok ? "yes" : "NO");
}

static void text_check(FILE *f, const rs_tangent_check_t *c)
{
    fprintf(f, "\ncheck       T_theta S recomputed independently: the "
               "image of (X_0..X_L) ->\n            (X_k W_k - W_k X_{k-1}) "
               "on {X_L W = W X_0}, with exact ranks\n");
    check_line(f, c->spans_equal,
               "span of the tangent basis = independent T_theta S");
    check_line(f,
               c->dim_independent == c->dim_formula &&
                   c->tangent_len == c->dim_formula,
               "dim T = formula (independent %ld, formula %ld)",
               (long)c->dim_independent, (long)c->dim_formula);
    check_line(f, c->orthogonal, "normal basis orthogonal to T_theta S");
    check_line(f, c->tangent_len + c->normal_len == c->N,
               "dim T + dim N = N (%ld + %ld = %ld)", (long)c->tangent_len,
               (long)c->normal_len, (long)c->N);
    check_line(f, c->tangent_rank == c->tangent_len,
               "tangent basis linearly independent (rank %ld)",
               (long)c->tangent_rank);
    check_line(f, c->normal_rank == c->normal_len,
               "normal basis linearly independent (rank %ld)",
               (long)c->normal_rank);
}

/* ---- entry points ----------------------------------------------------- */

void rs_cli_point_print_geometry(FILE *f, const rs_point_struct *g, rs_net_t N)
{
    if (g->layers != NULL)
        text_subspaces(f, g, N);
    if (g->have_flow && g->o.flow)
        text_flow(f, g, N);
    if (g->have_bases && g->o.tangent)
        text_basis(f, g, N, g->tangent);
    if (g->have_bases && g->o.normal)
        text_basis(f, g, N, g->normal);
    if (g->have_check)
        text_check(f, &g->check);
}
