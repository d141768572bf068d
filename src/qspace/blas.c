/* Exact products of integer matrices in doubles through BLAS, when the
   build found one (configure defines RS_HAVE_BLAS), else through the
   register-tiled products of dkernel.c; and the thread rule of blas.h. */
#include <math.h>
#include <stdlib.h>
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

#if defined(RS_HAVE_BLAS) && defined(RS_HAVE_OPENBLAS_THREADS)
int openblas_get_num_threads(void);
#define BLAS_THREADS() openblas_get_num_threads()
#else
#define BLAS_THREADS() 1
#endif

#ifdef RS_HAVE_BLAS
/* OpenBLAS takes a work buffer of about 128 MiB per thread (Debian's build:
   134221824 bytes) on first use, and when that allocation fails (under
   ulimit -v, or with strict overcommit) it retries forever instead of
   failing.  So the first product of a thread (and the first with more
   BLAS threads than before) asks for that much memory itself, untouched,
   and uses the portable kernel when it is not there; the portable
   kernel's own allocations then fail, or not, the normal way.  Once a
   product went through BLAS the buffers exist and are reused: the probe
   is not repeated (under AddressSanitizer each probe costs the poisoning
   of 136 MiB, which made every small product take milliseconds). */
#define OPENBLAS_BUFFER_BYTES ((size_t)136 << 20)

/* the BLAS thread count this thread's products have run with (0: none
   yet); a cache of what OpenBLAS already holds, not a setting */
static _Thread_local int blas_ready_threads;

static int blas_memory_ok(void)
{
    int threads = BLAS_THREADS();
    size_t want;
    void *probe;
    if (threads < 1)
        threads = 1;
    if (threads <= blas_ready_threads)
        return 1;
    want = (size_t)threads * OPENBLAS_BUFFER_BYTES;
    probe = malloc(want);
    if (probe == NULL)
        return 0;
    free(probe);
    blas_ready_threads = threads;
    return 1;
}
#endif

void _rs_blas_dgemm(slong m, slong n, slong k, const double *A, slong lda,
                    const double *B, slong ldb, double *C, slong ldc)
{
    if (m <= 0 || n <= 0 || k <= 0)
        return;
#ifdef RS_HAVE_BLAS
    if (!blas_memory_ok()) {
        _rs_dgemm(m, n, k, A, lda, B, ldb, C, ldc);
        return;
    }
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

/* ---- nmod_mat front ends ------------------------------------------------ */

static double *nmod_to_doubles(const nmod_mat_t A)
{
    slong m = nmod_mat_nrows(A), n = nmod_mat_ncols(A), i, j;
    ulong p = A->mod.n, h = (p - 1) / 2;
    double *D = flint_malloc(sizeof(double) * (m * n + 1));
    for (i = 0; i < m; i++)
        for (j = 0; j < n; j++) {
            ulong e = rs_nmod_mat_get(A, i, j);
            D[i * n + j] = e > h ? -(double)(p - e) : (double)e;
        }
    return D;
}

void _rs_blas_nmod_mat_mul(nmod_mat_t C, const nmod_mat_t A, const nmod_mat_t B)
{
    slong m = nmod_mat_nrows(A), k = nmod_mat_ncols(A);
    slong n = nmod_mat_ncols(B), i, j, k0, kc, depth;
    ulong p = A->mod.n;
    double *a, *b, *c, pd = (double)p;
    if (!RS_BLAS_PRIME_OK(p) || m == 0 || n == 0 || k == 0) {
        nmod_mat_mul(C, A, B);
        return;
    }
    depth = _rs_blas_max_depth(p);
    a = nmod_to_doubles(A);
    b = nmod_to_doubles(B);
    c = flint_calloc(m * n + 1, sizeof(double));
    for (k0 = 0; k0 < k; k0 += kc) {
        kc = FLINT_MIN(depth, k - k0);
        _rs_blas_dgemm(m, n, kc, a + k0, k, b + k0 * n, n, c, n);
        _rs_blas_reduce(c, m * n, pd, 1.0 / pd);
    }
    for (i = 0; i < m; i++)
        for (j = 0; j < n; j++) {
            double x = c[i * n + j];
            rs_nmod_mat_set(C, i, j, x < 0 ? (ulong)(x + pd) : (ulong)x);
        }
    flint_free(a);
    flint_free(b);
    flint_free(c);
}

slong _rs_blas_nmod_mat_profile(slong *rows, slong *cols, nmod_mat_t A)
{
    slong m = nmod_mat_nrows(A), n = nmod_mat_ncols(A), r, i, j;
    ulong p = A->mod.n;
    slong *perm;
    if (m == 0 || n == 0)
        return 0;
    perm = flint_malloc(m * sizeof(slong));
    if (RS_BLAS_PRIME_OK(p)) {
        double *W = nmod_to_doubles(A);
        r = _rs_blas_lu_mod(W, m, n, n, p, perm, cols);
        for (i = 0; i < r; i++)
            rows[i] = perm[i];
        flint_free(W);
        flint_free(perm);
        return r;
    }
    for (i = 0; i < m; i++)
        perm[i] = i;
    /* nmod_mat_lu puts original row perm[i] in row i; the first r rows
       carry U in row echelon form right of the multipliers of L, so the
       pivot of row i is its first nonzero entry after the previous one. */
    r = nmod_mat_lu(perm, A, 0);
    for (i = 0, j = 0; i < r; i++, j++) {
        while (j < n && rs_nmod_mat_get(A, i, j) == 0)
            j++;
        if (j == n) {
            r = i; /* not reached under FLINT's contract; still a minor */
            break;
        }
        rows[i] = perm[i];
        cols[i] = j;
    }
    flint_free(perm);
    return r;
}
