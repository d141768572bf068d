/* T_theta S straight from its definition, without flow bases: the image of
   (X_0, ..., X_L) -> (X_k W_k - W_k X_{k-1})_{k=1..L} on the subspace
   {X_L W = W X_0}. */
#include "rankstrat/qspace.h"
#include "rankstrat/tangent.h"

static slong offset_of(const rs_net_t N, slong m)
{
    slong k, off = 0;
    for (k = 1; k < m; k++)
        off += N->d[k] * N->d[k - 1];
    return off;
}

/* Column col of G gets the image of X_k = E_{ab} at a hidden layer k:
   E_ab W_k (row a of the W_k block is row b of W_k) and -W_{k+1} E_ab
   (column b of the W_{k+1} block is minus column a of W_{k+1}). */
static void hidden_generator(fmpq_mat_t G, slong col, rs_net_t N, slong k,
                             slong a, slong b)
{
    const fmpq_mat_struct *Wk = rs_net_weight(N, k),
                          *Wk1 = rs_net_weight(N, k + 1);
    slong dk = N->d[k], dkm = N->d[k - 1], offk = offset_of(N, k),
          offk1 = offk + dk * dkm, i;
    for (i = 0; i < dkm; i++)
        fmpq_set(fmpq_mat_entry(G, offk + a * dkm + i, col),
                 fmpq_mat_entry(Wk, b, i));
    for (i = 0; i < N->d[k + 1]; i++)
        fmpq_neg(fmpq_mat_entry(G, offk1 + i * dk + b, col),
                 fmpq_mat_entry(Wk1, i, a));
}

/* The constraint X_L W - W X_0 = 0 as a matrix acting on the unknowns
   (X_0 row-major, then X_L row-major); one row per entry (a, c). */
static void end_constraint(fmpq_mat_t C, const fmpq_mat_t W, slong d0, slong dL)
{
    slong a, c, b;
    for (a = 0; a < dL; a++)
        for (c = 0; c < d0; c++) {
            slong row = a * d0 + c;
            for (b = 0; b < dL; b++) /* X_L[a,b] W[b,c] */
                fmpq_set(fmpq_mat_entry(C, row, d0 * d0 + a * dL + b),
                         fmpq_mat_entry(W, b, c));
            for (b = 0; b < d0; b++) /* - W[a,b] X_0[b,c] */
                fmpq_neg(fmpq_mat_entry(C, row, b * d0 + c),
                         fmpq_mat_entry(W, a, b));
        }
}

/* Column col of G gets the image of an allowed end pair (X_0, X_L), given
   as column t of K: X_L W_L in W_L and -W_1 X_0 in W_1. */
static void end_generator(fmpq_mat_t G, slong col, rs_net_t N,
                          const fmpq_mat_t K, slong t)
{
    slong L = N->L, d0 = N->d[0], dL = N->d[L], d1 = N->d[1], dLm = N->d[L - 1],
          offL = offset_of(N, L), i, j, b;
    const fmpq_mat_struct *WL = rs_net_weight(N, L), *W1 = rs_net_weight(N, 1);
    fmpq_t s, x;
    fmpq_init(s);
    fmpq_init(x);
    for (i = 0; i < dL; i++)
        for (j = 0; j < dLm; j++) {
            fmpq_zero(s);
            for (b = 0; b < dL; b++) {
                fmpq_mul(x, fmpq_mat_entry(K, d0 * d0 + i * dL + b, t),
                         fmpq_mat_entry(WL, b, j));
                fmpq_add(s, s, x);
            }
            fmpq_add(fmpq_mat_entry(G, offL + i * dLm + j, col),
                     fmpq_mat_entry(G, offL + i * dLm + j, col), s);
        }
    for (i = 0; i < d1; i++)
        for (j = 0; j < d0; j++) {
            fmpq_zero(s);
            for (b = 0; b < d0; b++) {
                fmpq_mul(x, fmpq_mat_entry(W1, i, b),
                         fmpq_mat_entry(K, b * d0 + j, t));
                fmpq_add(s, s, x);
            }
            fmpq_sub(fmpq_mat_entry(G, i * d0 + j, col),
                     fmpq_mat_entry(G, i * d0 + j, col), s);
        }
    fmpq_clear(s);
    fmpq_clear(x);
}

void rs_tangent_generators(fmpq_mat_t G, rs_net_t N)
{
    slong L = N->L, d0 = N->d[0], dL = N->d[L], n = rs_net_num_params(N);
    slong k, a, b, t, col = 0, hidden = 0, nk;
    fmpq_mat_t C, K;

    fmpq_mat_init(C, dL * d0, d0 * d0 + dL * dL);
    fmpq_mat_init(K, 0, 0);
    end_constraint(C, rs_net_product(N, L, 0), d0, dL);
    nk = rs_qmat_nullspace(K, C);
    for (k = 1; k < L; k++)
        hidden += N->d[k] * N->d[k];
    fmpq_mat_clear(G);
    fmpq_mat_init(G, n, hidden + nk);
    for (k = 1; k < L; k++)
        for (a = 0; a < N->d[k]; a++)
            for (b = 0; b < N->d[k]; b++)
                hidden_generator(G, col++, N, k, a, b);
    for (t = 0; t < nk; t++)
        end_generator(G, col++, N, K, t);
    fmpq_mat_clear(C);
    fmpq_mat_clear(K);
}

slong rs_tangent_check_entries(const rs_net_t N)
{
    slong L = N->L, k;
    double sq = 0, n = (double)rs_net_num_params(N), e;
    double d0 = (double)N->d[0], dL = (double)N->d[L];
    for (k = 0; k <= L; k++)
        sq += (double)N->d[k] * (double)N->d[k];
    /* generators and both dense bases (about N columns together), the end
       constraint and its null space; in floating point so that huge shapes
       saturate instead of overflowing */
    e = n * (sq + 2 * n) + (d0 * dL + d0 * d0 + dL * dL) * (d0 * d0 + dL * dL);
    return e >= (double)(WORD_MAX / 2) ? WORD_MAX : (slong)e;
}
