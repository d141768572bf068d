/* rs_verify_fiber: every check family on every stratum and cover. */
#include <stdio.h>

#include "rankstrat/compat.h"
#include "rankstrat/qspace.h"

#include "verify_internal.h"

/* first[id] = index of the first cover with lower stratum id (C sorted by
   lower id); n + 1 entries. */
static slong *cover_index(const rs_covers_t C, slong n)
{
    slong *first = flint_malloc((n + 2) * sizeof(slong)), id, k = 0;
    for (id = 0; id <= n; id++) {
        while (k < C->n && rs_covers_lower(C, k) < id)
            k++;
        first[id] = k;
    }
    first[n + 1] = C->n;
    return first;
}

static int covers_sorted(const rs_covers_t C)
{
    slong k;
    for (k = 1; k < C->n; k++)
        if (rs_covers_lower(C, k - 1) > rs_covers_lower(C, k) ||
            (rs_covers_lower(C, k - 1) == rs_covers_lower(C, k) &&
             rs_covers_upper(C, k - 1) >= rs_covers_upper(C, k)))
            return 0;
    return 1;
}

/* Checks W against the fiber; sets E to W or to [[I_r,0],[0,0]]. */
static int target_product(fmpq_mat_t E, const rs_strata_t S, const fmpq_mat_t W,
                          rs_error_t err)
{
    slong i, dL = S->d[S->L], d0 = S->d[0];
    fmpq_mat_init(E, dL, d0);
    if (W == NULL) {
        for (i = 0; i < S->r; i++)
            fmpq_one(fmpq_mat_entry(E, i, i));
        return RS_OK;
    }
    if (fmpq_mat_nrows(W) != dL || fmpq_mat_ncols(W) != d0)
        return rs_error_set(err, RS_EINPUT,
                            "expected a %ld x %ld product (d_L x d_0), got "
                            "%ld x %ld",
                            (long)dL, (long)d0, (long)fmpq_mat_nrows(W),
                            (long)fmpq_mat_ncols(W));
    if (rs_qmat_rank(W) != S->r)
        return rs_error_set(err, RS_EINPUT,
                            "the product has rank %ld, but the fiber is that "
                            "of a rank-%ld matrix",
                            (long)rs_qmat_rank(W), (long)S->r);
    fmpq_mat_set(E, W);
    return RS_OK;
}

static void seed_stratum(flint_rand_t state, ulong seed, slong id)
{
    /* a stratum's moves depend only on the seed and its id */
    rs_rand_seed(state, seed * UWORD(2654435761) + UWORD(0x9E3779B9),
                 (ulong)id * UWORD(7919) + UWORD(17));
}

static void point_init(rs_verify_point *P, slong L)
{
    rs_ranks_init(P->R, L);
    rs_barcode_init(P->B, L);
    rs_net_init_empty(P->N);
    rs_flow_init(P->F);
    P->have_point = P->have_flow = 0;
}

static void point_clear(rs_verify_point *P)
{
    rs_ranks_clear(P->R);
    rs_barcode_clear(P->B);
    rs_net_clear(P->N);
    rs_flow_clear(P->F);
}

