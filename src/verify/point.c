/* Check families at one stratum: a random point analysed back, its exact
   tangent rank against the formula, and the tangent/normal checks. */
#include "rankstrat/compat.h"
#include "rankstrat/point.h"
#include "rankstrat/qspace.h"

#include "verify_internal.h"

slong _rs_verify_tangent_rank(rs_net_t N)
{
    fmpq_mat_t G;
    slong r;
    fmpq_mat_init(G, 0, 0);
    rs_tangent_generators(G, N);
    r = rs_qmat_rank(G);
    fmpq_mat_clear(G);
    return r;
}

/* RS_VERIFY_CORRUPT_POINT: "moves" that are not moves: G W_k without
   W_{k+1} G^{-1}, and G W_L with a G that need not fix W.  G = I + 1 1^T
   (invertible) moves every coordinate subspace of the canonical point off
   itself; it is fixed rather than random, since a random small G often
   keeps the image of W_k inside the kernel of W_{k+1} (e.g. a triangular
   G on a 2 x 2 x 2 zero fiber), and whether it does then depended on
   FLINT's random stream, which changed in FLINT 3.1. */
static void corrupt_randomize(rs_net_t N)
{
    slong L = N->L, k, n, i, j;
    fmpq_mat_t G, T;
    for (k = 1; k <= L; k++) {
        n = N->d[k];
        fmpq_mat_init(G, n, n);
        fmpq_mat_one(G);
        for (i = 0; i < n; i++)
            for (j = 0; j < n; j++)
                fmpq_add_si(fmpq_mat_entry(G, i, j), fmpq_mat_entry(G, i, j),
                            1);
        fmpq_mat_init(T, N->d[k], N->d[k - 1]);
        fmpq_mat_mul(T, G, rs_net_weight(N, k));
        fmpq_mat_swap(T, rs_net_weight_mut(N, k));
        fmpq_mat_clear(T);
        fmpq_mat_clear(G);
    }
}

void _rs_verify_point(rs_verify_ctx *ctx, rs_verify_point *P,
                      flint_rand_t state)
{
    char bc[512];
    rs_error_t err;
    rs_point_t A;
    rs_point_opts o;
    int status, ok_prod, ok_ranks;

    _rs_verify_barcode_str(bc, sizeof bc, P->B);
    rs_error_init(err);
    P->have_point = 0;
    status = rs_canonical_point(P->N, P->B, ctx->W, err);
    if (status == RS_OK) {
        if (ctx->o->corrupt == RS_VERIFY_CORRUPT_POINT)
            corrupt_randomize(P->N);
        else
            status = rs_move_randomize(P->N, state, 2, err);
    }
    if (status != RS_OK) {
        _rs_verify_record(ctx, RS_VERIFY_POINTS, 0,
                          "stratum %ld (%s): no point could be built: %s",
                          (long)P->id, bc, err->msg);
        return;
    }
    P->have_point = 1;
    ok_prod = fmpq_mat_equal(rs_net_product(P->N, P->N->L, 0), ctx->W);
    /* the point analysed back exactly as `rankstrat analyze` does it */
    rs_point_opts_init(&o);
    o.no_count = 1;
    o.max_entries = WORD_MAX;
    rs_point_init(A);
    status = rs_point_analyze(A, P->N, &o, err);
    if (status != RS_OK) {
        _rs_verify_record(ctx, RS_VERIFY_POINTS, 0,
                          "stratum %ld (%s): the moved canonical point could "
                          "not be analysed: %s",
                          (long)P->id, bc, err->msg);
        rs_point_clear(A);
        return;
    }
    ok_ranks =
        rs_ranks_equal(A->ranks, P->R) && rs_barcode_equal(A->barcode, P->B);
    if (ok_prod && ok_ranks)
        _rs_verify_record(ctx, RS_VERIFY_POINTS, 1, "ok");
    else {
        char bc2[512];
        _rs_verify_barcode_str(bc2, sizeof bc2, A->barcode);
        _rs_verify_record(ctx, RS_VERIFY_POINTS, 0,
                          "stratum %ld (%s): the moved canonical point %s%s "
                          "(analysed back to barcode %s)",
                          (long)P->id, bc,
                          ok_prod ? "computes W" : "does not compute W",
                          ok_ranks ? "" : " and has another rank list", bc2);
    }
    rs_point_clear(A);
}

