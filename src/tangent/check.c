/* The independent check of the structured tangent and normal bases. */
#include "rankstrat/qspace.h"
#include "rankstrat/tangent.h"

/* [A | B] */
static void concat_cols(fmpq_mat_t AB, const fmpq_mat_t A, const fmpq_mat_t B)
{
    slong m = fmpq_mat_nrows(A), a = fmpq_mat_ncols(A), b = fmpq_mat_ncols(B),
          i, j;
    fmpq_mat_init(AB, m, a + b);
    for (i = 0; i < m; i++) {
        for (j = 0; j < a; j++)
            fmpq_set(fmpq_mat_entry(AB, i, j), fmpq_mat_entry(A, i, j));
        for (j = 0; j < b; j++)
            fmpq_set(fmpq_mat_entry(AB, i, a + j), fmpq_mat_entry(B, i, j));
    }
}

void rs_tangent_check(rs_tangent_check_t *c, rs_net_t N, const rs_barcode_t B,
                      const rs_flow_t F, const rs_rank1_basis_t T,
                      const rs_rank1_basis_t Nb)
{
    fmpq_mat_t G, TM, NM, GT, NtG;
    slong rank_all;

    c->N = rs_net_num_params(N);
    c->dim_formula = rs_barcode_dim(B);
    fmpq_mat_init(G, 0, 0);
    fmpq_mat_init(TM, 0, 0);
    fmpq_mat_init(NM, 0, 0);
    rs_tangent_generators(G, N);
    rs_rank1_basis_dense(TM, T, F);
    rs_rank1_basis_dense(NM, Nb, F);
    c->dim_independent = rs_qmat_rank(G);
    c->tangent_len = rs_rank1_basis_len(T);
    c->tangent_rank = rs_qmat_rank(TM);
    c->normal_len = rs_rank1_basis_len(Nb);
    c->normal_rank = rs_qmat_rank(NM);

    /* equal spans: rank G = rank T = rank [G | T] */
    concat_cols(GT, G, TM);
    rank_all = rs_qmat_rank(GT);
    c->spans_equal =
        rank_all == c->dim_independent && rank_all == c->tangent_rank;
    fmpq_mat_clear(GT);

    /* normal vectors against every generator of T_theta S */
    fmpq_mat_init(NtG, c->normal_len, fmpq_mat_ncols(G));
    {
        fmpq_mat_t Nt;
        fmpq_mat_init(Nt, c->normal_len, c->N);
        fmpq_mat_transpose(Nt, NM);
        fmpq_mat_mul(NtG, Nt, G);
        fmpq_mat_clear(Nt);
    }
    c->orthogonal = fmpq_mat_is_zero(NtG);
    fmpq_mat_clear(NtG);
    fmpq_mat_clear(G);
    fmpq_mat_clear(TM);
    fmpq_mat_clear(NM);
}

int rs_tangent_check_passed(const rs_tangent_check_t *c)
{
    return c->spans_equal && c->orthogonal &&
           c->dim_independent == c->dim_formula &&
           c->tangent_len == c->dim_formula &&
           c->tangent_rank == c->tangent_len &&
           c->normal_rank == c->normal_len &&
           c->tangent_len + c->normal_len == c->N;
}
