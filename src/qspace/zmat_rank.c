#include "qspace_internal.h"

void rs_rank_info_init(rs_rank_info_t info)
{
    info->prime_start = 0;
    info->threads = 0;
    info->lift = 1;
    info->primes = 0;
    info->restarts = 0;
    info->method = RS_RANK_TRIVIAL;
}

slong rs_zmat_rank_info(const fmpz_mat_t A, rs_rank_info_t info)
{
    slong m = fmpz_mat_nrows(A), n = fmpz_mat_ncols(A), r;
    rs_cert_struct C;

    if (m < n) {
        /* rank A = rank A^T; with more rows than columns the kernel to
           certify has n - r columns, the fewer of the two. */
        fmpz_mat_t T;
        fmpz_mat_init(T, n, m);
        fmpz_mat_transpose(T, A);
        r = rs_zmat_rank_info(T, info);
        fmpz_mat_clear(T);
        return r;
    }
    _rs_cert_init(&C, m, n);
    r = _rs_zmat_certify(&C, A, 0, info->prime_start, info);
    _rs_cert_clear(&C);
    return r;
}

slong rs_zmat_rank(const fmpz_mat_t A)
{
    rs_rank_info_t info;
    rs_rank_info_init(info);
    return rs_zmat_rank_info(A, info);
}

slong rs_qmat_rank(const fmpq_mat_t A)
{
    slong r;
    fmpz_mat_t Z;
    fmpz_mat_init(Z, fmpq_mat_nrows(A), fmpq_mat_ncols(A));
    _rs_qmat_clear_rows(Z, A);
    r = rs_zmat_rank(Z);
    fmpz_mat_clear(Z);
    return r;
}
