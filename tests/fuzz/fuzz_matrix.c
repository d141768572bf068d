/* Fuzz target: matrix files ("matrix R C" and R rows of C entries).
   Accepted: written back and read again equal, equal with CRLF line ends
   and under the (looser) default limits.  Rejected: a positioned one-line
   message, the matrix passed in unchanged, and the same message under the
   default limits unless a limit was involved. */
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"

static void sentinel(fmpq_mat_t M)
{
    fmpq_mat_init(M, 1, 2);
    fmpq_set_si(fmpq_mat_entry(M, 0, 0), 3, 4);
    fmpq_set_si(fmpq_mat_entry(M, 0, 1), -2, 1);
}

static int is_sentinel(const fmpq_mat_t M)
{
    fmpq_mat_t S;
    int ok;
    sentinel(S);
    ok = fmpq_mat_nrows(M) == 1 && fmpq_mat_ncols(M) == 2 &&
         fmpq_mat_equal(M, S);
    fmpq_mat_clear(S);
    return ok;
}

static int same(const fmpq_mat_t A, const fmpq_mat_t B)
{
    return fmpq_mat_nrows(A) == fmpq_mat_nrows(B) &&
           fmpq_mat_ncols(A) == fmpq_mat_ncols(B) && fmpq_mat_equal(A, B);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    rs_io_limits_t lim;
    rs_error_t err, err2;
    fmpq_mat_t M, D;
    int r, r2;
    fz_limits(&lim);
    rs_error_init(err);
    rs_error_init(err2);
    sentinel(M);
    fmpq_mat_init(D, 0, 0);
    r = rs_matrix_read_buffer(M, s, size, "in", &lim, err);
    r2 = rs_matrix_read_buffer(D, s, size, "in", NULL, err2);
    if (r == RS_OK) {
        fz_mem_t m;
        char *crlf;
        size_t n;
        FZ_CHECK(r2 == RS_OK && same(M, D), err2->msg);
        fz_mem_open(&m);
        rs_matrix_fprint(m.f, M);
        fz_mem_close(&m);
        fmpq_mat_clear(D);
        fmpq_mat_init(D, 0, 0);
        r2 = rs_matrix_read_buffer(D, m.buf, m.len, "out", NULL, err2);
        FZ_CHECK(r2 == RS_OK, err2->msg);
        FZ_CHECK(same(M, D), "the written matrix reads back different");
        free(m.buf);
        crlf = fz_crlf(s, size, &n);
        r2 = rs_matrix_read_buffer(D, crlf, n, "crlf", &lim, err2);
        FZ_CHECK(r2 == RS_OK && same(M, D), err2->msg);
        flint_free(crlf);
    } else {
        fz_check_rejection(r, err, "in", s, size);
        FZ_CHECK(is_sentinel(M), "a failed read changed the matrix");
        if (r == RS_EINPUT && strstr(err->msg, "max_") == NULL) {
            FZ_CHECK(r2 == RS_EINPUT, err2->msg);
            FZ_CHECK(strcmp(err->msg, err2->msg) == 0, err2->msg);
        }
    }
    fmpq_mat_clear(M);
    fmpq_mat_clear(D);
    return 0;
}
