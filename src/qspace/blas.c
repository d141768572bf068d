/* Exact products of integer matrices in doubles through BLAS, when the
   build found one (configure defines RS_HAVE_BLAS), else through the
   register-tiled products of dkernel.c; and the thread rule of blas.h. */
#include <math.h>
#include <stdatomic.h>

#include "blas.h"

#ifdef RS_HAVE_BLAS
#include <cblas.h>
#endif

#define TWO52 4503599627370496.0
#define MAGIC 0x1.8p52

int _rs_blas_available(void)
{
#ifdef RS_HAVE_BLAS
    return 1;
#else
    return 0;
#endif
}

void _rs_blas_dgemm(slong m, slong n, slong k, const double *A, slong lda,
                    const double *B, slong ldb, double *C, slong ldc)
{
    if (m <= 0 || n <= 0 || k <= 0)
        return;
#ifdef RS_HAVE_BLAS
    cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, (int)m, (int)n,
                (int)k, 1.0, A, (int)lda, B, (int)ldb, 1.0, C, (int)ldc);
#else
    _rs_dgemm(m, n, k, A, lda, B, ldb, C, ldc);
#endif
}

#if defined(RS_HAVE_BLAS) && defined(RS_HAVE_OPENBLAS_THREADS)
/* OpenBLAS's thread count is process-wide: the outermost begin saves it
   (it reflects OPENBLAS_NUM_THREADS) and the matching end restores it. */
void openblas_set_num_threads(int num_threads);
int openblas_get_num_threads(void);
static atomic_long serial_depth;
static atomic_int saved_threads;

void _rs_blas_serial_begin(void)
{
    if (atomic_fetch_add(&serial_depth, 1) == 0) {
        atomic_store(&saved_threads, openblas_get_num_threads());
        openblas_set_num_threads(1);
    }
}

void _rs_blas_serial_end(void)
{
    if (atomic_fetch_sub(&serial_depth, 1) == 1)
        openblas_set_num_threads(atomic_load(&saved_threads));
}
#else
void _rs_blas_serial_begin(void) {}
void _rs_blas_serial_end(void) {}
#endif

slong _rs_blas_max_depth(ulong p)
{
    double h = (double)((p - 1) / 2);
    double k = h > 0 ? floor((TWO52 - h) / (h * h)) : 1.0e9;
    return k < 1 ? 1 : (k > 1.0e9 ? (slong)1e9 : (slong)k);
}

void _rs_blas_reduce(double *v, slong len, double p, double pinv)
{
    double h = (p - 1) / 2;
    slong i;
    for (i = 0; i < len; i++) {
        /* |v| <= 2^52: the rounded quotient is within one of v / p, and
           q p (below 2^53) is exact. */
        double q = (v[i] * pinv + MAGIC) - MAGIC, y = v[i] - q * p;
        y = y > h ? y - p : y;
        y = y < -h ? y + p : y;
        v[i] = y;
    }
}
