/* Check families of the invariances of docs/math.md section 8: the transposed
   network and the reduced fiber. */
#include <stdio.h>
#include <stdlib.h>

#include "verify_internal.h"

void _rs_verify_transpose(rs_verify_ctx *ctx, rs_verify_point *P)
{
    slong L = P->R->L, i, j, dim = rs_barcode_dim(P->B);
    int corrupt = ctx->o->corrupt == RS_VERIFY_CORRUPT_TRANSPOSE;
    char bc[512], msg[256] = "";
    rs_net_t T;
    rs_ranks_t RT;
    rs_barcode_t BT, BT2;
    fmpq_mat_t WT;

    _rs_verify_barcode_str(bc, sizeof bc, P->B);
    if (!P->have_point) {
        _rs_verify_record(ctx, RS_VERIFY_TRANSPOSE, 0,
                          "stratum %ld (%s): no point", (long)P->id, bc);
        return;
    }
    rs_net_init_empty(T);
    rs_ranks_init(RT, L);
    rs_barcode_init(BT, L);
    rs_barcode_init(BT2, L);
    fmpq_mat_init(WT, fmpq_mat_ncols(ctx->W), fmpq_mat_nrows(ctx->W));
    fmpq_mat_transpose(WT, ctx->W);
    rs_net_transpose(T, P->N);
    rs_net_ranks(RT, T);
    /* r^T_{ji} = r_{L-i,L-j}: the map i -> j of the transpose is the
       transpose of the map L-j -> L-i */
    for (j = 1; j <= L && !msg[0]; j++)
        for (i = 0; i < j && !msg[0]; i++) {
            slong want = corrupt ? rs_ranks_get(P->R, i, j)
                                 : rs_ranks_get(P->R, L - j, L - i);
            if (rs_ranks_get(RT, i, j) != want)
                snprintf(msg, sizeof msg,
                         "the transpose has rank %ld from layer %ld to %ld, "
                         "expected %ld",
                         (long)rs_ranks_get(RT, i, j), (long)i, (long)j,
                         (long)want);
        }
    if (!msg[0] && !fmpq_mat_equal(rs_net_product(T, L, 0), WT))
        snprintf(msg, sizeof msg, "the transpose does not compute W^T");
    if (!msg[0]) {
        rs_barcode_from_ranks(BT, RT);
        rs_barcode_transpose(BT2, P->B);
        if (!rs_barcode_equal(BT, BT2))
            snprintf(msg, sizeof msg,
                     "the transpose's barcode is not the "
                     "reversed barcode");
        else if (rs_barcode_dim(BT) != dim ||
                 rs_barcode_components_log2(BT) !=
                     rs_barcode_components_log2(P->B))
            snprintf(msg, sizeof msg,
                     "the transposed stratum has another "
                     "dimension or component count");
        else if (_rs_verify_tangent_rank(T) != dim)
            snprintf(msg, sizeof msg,
                     "the tangent rank at the transpose is "
                     "not dim S");
    }
    _rs_verify_record(ctx, RS_VERIFY_TRANSPOSE, !msg[0], "stratum %ld (%s): %s",
                      (long)P->id, bc, msg);
    fmpq_mat_clear(WT);
    rs_barcode_clear(BT2);
    rs_barcode_clear(BT);
    rs_ranks_clear(RT);
    rs_net_clear(T);
}

static int cmp_slong(const void *x, const void *y)
{
    slong a = *(const slong *)x, b = *(const slong *)y;
    return (a > b) - (a < b);
}

/* The covers from stratum id, reduced, against the covers from its image
   idr in the reduced fiber (as sets of upper ids there). */
