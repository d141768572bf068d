/* The moves that stay in a stratum (hidden-layer and end-layer moves) and
   the one-matrix move, each re-checked exactly against the product. */
#include "rankstrat/moves.h"
#include "rankstrat/qspace.h"

/* After a move of N whose old weights are in `old`: the product must
   still be W0 (a copy of the old product).  Otherwise N is restored and
   RS_EINTERNAL recorded. */
static int confirm(rs_net_t N, rs_net_t old, const fmpq_mat_t W0,
                   const char *move, rs_error_t err)
{
    if (fmpq_mat_equal(rs_net_product(N, N->L, 0), W0))
        return RS_OK;
    rs_net_swap(N, old);
    return rs_error_set(err, RS_EINTERNAL,
                        "internal error: the %s changed the product W", move);
}

/* Shape check of a square move matrix at layer k. */
static int check_square(const fmpq_mat_t G, slong n, const char *what, slong k,
                        rs_error_t err)
{
    if (fmpq_mat_nrows(G) != n || fmpq_mat_ncols(G) != n)
        return rs_error_set(err, RS_EINPUT,
                            "%s at layer %ld: expected a %ld x %ld matrix "
                            "(d_%ld x d_%ld), got %ld x %ld",
                            what, (long)k, (long)n, (long)n, (long)k, (long)k,
                            (long)fmpq_mat_nrows(G), (long)fmpq_mat_ncols(G));
    return RS_OK;
}

int rs_move_hidden(rs_net_t N, slong k, const fmpq_mat_t G, rs_error_t err)
{
    slong L = N != NULL ? N->L : 0;
    fmpq_mat_t Gi, W0, T;
    rs_net_t old;
    int status;
    if (N == NULL || G == NULL)
        return rs_error_set(err, RS_EINPUT,
                            "hidden-layer move: expected N and G, got NULL");
    if (k < 1 || k > L - 1)
        return rs_error_set(err, RS_EINPUT,
                            "hidden-layer move: expected a hidden layer k with "
                            "1 <= k <= L-1 = %ld, got %ld",
                            (long)(L - 1), (long)k);
    if ((status = check_square(G, N->d[k], "hidden-layer move", k, err)))
        return status;
    fmpq_mat_init(Gi, N->d[k], N->d[k]);
    if (!fmpq_mat_inv(Gi, G)) {
        fmpq_mat_clear(Gi);
        return rs_error_set(err, RS_EINPUT,
                            "hidden-layer move at layer %ld: G is singular "
                            "(a move needs an invertible G)",
                            (long)k);
    }
    fmpq_mat_init(W0, N->d[L], N->d[0]);
    fmpq_mat_set(W0, rs_net_product(N, L, 0));
    rs_net_init_empty(old);
    rs_net_set(old, N);
    fmpq_mat_init(T, N->d[k], N->d[k - 1]);
    fmpq_mat_mul(T, G, rs_net_weight(N, k));
    fmpq_mat_swap(T, rs_net_weight_mut(N, k));
    fmpq_mat_clear(T);
    fmpq_mat_init(T, N->d[k + 1], N->d[k]);
    fmpq_mat_mul(T, rs_net_weight(N, k + 1), Gi);
    fmpq_mat_swap(T, rs_net_weight_mut(N, k + 1));
    fmpq_mat_clear(T);
    status = confirm(N, old, W0, "hidden-layer move", err);
    rs_net_clear(old);
    fmpq_mat_clear(W0);
    fmpq_mat_clear(Gi);
    return status;
}

