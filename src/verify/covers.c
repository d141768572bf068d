/* Check families of the Hasse diagram: an exact merge-curve witness for
   every cover, and the covers against the brute-force transitive
   reduction. */
#include <stdio.h>

#include "verify_internal.h"

/* A merge move from B reaching U: sets m[0..3] = a, b, c, e and returns 1,
   or returns 0 if there is none. */
static int find_merge(slong *m, const rs_barcode_t B, const rs_barcode_t U)
{
    slong L = B->L, a, b, c, e;
    rs_barcode_t M;
    int found = 0;
    rs_barcode_init(M, L);
    for (a = 0; a <= L && !found; a++)
        for (b = a; b <= L && !found; b++) {
            if (rs_barcode_get(B, a, b) == 0)
                continue;
            for (c = a + 1; c <= b + 1 && c <= L && !found; c++)
                for (e = FLINT_MAX(b + 1, c); e <= L && !found; e++) {
                    if (!rs_barcode_merge_applies(B, a, b, c, e))
                        continue;
                    rs_barcode_merge(M, B, a, b, c, e);
                    if (rs_barcode_equal(M, U)) {
                        m[0] = a;
                        m[1] = b;
                        m[2] = c;
                        m[3] = e;
                        found = 1;
                    }
                }
        }
    rs_barcode_clear(M);
    return found;
}

/* "1", "1/2": t for messages. */
static void t_str(char *buf, size_t n, const fmpq_t t)
{
    if (fmpz_is_one(fmpq_denref(t)))
        snprintf(buf, n, "%ld", (long)fmpz_get_si(fmpq_numref(t)));
    else
        snprintf(buf, n, "%ld/%ld", (long)fmpz_get_si(fmpq_numref(t)),
                 (long)fmpz_get_si(fmpq_denref(t)));
}

/* Evaluates the merge curve of strands p, q at t on a copy of P->N: 0 if
   every condition holds, else a message in msg.  Expected rank list E. */
static int curve_at(char *msg, size_t n, rs_verify_ctx *ctx, rs_verify_point *P,
                    slong p, slong q, const fmpq_t t, const rs_ranks_t E,
                    const char *where)
{
    rs_net_t M;
    rs_ranks_t R2;
    rs_error_t err;
    fmpq_t t2;
    char ts[64];
    int bad = 0;
    t_str(ts, sizeof ts, t);
    rs_net_init_empty(M);
    rs_net_set(M, P->N);
    rs_ranks_init(R2, P->R->L);
    rs_error_init(err);
    fmpq_init(t2);
    if (ctx->o->corrupt != RS_VERIFY_CORRUPT_MERGE)
        fmpq_set(t2, t);
    if (rs_move_merge(M, P->F, p, q, t2, err) != RS_OK) {
        snprintf(msg, n, "at t = %s the move failed: %.800s", ts, err->msg);
        bad = 1;
    } else if (!fmpq_mat_equal(rs_net_product(M, M->L, 0), ctx->W)) {
        snprintf(msg, n, "at t = %s the product changed", ts);
        bad = 1;
    } else {
        rs_net_ranks(R2, M);
        if (!rs_ranks_equal(R2, E)) {
            snprintf(msg, n, "at t = %s the curve is not in the %s", ts, where);
            bad = 1;
        }
    }
    fmpq_clear(t2);
    rs_ranks_clear(R2);
    rs_net_clear(M);
    return bad;
}

