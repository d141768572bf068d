#include "cli/fiber_opts.h"

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
    f->d = NULL;
    *have_W = 0;
    if (dims == NULL)
        return rs_error_set(err, RS_EINPUT,
                            "--dims: expected the widths d_0,...,d_L (e.g. "
                            "--dims 2,3,2); see --help");
    if (rank != NULL && product != NULL)
        return rs_error_set(err, RS_EINPUT,
                            "expected one of --rank R and --product MATFILE, "
                            "not both");
    if (rank == NULL && product == NULL)
        return rs_error_set(err, RS_EINPUT,
                            "expected --rank R or --product MATFILE (the "
                            "rank of the product W); see --help");
    if ((status = rs_parse_dims(&f->d, &f->L, dims, "--dims", err)))
        return status;
    if (rank != NULL) {
        status = rs_parse_slong(&f->r, rank, RS_MAX_TOTAL_WIDTH, "--rank", err);
    } else {
        fmpq_mat_t P;
        fmpq_mat_init(P, 0, 0);
        status = rs_cli_read_product(P, product, f->d, f->L, dims, err);
        if (status == RS_OK) {
            f->r = rs_qmat_rank(P);
            if (W != NULL) {
                fmpq_mat_swap(W, P);
                *have_W = 1;
            }
        }
        fmpq_mat_clear(P);
    }
    if (status == RS_OK) {
        m = f->d[0];
        for (k = 1; k <= f->L; k++)
            m = FLINT_MIN(m, f->d[k]);
        if (f->r > m)
            status = rs_error_set(
                err, RS_EINPUT,
                "%s: no network with these widths computes a rank-%ld "
                "matrix (its rank is at most min d_k = %ld)",
                rank != NULL ? "--rank" : "--product", (long)f->r, (long)m);
    }
    if (status != RS_OK) {
        rs_cli_fiber_clear(f);
        *have_W = 0;
    }
    return status;
}

int rs_cli_fiber_parse(rs_cli_fiber *f, const char *dims, const char *rank,
                       const char *product, rs_error_t err)
{
    int have_W;
    return rs_cli_fiber_parse_w(f, NULL, &have_W, dims, rank, product, err);
}

void rs_cli_fiber_clear(rs_cli_fiber *f)
{
    flint_free(f->d);
    f->d = NULL;
}