/* RS_VERIFY_CORRUPT_TANGENT: B without its last vector. */
static void drop_last(rs_rank1_basis_t B)
{
    rs_rank1_basis_t C;
    slong t, i;
    rs_rank1_basis_init(C, B->kind);
    for (t = 0; t + 1 < rs_rank1_basis_len(B); t++) {
        rs_rank1_basis_push_vec(C, B->label[3 * t], B->label[3 * t + 1],
                                B->label[3 * t + 2]);
        for (i = 0; i < rs_rank1_basis_num_terms(B, t); i++) {
            const rs_rank1_term_struct *x = rs_rank1_basis_term(B, t, i);
            rs_rank1_basis_push_term(C, x->layer, x->p, x->q, x->sign);
        }
    }
    {
        rs_rank1_basis_struct tmp = *B;
        *B = *C;
        *C = tmp;
    }
    rs_rank1_basis_clear(C);
}

void _rs_verify_tangent(rs_verify_ctx *ctx, rs_verify_point *P)
{
    char bc[512];
    rs_error_t err;
    rs_rank1_basis_t T, Nb;
    rs_tangent_check_t c;
    slong dim = rs_barcode_dim(P->B), dim_ranks = rs_ranks_dim(P->R);
    slong dim_formula = dim + (ctx->o->corrupt == RS_VERIFY_CORRUPT_DIM);
    int ok;

    _rs_verify_barcode_str(bc, sizeof bc, P->B);
    P->have_flow = 0;
    if (!P->have_point) {
        _rs_verify_record(ctx, RS_VERIFY_TANGENT_RANK, 0,
                          "stratum %ld (%s): no point", (long)P->id, bc);
        _rs_verify_record(ctx, RS_VERIFY_TANGENT_CHECK, 0,
                          "stratum %ld (%s): no point", (long)P->id, bc);
        return;
    }
    rs_error_init(err);
    if (rs_flow_compute(P->F, P->N, P->B, err) != RS_OK) {
        slong rank = _rs_verify_tangent_rank(P->N);
        ok = rank == dim_formula && dim_ranks == dim;
        _rs_verify_record(ctx, RS_VERIFY_TANGENT_RANK, ok,
                          "stratum %ld (%s): rank T_theta S = %ld, but the "
                          "dimension formula gives %ld (rank-list form %ld)",
                          (long)P->id, bc, (long)rank, (long)dim_formula,
                          (long)dim_ranks);
        _rs_verify_record(ctx, RS_VERIFY_TANGENT_CHECK, 0,
                          "stratum %ld (%s): no flow basis: %s", (long)P->id,
                          bc, err->msg);
        return;
    }
    P->have_flow = 1;
    rs_rank1_basis_init(T, RS_RANK1_TANGENT);
    rs_rank1_basis_init(Nb, RS_RANK1_NORMAL);
    rs_tangent_basis(T, P->F);
    rs_normal_basis(Nb, P->F);
    if (ctx->o->corrupt == RS_VERIFY_CORRUPT_TANGENT)
        drop_last(rs_rank1_basis_len(T) > 0 ? T : Nb);
    rs_tangent_check(&c, P->N, P->B, P->F, T, Nb);
    ok = c.dim_independent == dim_formula && dim_ranks == dim;
    _rs_verify_record(ctx, RS_VERIFY_TANGENT_RANK, ok,
                      "stratum %ld (%s): rank T_theta S = %ld, but the "
                      "dimension formula gives %ld (rank-list form %ld)",
                      (long)P->id, bc, (long)c.dim_independent,
                      (long)dim_formula, (long)dim_ranks);
    ok = rs_tangent_check_passed(&c) && c.normal_len == rs_barcode_codim(P->B);
    _rs_verify_record(
        ctx, RS_VERIFY_TANGENT_CHECK, ok,
        "stratum %ld (%s): tangent/normal check failed (spans %s, normal "
        "basis %sorthogonal, tangent %ld vectors of rank %ld, normal %ld of "
        "rank %ld, independent dim %ld, formula %ld, N = %ld)",
        (long)P->id, bc, c.spans_equal ? "equal" : "differ",
        c.orthogonal ? "" : "not ", (long)c.tangent_len, (long)c.tangent_rank,
        (long)c.normal_len, (long)c.normal_rank, (long)c.dim_independent,
        (long)c.dim_formula, (long)c.N);
    rs_rank1_basis_clear(T);
    rs_rank1_basis_clear(Nb);
}