static void witness_one(rs_verify_ctx *ctx, rs_verify_point *P, slong k)
{
    static const slong ts[3][2] = {{1, 1}, {1, 2}, {1, 7}};
    slong u = rs_covers_upper(ctx->C, k), m[4], p, q, i;
    rs_ranks_t Ru, E;
    rs_barcode_t Bu;
    fmpq_t t;
    char bl[512], bu[512], msg[RS_ERROR_MSG_LEN] = "";
    int bad = 0;

    rs_ranks_init(Ru, P->R->L);
    rs_ranks_init(E, P->R->L);
    rs_barcode_init(Bu, P->R->L);
    fmpq_init(t);
    rs_strata_get_ranks(Ru, ctx->S, u);
    rs_barcode_from_ranks(Bu, Ru);
    _rs_verify_barcode_str(bl, sizeof bl, P->B);
    _rs_verify_barcode_str(bu, sizeof bu, Bu);

    if (!P->have_flow) {
        snprintf(msg, sizeof msg, "no flow basis at the lower point");
        bad = 1;
    } else if (!find_merge(m, P->B, Bu)) {
        snprintf(msg, sizeof msg,
                 "no merge move from the lower barcode "
                 "reaches the upper one");
        bad = 1;
    } else {
        for (i = 0; i < 4; i++)
            ctx->R->witness[4 * k + i] = m[i];
        p = rs_move_find_strand(P->F, m[0], m[1]);
        q = rs_move_find_strand(P->F, m[2], m[3]);
        rs_move_merge_ranks(E, P->R, m[0], m[1], m[2], m[3]);
        if (!rs_ranks_equal(E, Ru)) {
            snprintf(msg, sizeof msg,
                     "the merge rectangle of %ld-%ld + %ld-%ld does not "
                     "raise the lower rank list to the upper one",
                     (long)m[0], (long)m[1], (long)m[2], (long)m[3]);
            bad = 1;
        }
        for (i = 0; i < 3 && !bad; i++) {
            fmpq_set_si(t, ts[i][0], (ulong)ts[i][1]);
            bad =
                curve_at(msg, sizeof msg, ctx, P, p, q, t, E, "upper stratum");
        }
        if (!bad) {
            fmpq_zero(t);
            bad = curve_at(msg, sizeof msg, ctx, P, p, q, t, P->R,
                           "lower stratum");
        }
        if (!bad && rs_strata_dim(ctx->S, u) <= rs_strata_dim(ctx->S, P->id)) {
            snprintf(msg, sizeof msg, "the dimension does not increase");
            bad = 1;
        }
    }
    _rs_verify_record(ctx, RS_VERIFY_COVERS, !bad,
                      "cover %ld -> %ld (%s -> %s): %s", (long)P->id, (long)u,
                      bl, bu, msg);
    fmpq_clear(t);
    rs_barcode_clear(Bu);
    rs_ranks_clear(E);
    rs_ranks_clear(Ru);
}

void _rs_verify_covers_from(rs_verify_ctx *ctx, rs_verify_point *P)
{
    slong k;
    for (k = ctx->first_cover[P->id]; k < ctx->first_cover[P->id + 1]; k++)
        witness_one(ctx, P, k);
}

void _rs_verify_hasse(rs_verify_ctx *ctx)
{
    const rs_covers_struct *C = ctx->C;
    rs_covers_t Nv;
    slong i = ctx->o->corrupt == RS_VERIFY_CORRUPT_HASSE ? 1 : 0, j = 0;
    rs_covers_init(Nv);
    rs_strata_covers_naive(Nv, ctx->S);
    /* both lists are sorted by (lower, upper): a merge */
    while (i < C->n || j < Nv->n) {
        int c;
        if (i == C->n)
            c = 1;
        else if (j == Nv->n)
            c = -1;
        else if (rs_covers_lower(C, i) != rs_covers_lower(Nv, j))
            c = rs_covers_lower(C, i) < rs_covers_lower(Nv, j) ? -1 : 1;
        else if (rs_covers_upper(C, i) != rs_covers_upper(Nv, j))
            c = rs_covers_upper(C, i) < rs_covers_upper(Nv, j) ? -1 : 1;
        else
            c = 0;
        if (c == 0) {
            _rs_verify_record(ctx, RS_VERIFY_HASSE, 1, "ok");
            i++;
            j++;
        } else if (c < 0) {
            _rs_verify_record(ctx, RS_VERIFY_HASSE, 0,
                              "cover %ld -> %ld of the local rule is not a "
                              "cover of the closure order",
                              (long)rs_covers_lower(C, i),
                              (long)rs_covers_upper(C, i));
            i++;
        } else {
            _rs_verify_record(ctx, RS_VERIFY_HASSE, 0,
                              "cover %ld -> %ld of the closure order is "
                              "missing from the local rule",
                              (long)rs_covers_lower(Nv, j),
                              (long)rs_covers_upper(Nv, j));
            j++;
        }
    }
    rs_covers_clear(Nv);
}
