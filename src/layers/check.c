/* Dimensions of the layer subspaces against the rank-list formulas. */
#include "rankstrat/layers.h"

static int mismatch(rs_error_t err, const char *what, slong k, slong a, slong b,
                    slong got, slong want)
{
    return rs_error_set(err, RS_EINTERNAL,
                        "internal error: layer %ld: %s with indices (%ld, "
                        "%ld) has dimension %ld, the rank list says %ld",
                        (long)k, what, (long)a, (long)b, (long)got, (long)want);
}

/* Whether P = V^perp. */
static int is_perp(const rs_qspace_t P, const rs_qspace_t V)
{
    rs_qspace_t Q;
    int ok;
    rs_qspace_init(Q, rs_qspace_ambient(V));
    rs_qspace_perp(Q, V);
    ok = rs_qspace_equal(Q, P);
    rs_qspace_clear(Q);
    return ok;
}

/* The flags and their orthogonality relations. */
static int check_flags(const rs_layer_t S, const rs_ranks_t R, rs_error_t err)
{
    slong k = S->k, L = S->L, dk = rs_ranks_get(R, k, k), i, j, r, got;
    for (i = 0; i <= k; i++) {
        r = rs_ranks_get(R, i, k);
        got = rs_qspace_dim(rs_layer_col(S, i));
        if (got != r)
            return mismatch(err, "col W_{ki}", k, k, i, got, r);
        if (!is_perp(rs_layer_left_null(S, i), rs_layer_col(S, i)))
            return rs_error_set(err, RS_EINTERNAL,
                                "internal error: layer %ld: (col W_{%ld,%ld})"
                                "^perp != null W_{%ld,%ld}^T",
                                (long)k, (long)k, (long)i, (long)k, (long)i);
    }
    for (j = k; j <= L; j++) {
        r = rs_ranks_get(R, k, j);
        got = rs_qspace_dim(rs_layer_null(S, j));
        if (got != dk - r)
            return mismatch(err, "null W_{jk}", k, j, k, got, dk - r);
        if (!is_perp(rs_layer_row(S, j), rs_layer_null(S, j)))
            return rs_error_set(err, RS_EINTERNAL,
                                "internal error: layer %ld: (null W_{%ld,%ld})"
                                "^perp != row W_{%ld,%ld}",
                                (long)k, (long)j, (long)k, (long)j, (long)k);
    }
    return RS_OK;
}

int rs_layer_check(const rs_layer_t S, const rs_ranks_t R, rs_error_t err)
{
    slong k = S->k, L = S->L, i, j;
    int status = check_flags(S, R, err);
    rs_qspace_t V;
    rs_qspace_init(V, rs_ranks_get(R, k, k));
    for (i = 0; i <= k && status == RS_OK; i++)
        for (j = k; j <= L && status == RS_OK; j++) {
            slong want = rs_ranks_get(R, i, k) - rs_ranks_get(R, i, j);
            rs_layer_A(V, S, j, i);
            if (rs_qspace_dim(V) != want) {
                status =
                    mismatch(err, "A_{kji}", k, j, i, rs_qspace_dim(V), want);
                break;
            }
            want = rs_ranks_get(R, k, j) - rs_ranks_get(R, i, j);
            rs_layer_B(V, S, j, i);
            if (rs_qspace_dim(V) != want)
                status =
                    mismatch(err, "B_{kji}", k, j, i, rs_qspace_dim(V), want);
        }
    rs_qspace_clear(V);
    return status;
}