static int covers_reduce(rs_verify_ctx *ctx, slong id, slong idr)
{
    slong k0 = ctx->first_cover[id], k1 = ctx->first_cover[id + 1];
    slong m0 = ctx->first_cover_red[idr], m1 = ctx->first_cover_red[idr + 1];
    slong n = k1 - k0, k, L = ctx->S->L;
    slong *up = flint_malloc((n + 1) * sizeof(slong));
    rs_ranks_t R;
    rs_barcode_t B, Br;
    int ok = n == m1 - m0;
    rs_ranks_init(R, L);
    rs_barcode_init(B, L);
    rs_barcode_init(Br, L);
    for (k = 0; k < n && ok; k++) {
        rs_strata_get_barcode(B, ctx->S, rs_covers_upper(ctx->C, k0 + k));
        rs_barcode_reduce(Br, B);
        rs_ranks_from_barcode(R, Br);
        up[k] = rs_strata_find(ctx->Sred, R);
    }
    if (ok) {
        qsort(up, n, sizeof(slong), cmp_slong);
        for (k = 0; k < n && ok; k++) /* the reduced covers are sorted */
            ok = up[k] == rs_covers_upper(ctx->Cred, m0 + k);
    }
    rs_barcode_clear(Br);
    rs_barcode_clear(B);
    rs_ranks_clear(R);
    flint_free(up);
    return ok;
}

void _rs_verify_reduction(rs_verify_ctx *ctx, rs_verify_point *P,
                          flint_rand_t state)
{
    const rs_strata_struct *S = ctx->S;
    slong L = S->L, r = S->r, k, idr = -1;
    slong *dred = flint_malloc((L + 1) * sizeof(slong));
    slong shift = ctx->shift + (ctx->o->corrupt == RS_VERIFY_CORRUPT_REDUCTION);
    char bc[512], msg[RS_ERROR_MSG_LEN] = "";
    rs_barcode_t Br, Bl, B2;
    rs_ranks_t Rr, R2;
    rs_net_t N;
    rs_error_t err;

    _rs_verify_barcode_str(bc, sizeof bc, P->B);
    for (k = 0; k <= L; k++)
        dred[k] = S->d[k] - r;
    rs_barcode_init(Br, L);
    rs_barcode_init(Bl, L);
    rs_barcode_init(B2, L);
    rs_ranks_init(Rr, L);
    rs_ranks_init(R2, L);
    rs_net_init_empty(N);
    rs_error_init(err);
    rs_barcode_reduce(Br, P->B);
    rs_barcode_lift(Bl, Br, r);
    rs_ranks_from_barcode(Rr, Br);
    if (!rs_barcode_is_valid(Br, dred, 0))
        snprintf(msg, sizeof msg,
                 "the reduced barcode is not a stratum of "
                 "the reduced fiber");
    else if (!rs_barcode_equal(Bl, P->B))
        snprintf(msg, sizeof msg, "the reduced barcode does not lift back");
    else if (rs_barcode_dim(Br) + shift != rs_barcode_dim(P->B))
        snprintf(msg, sizeof msg,
                 "dimension %ld of the reduced stratum plus the shift %ld is "
                 "not dim S = %ld",
                 (long)rs_barcode_dim(Br), (long)shift,
                 (long)rs_barcode_dim(P->B));
    else if (ctx->Sred->n != S->n || (idr = rs_strata_find(ctx->Sred, Rr)) < 0)
        snprintf(msg, sizeof msg,
                 "the reduced fiber (%ld strata, this one %ld) does not "
                 "contain the reduced barcode",
                 (long)ctx->Sred->n, (long)S->n);
    else if (rs_canonical_point(N, Br, NULL, err) != RS_OK ||
             rs_move_randomize(N, state, 2, err) != RS_OK)
        snprintf(msg, sizeof msg, "no point of the reduced stratum: %.800s",
                 err->msg);
    else {
        rs_net_ranks(R2, N);
        rs_barcode_from_ranks(B2, R2);
        if (!rs_barcode_equal(B2, Br))
            snprintf(msg, sizeof msg,
                     "a point of the reduced stratum is "
                     "analysed to another barcode");
        else if (_rs_verify_tangent_rank(N) != rs_barcode_dim(Br))
            snprintf(msg, sizeof msg,
                     "the tangent rank in the reduced "
                     "fiber is not the reduced dimension");
        else if (!covers_reduce(ctx, P->id, idr))
            snprintf(msg, sizeof msg,
                     "its covers do not reduce to the "
                     "covers of its image");
    }
    _rs_verify_record(ctx, RS_VERIFY_REDUCTION, !msg[0], "stratum %ld (%s): %s",
                      (long)P->id, bc, msg);
    rs_net_clear(N);
    rs_ranks_clear(R2);
    rs_ranks_clear(Rr);
    rs_barcode_clear(B2);
    rs_barcode_clear(Bl);
    rs_barcode_clear(Br);
    flint_free(dred);
}
