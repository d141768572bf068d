#include "qspace_internal.h"

void rs_qmat_reshape(fmpq_mat_t A, slong r, slong c)
{
    fmpq_mat_clear(A);
    fmpq_mat_init(A, r, c);
}

/* P = product of the factors i..j of the chain F_0 F_1 ... F_{count-1}
   (F_t = mats[count - 1 - t], of shape dim[t] x dim[t + 1]), split where
   the table says. */
static void chain_rec(fmpq_mat_t P, const fmpq_mat_struct *mats, slong count,
                      const slong *split, slong i, slong j)
{
    if (i == j) {
        fmpq_mat_set(P, mats + (count - 1 - i));
    } else {
        slong s = split[i * count + j];
        fmpq_mat_t L, R;
        fmpq_mat_init(L, 0, 0);
        fmpq_mat_init(R, 0, 0);
        rs_qmat_reshape(L, fmpq_mat_nrows(mats + (count - 1 - i)),
                        fmpq_mat_ncols(mats + (count - 1 - s)));
        rs_qmat_reshape(R, fmpq_mat_nrows(mats + (count - 1 - (s + 1))),
                        fmpq_mat_ncols(mats + (count - 1 - j)));
        chain_rec(L, mats, count, split, i, s);
        chain_rec(R, mats, count, split, s + 1, j);
        if (fmpq_mat_ncols(L) == 0 || fmpq_mat_nrows(P) == 0 ||
            fmpq_mat_ncols(P) == 0)
            fmpq_mat_zero(P);
        else
            fmpq_mat_mul(P, L, R);
        fmpq_mat_clear(L);
        fmpq_mat_clear(R);
    }
}

/* The association order is chosen by the classical matrix-chain dynamic
   program on the shapes (fewest scalar multiplications): for chains like
   W_L ... W_1 with a narrow layer in the middle it multiplies through the
   narrow layer last, which keeps intermediate products small.  Entry sizes
   are not modelled. */
int rs_qmat_chain_mul(fmpq_mat_t P, const fmpq_mat_struct *mats, slong count,
                      rs_error_t err)
{
    slong *dim, *split, t, len, i, j, s;
    double *cost;
    fmpq_mat_t T;

    if (count < 1 || mats == NULL)
        return rs_error_set(err, RS_EINPUT,
                            "rs_qmat_chain_mul: expected at least one matrix");
    for (t = 0; t + 1 < count; t++)
        if (fmpq_mat_nrows(mats + t) != fmpq_mat_ncols(mats + t + 1))
            return rs_error_set(err, RS_EINPUT,
                                "rs_qmat_chain_mul: shapes do not chain "
                                "(factor %ld has %ld rows, factor %ld has %ld "
                                "columns)",
                                (long)t, (long)fmpq_mat_nrows(mats + t),
                                (long)(t + 1),
                                (long)fmpq_mat_ncols(mats + t + 1));
    dim = flint_malloc((count + 1) * sizeof(slong));
    split = flint_calloc(count * count, sizeof(slong));
    cost = flint_calloc(count * count, sizeof(double));
    for (t = 0; t < count; t++)
        dim[t] = fmpq_mat_nrows(mats + (count - 1 - t));
    dim[count] = fmpq_mat_ncols(mats + 0);
    for (len = 2; len <= count; len++)
        for (i = 0; i + len - 1 < count; i++) {
            j = i + len - 1;
            cost[i * count + j] = -1;
            for (s = i; s < j; s++) {
                double c = cost[i * count + s] + cost[(s + 1) * count + j] +
                           (double)dim[i] * dim[s + 1] * dim[j + 1];
                if (cost[i * count + j] < 0 || c < cost[i * count + j]) {
                    cost[i * count + j] = c;
                    split[i * count + j] = s;
                }
            }
        }
    fmpq_mat_init(T, dim[0], dim[count]);
    chain_rec(T, mats, count, split, 0, count - 1);
    fmpq_mat_swap(P, T);
    fmpq_mat_clear(T);
    flint_free(dim);
    flint_free(split);
    flint_free(cost);
    return RS_OK;
}
