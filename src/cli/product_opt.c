#include "cli/product_opt.h"

int rs_cli_read_product(fmpq_mat_t W, const char *product, const slong *d,
                        slong L, const char *dims, rs_error_t err)
{
    int status = rs_matrix_read(W, product, NULL, err);
    if (status == RS_OK &&
        (fmpq_mat_nrows(W) != d[L] || fmpq_mat_ncols(W) != d[0]))
        status = rs_error_set(err, RS_EINPUT,
                              "--product %s: expected a %ld x %ld matrix (d_L "
                              "x d_0 for --dims %s), got %ld x %ld",
                              product, (long)d[L], (long)d[0], dims,
                              (long)fmpq_mat_nrows(W), (long)fmpq_mat_ncols(W));
    return status;
}

int rs_cli_fiber_parse_w(rs_cli_fiber *f, fmpq_mat_t W, int *have_W,
                         const char *dims, const char *rank,
                         const char *product, rs_error_t err)
{
    slong k, m;
    int status;
    *have_W = 0;
    if (product == NULL || rank != NULL || dims == NULL)
        return rs_cli_fiber_parse(f, dims, rank, product, err);
    /* the widths first (rank 0 always fits them), then the matrix once */
    if ((status = rs_cli_fiber_parse(f, dims, "0", NULL, err)))
        return status;
    status = rs_cli_read_product(W, product, f->d, f->L, dims, err);
    if (status == RS_OK) {
        f->r = rs_qmat_rank(W);
        m = f->d[0];
        for (k = 1; k <= f->L; k++)
            m = FLINT_MIN(m, f->d[k]);
        if (f->r > m)
            status = rs_error_set(
                err, RS_EINPUT,
                "--product: no network with these widths computes a "
                "rank-%ld matrix (its rank is at most min d_k = %ld)",
                (long)f->r, (long)m);
    }
    if (status != RS_OK) {
        rs_cli_fiber_clear(f);
        return status;
    }
    *have_W = 1;
    return RS_OK;
}