int rs_move_end(rs_net_t N, slong k, const fmpq_mat_t G, rs_error_t err)
{
    slong L = N != NULL ? N->L : 0;
    fmpq_mat_t W0, T;
    rs_net_t old;
    int status;
    if (N == NULL || G == NULL)
        return rs_error_set(err, RS_EINPUT,
                            "end-layer move: expected N and G, got NULL");
    if (k != 0 && k != L)
        return rs_error_set(err, RS_EINPUT,
                            "end-layer move: expected layer 0 or L = %ld, got "
                            "%ld",
                            (long)L, (long)k);
    if ((status = check_square(G, N->d[k], "end-layer move", k, err)))
        return status;
    if (rs_qmat_rank(G) != N->d[k])
        return rs_error_set(err, RS_EINPUT,
                            "end-layer move at layer %ld: G is singular (a "
                            "move needs an invertible G)",
                            (long)k);
    fmpq_mat_init(W0, N->d[L], N->d[0]);
    fmpq_mat_set(W0, rs_net_product(N, L, 0));
    fmpq_mat_init(T, N->d[L], N->d[0]);
    if (k == L)
        fmpq_mat_mul(T, G, W0);
    else
        fmpq_mat_mul(T, W0, G);
    if (!fmpq_mat_equal(T, W0)) {
        fmpq_mat_clear(T);
        fmpq_mat_clear(W0);
        return rs_error_set(err, RS_EINPUT,
                            k == L ? "end-layer move at layer L: expected G "
                                     "with G W = W (G must fix the product), "
                                     "but G W != W"
                                   : "end-layer move at layer 0: expected G "
                                     "with W G = W (G must fix the product), "
                                     "but W G != W");
    }
    fmpq_mat_clear(T);
    rs_net_init_empty(old);
    rs_net_set(old, N);
    if (k == L) {
        fmpq_mat_init(T, N->d[L], N->d[L - 1]);
        fmpq_mat_mul(T, G, rs_net_weight(N, L));
        fmpq_mat_swap(T, rs_net_weight_mut(N, L));
    } else {
        fmpq_mat_init(T, N->d[1], N->d[0]);
        fmpq_mat_mul(T, rs_net_weight(N, 1), G);
        fmpq_mat_swap(T, rs_net_weight_mut(N, 1));
    }
    fmpq_mat_clear(T);
    status = confirm(N, old, W0, "end-layer move", err);
    rs_net_clear(old);
    fmpq_mat_clear(W0);
    return status;
}

int rs_move_one_matrix(rs_net_t N, slong k, const fmpq_mat_t D, rs_error_t err)
{
    slong L = N != NULL ? N->L : 0;
    fmpq_mat_t W0, A, B;
    rs_net_t old;
    int status, zero;
    if (N == NULL || D == NULL)
        return rs_error_set(err, RS_EINPUT,
                            "one-matrix move: expected N and D, got NULL");
    if (k < 1 || k > L)
        return rs_error_set(err, RS_EINPUT,
                            "one-matrix move: expected a weight W_k with 1 <= "
                            "k <= L = %ld, got %ld",
                            (long)L, (long)k);
    if (fmpq_mat_nrows(D) != N->d[k] || fmpq_mat_ncols(D) != N->d[k - 1])
        return rs_error_set(err, RS_EINPUT,
                            "one-matrix move on W_%ld: expected a %ld x %ld "
                            "matrix D (d_%ld x d_%ld), got %ld x %ld",
                            (long)k, (long)N->d[k], (long)N->d[k - 1], (long)k,
                            (long)(k - 1), (long)fmpq_mat_nrows(D),
                            (long)fmpq_mat_ncols(D));
    /* W_{Lk} D W_{k-1,0} */
    fmpq_mat_init(A, N->d[k], N->d[0]);
    fmpq_mat_mul(A, D, rs_net_product(N, k - 1, 0));
    fmpq_mat_init(B, N->d[L], N->d[0]);
    fmpq_mat_mul(B, rs_net_product(N, L, k), A);
    zero = fmpq_mat_is_zero(B);
    fmpq_mat_clear(A);
    fmpq_mat_clear(B);
    if (!zero)
        return rs_error_set(err, RS_EINPUT,
                            "one-matrix move on W_%ld refused: W_{L,%ld} D "
                            "W_{%ld,0} != 0, so W_%ld + D would change the "
                            "product W",
                            (long)k, (long)k, (long)(k - 1), (long)k);
    fmpq_mat_init(W0, N->d[L], N->d[0]);
    fmpq_mat_set(W0, rs_net_product(N, L, 0));
    rs_net_init_empty(old);
    rs_net_set(old, N);
    {
        fmpq_mat_struct *Wk = rs_net_weight_mut(N, k);
        fmpq_mat_add(Wk, Wk, D);
    }
    status = confirm(N, old, W0, "one-matrix move", err);
    rs_net_clear(old);
    fmpq_mat_clear(W0);
    return status;
}
