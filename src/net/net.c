#include <string.h>

#include "rankstrat/net.h"
#include "rankstrat/qspace.h"

/* Products are allocated on first use, each one only when it is computed:
   they can be far larger than the weights (d = (n, 1, n) has 2n weights
   and an n x n product), and most callers need few of them. */
static void products_alloc(rs_net_t N)
{
    slong k, n = rs_tri_size(N->L);
    N->prod = flint_malloc(n * sizeof(fmpq_mat_struct));
    for (k = 0; k < n; k++)
        fmpq_mat_init(N->prod + k, 0, 0);
}

static void products_free(rs_net_t N)
{
    slong k, n = rs_tri_size(N->L);
    if (N->prod == NULL)
        return;
    for (k = 0; k < n; k++)
        fmpq_mat_clear(N->prod + k);
    flint_free(N->prod);
    N->prod = NULL;
}

static void products_invalidate(rs_net_t N)
{
    slong i;
    for (i = 0; i <= N->L; i++)
        N->top[i] = i - 1;
}

void rs_net_init(rs_net_t N, const slong *d, slong L)
{
    slong k;
    N->L = L;
    N->d = flint_malloc((L + 1) * sizeof(slong));
    memcpy(N->d, d, (L + 1) * sizeof(slong));
    N->W = flint_malloc(FLINT_MAX(L, 1) * sizeof(fmpq_mat_struct));
    for (k = 1; k <= L; k++)
        fmpq_mat_init(N->W + k - 1, d[k], d[k - 1]);
    N->prod = NULL;
    N->top = flint_malloc((L + 1) * sizeof(slong));
    products_invalidate(N);
}

void rs_net_init_empty(rs_net_t N)
{
    slong d = 0;
    rs_net_init(N, &d, 0);
}

void rs_net_clear(rs_net_t N)
{
    slong k;
    for (k = 0; k < N->L; k++)
        fmpq_mat_clear(N->W + k);
    products_free(N);
    flint_free(N->top);
    flint_free(N->W);
    flint_free(N->d);
}

void rs_net_set(rs_net_t N, const rs_net_t M)
{
    slong k;
    rs_net_t T;
    if (N == M)
        return;
    rs_net_init(T, M->d, M->L);
    for (k = 1; k <= M->L; k++)
        fmpq_mat_set(T->W + k - 1, M->W + k - 1);
    rs_net_swap(N, T);
    rs_net_clear(T);
}

void rs_net_swap(rs_net_t N, rs_net_t M)
{
    rs_net_struct t = *N;
    *N = *M;
    *M = t;
}

slong rs_net_num_layers(const rs_net_t N)
{
    return N->L;
}

slong rs_net_width(const rs_net_t N, slong k)
{
    if (k < 0 || k > N->L)
        return -1;
    return N->d[k];
}

slong rs_net_num_params(const rs_net_t N)
{
    return rs_weight_space_dim(N->d, N->L);
}

slong rs_net_product_entries(const rs_net_t N)
{
    slong i, j, n = 0;
    for (j = 1; j <= N->L; j++)
        for (i = 0; i < j; i++)
            n += N->d[j] * N->d[i];
    return n;
}

const fmpq_mat_struct *rs_net_weight(const rs_net_t N, slong k)
{
    if (k < 1 || k > N->L)
        return NULL;
    return N->W + k - 1;
}

fmpq_mat_struct *rs_net_weight_mut(rs_net_t N, slong k)
{
    if (k < 1 || k > N->L)
        return NULL;
    products_invalidate(N);
    return N->W + k - 1;
}

void rs_net_compute_products(rs_net_t N)
{
    slong i;
    for (i = 0; i <= N->L; i++)
        rs_net_product(N, N->L, i);
}