int rs_verify_fiber(rs_verify_report_t R, const rs_strata_t S,
                    const rs_covers_t C, const fmpq_mat_t W,
                    const rs_verify_opts_t *o, rs_error_t err)
{
    slong L = S->L, k, id, failed;
    slong *dred;
    rs_verify_ctx ctx;
    rs_verify_point P;
    fmpq_mat_t E;
    flint_rand_t state;
    int status, f;

    rs_verify_report_clear(R);
    if ((status = target_product(E, S, W, err))) {
        fmpq_mat_clear(E);
        return status;
    }
    if (!covers_sorted(C)) {
        fmpq_mat_clear(E);
        return rs_error_set(err, RS_EINPUT,
                            "the covers must be sorted by lower, then upper "
                            "id (as rs_strata_covers gives them)");
    }
    R->strata = S->n;
    R->covers = C->n;
    R->witness = flint_malloc((4 * C->n + 1) * sizeof(slong));
    for (k = 0; k < 4 * C->n; k++)
        R->witness[k] = -1;

    ctx.R = R;
    ctx.o = o;
    ctx.S = S;
    ctx.C = C;
    ctx.W = E;
    ctx.first_cover = cover_index(C, S->n);
    ctx.shift = rs_reduction_shift(S->d, L, S->r);
    dred = flint_malloc((L + 1) * sizeof(slong));
    for (k = 0; k <= L; k++)
        dred[k] = S->d[k] - S->r;
    rs_strata_init(ctx.Sred, dred, L, 0);
    rs_covers_init(ctx.Cred);
    status = rs_strata_fill_progress(ctx.Sred, 0, o->cancel, err);
    if (status == RS_OK) {
        rs_strata_sort(ctx.Sred);
        status = rs_strata_covers_progress(ctx.Cred, ctx.Sred, o->cancel, err);
    }
    ctx.first_cover_red = cover_index(ctx.Cred, ctx.Sred->n);

    rs_rand_init(state);
    for (id = 0; id < S->n && status == RS_OK; id++) {
        if (o->cancel != NULL && o->cancel->cancel) {
            status = rs_error_set(err, RS_ECANCEL, "cancelled");
            break;
        }
        point_init(&P, L);
        P.id = id;
        rs_strata_get_ranks(P.R, S, id);
        rs_barcode_from_ranks(P.B, P.R);
        seed_stratum(state, o->seed, id);
        _rs_verify_point(&ctx, &P, state);
        _rs_verify_tangent(&ctx, &P);
        _rs_verify_covers_from(&ctx, &P);
        _rs_verify_transpose(&ctx, &P);
        _rs_verify_reduction(&ctx, &P, state);
        _rs_verify_components(&ctx, &P, state);
        point_clear(&P);
        if (o->progress != NULL)
            o->progress(o->progress_data, id + 1, S->n);
    }
    if (status == RS_OK) {
        _rs_verify_hasse(&ctx);
        _rs_verify_invariants(&ctx);
    }
    rs_rand_clear(state);

    flint_free(ctx.first_cover);
    flint_free(ctx.first_cover_red);
    rs_covers_clear(ctx.Cred);
    rs_strata_clear(ctx.Sred);
    flint_free(dred);
    fmpq_mat_clear(E);
    if (status != RS_OK)
        return status;
    failed = rs_verify_report_failed(R);
    if (failed == 0)
        return RS_OK;
    for (f = 0; f < RS_VERIFY_NUM_CHECKS; f++)
        if (R->failure[f] != NULL)
            break;
    return rs_error_set(err, RS_EINTERNAL, "%ld check%s failed; first: %s: %s",
                        (long)failed, failed == 1 ? "" : "s",
                        rs_verify_check_name(f), R->failure[f]);
}

int rs_verify_shape(rs_verify_report_t R, const slong *d, slong L, slong r,
                    const fmpq_mat_t W, const rs_verify_opts_t *o,
                    rs_error_t err)
{
    rs_strata_t S;
    rs_covers_t C;
    int status;
    if (!rs_fiber_is_nonempty(d, L, r))
        return rs_error_set(err, RS_EINPUT,
                            "the fiber of a rank-%ld matrix is empty for "
                            "these widths",
                            (long)r);
    rs_strata_init(S, d, L, r);
    rs_covers_init(C);
    status = rs_strata_fill_progress(S, 0, o->cancel, err);
    if (status == RS_OK) {
        rs_strata_sort(S);
        status = rs_strata_covers_progress(C, S, o->cancel, err);
    }
    if (status == RS_OK)
        status = rs_verify_fiber(R, S, C, W, o, err);
    rs_covers_clear(C);
    rs_strata_clear(S);
    return status;
}