const fmpq_mat_struct *rs_net_product(rs_net_t N, slong j, slong i)
{
    slong k;
    fmpq_mat_struct *P;
    if (i < 0 || j < i || j > N->L)
        return NULL;
    if (N->top[i] >= j)
        return N->prod + rs_tri_index(i, j);
    if (N->prod == NULL)
        products_alloc(N);
    /* W_{k,i} = W_k W_{k-1,i}: one multiplication per product; through
       the narrowest layer b in between instead, W_{k,i} = W_{k,b} W_{b,i},
       when it is narrower than layer k - 1 (a d_k x d_b x d_i product
       instead of d_k x d_{k-1} x d_i; W_{k,b} is cached on its own). */
    for (k = N->top[i] + 1; k <= j; k++) {
        slong b = k - 1, c;
        P = N->prod + rs_tri_index(i, k);
        rs_qmat_reshape(P, N->d[k], N->d[i]);
        for (c = i + 1; c < k - 1; c++)
            if (N->d[c] < N->d[b])
                b = c;
        if (k == i)
            fmpq_mat_one(P);
        else if (k == i + 1)
            fmpq_mat_set(P, N->W + i);
        else if (b < k - 1)
            fmpq_mat_mul(P, rs_net_product(N, k, b),
                         N->prod + rs_tri_index(i, b));
        else
            fmpq_mat_mul(P, N->W + k - 1, N->prod + rs_tri_index(i, k - 1));
        N->top[i] = k;
    }
    return N->prod + rs_tri_index(i, j);
}

void rs_net_transpose(rs_net_t T, const rs_net_t N)
{
    slong L = N->L, k;
    slong *d = flint_malloc((L + 1) * sizeof(slong));
    rs_net_t M;
    for (k = 0; k <= L; k++)
        d[k] = N->d[L - k];
    rs_net_init(M, d, L);
    /* W^T_k = (W_{L+1-k})^T maps layer k-1 of the transpose to layer k */
    for (k = 1; k <= L; k++)
        fmpq_mat_transpose(M->W + k - 1, N->W + (L - k));
    rs_net_swap(T, M);
    rs_net_clear(M);
    flint_free(d);
}

void rs_net_get_vec(fmpq *v, const rs_net_t N)
{
    slong k, a, b, pos = 0;
    for (k = 1; k <= N->L; k++)
        for (a = 0; a < N->d[k]; a++)
            for (b = 0; b < N->d[k - 1]; b++)
                fmpq_set(v + pos++, fmpq_mat_entry(N->W + k - 1, a, b));
}

void rs_net_set_vec(rs_net_t N, const fmpq *v)
{
    slong k, a, b, pos = 0;
    for (k = 1; k <= N->L; k++)
        for (a = 0; a < N->d[k]; a++)
            for (b = 0; b < N->d[k - 1]; b++)
                fmpq_set(fmpq_mat_entry(N->W + k - 1, a, b), v + pos++);
    products_invalidate(N);
}

int rs_net_check(const rs_net_t N, const char *what, rs_error_t err)
{
    slong k;
    int status;
    if (N == NULL)
        return rs_error_set(err, RS_EINPUT, "%s: expected a network, got NULL",
                            what);
    if (N->L < 1 || N->d == NULL || N->W == NULL)
        return rs_error_set(err, RS_EINPUT,
                            "%s: expected a network with at least one layer",
                            what);
    if ((status = rs_dims_check(N->d, N->L, what, err)))
        return status;
    for (k = 1; k <= N->L; k++) {
        const fmpq_mat_struct *W = N->W + (k - 1);
        if (fmpq_mat_nrows(W) != N->d[k] || fmpq_mat_ncols(W) != N->d[k - 1])
            return rs_error_set(err, RS_EINPUT,
                                "%s: W%ld is %ld x %ld, expected %ld x %ld "
                                "(d_%ld x d_%ld)",
                                what, (long)k, (long)fmpq_mat_nrows(W),
                                (long)fmpq_mat_ncols(W), (long)N->d[k],
                                (long)N->d[k - 1], (long)k, (long)(k - 1));
    }
    return RS_OK;
}
