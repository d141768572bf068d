/* Blocked LU and column rank profile modulo a prime p < 2^26 on the
   floating-point units (after FFLAS-FFPACK): balanced residues in doubles,
   a recursive elimination over halves of the columns whose updates are
   matrix products (cblas_dgemm when available, blas.c), cut into chunks
   short enough to be exact (delayed reduction), with one reduction per
   chunk instead of one per product.  Contract in blas.h. */
#include <string.h>

#include "blas.h"

#define BASE_COLS 16 /* columns eliminated one by one (the leaves) */
#define BASE_TRSM 16 /* rows solved one by one in the triangular solve */

typedef struct {
    double *W;
    slong m, n, ld;
    double p, pinv, h;
    slong depth; /* _rs_blas_max_depth(p) */
    slong *perm, *cols;
} lu_ctx;

#define MAGIC 0x1.8p52 /* adding and subtracting it rounds to an integer */

static inline double mul_mod(double a, double b, const lu_ctx *X)
{
    /* |a b| < 2^50: exact, and the rounded quotient is within one. */
    double v = a * b, q = (v * X->pinv + MAGIC) - MAGIC, y = v - q * X->p;
    y = y > X->h ? y - X->p : y;
    return y < -X->h ? y + X->p : y;
}

static inline double add_mod(double a, const lu_ctx *X)
{
    a = a > X->h ? a - X->p : a;
    return a < -X->h ? a + X->p : a;
}

static double inv_mod(double a, const lu_ctx *X)
{
    ulong p = (ulong)X->p, u = (ulong)(a < 0 ? a + X->p : a), v;
    v = n_invmod(u, p);
    return v > (ulong)X->h ? (double)v - X->p : (double)v;
}

static void swap_rows(lu_ctx *X, slong i, slong j)
{
    slong t, c;
    double *a = X->W + i * X->ld, *b = X->W + j * X->ld, s;
    if (i == j)
        return;
    for (c = 0; c < X->n; c++) {
        s = a[c];
        a[c] = b[c];
        b[c] = s;
    }
    t = X->perm[i];
    X->perm[i] = X->perm[j];
    X->perm[j] = t;
}

static void negate(double *v, slong len)
{
    slong i;
    for (i = 0; i < len; i++)
        v[i] = -v[i];
}

/* C (rows x w, leading dimension ldc) -= A B for A rows x k (packed, lda)
   and B k x w (ldb), all balanced residues; the result balanced.  The
   depth is cut into exact chunks. */
static void gemm_sub(const lu_ctx *X, slong rows, slong w, slong k, double *A,
                     slong lda, const double *B, slong ldb, double *C,
                     slong ldc)
{
    slong k0, i, kc;
    if (rows <= 0 || w <= 0 || k <= 0)
        return;
    /* C -= A B as C += (-A) B: negate A in place, and back after. */
    for (i = 0; i < rows; i++)
        negate(A + i * lda, k);
    for (k0 = 0; k0 < k; k0 += kc) {
        kc = FLINT_MIN(X->depth, k - k0);
        _rs_blas_dgemm(rows, w, kc, A + k0, lda, B + k0 * ldb, ldb, C, ldc);
        for (i = 0; i < rows; i++)
            _rs_blas_reduce(C + i * ldc, w, X->p, X->pinv);
    }
    for (i = 0; i < rows; i++)
        negate(A + i * lda, k);
}

/* M (t x w, ldm) = T^{-1} M for the unit lower triangular t x t matrix T
   (packed, ldt). */
static void trsm(const lu_ctx *X, slong t, slong w, double *T, slong ldt,
                 double *M, slong ldm)
{
    slong a, b, j, h;
    if (t <= BASE_TRSM) {
        for (a = 1; a < t; a++)
            for (b = 0; b < a; b++) {
                double l = T[a * ldt + b];
                if (l == 0)
                    continue;
                for (j = 0; j < w; j++)
                    M[a * ldm + j] = add_mod(
                        M[a * ldm + j] - mul_mod(l, M[b * ldm + j], X), X);
            }
        return;
    }
    h = t / 2;
    trsm(X, h, w, T, ldt, M, ldm);
    gemm_sub(X, t - h, w, h, T + h * ldt, ldt, M, ldm, M + h * ldm, ldm);
    trsm(X, t - h, w, T + h * ldt + h, ldt, M + h * ldm, ldm);
}

/* Eliminates the columns [c0, c1) on the rows [k, m), where every earlier
   pivot has been applied already; returns the number of new pivots. */
static slong lu_cols(lu_ctx *X, slong k, slong c0, slong c1)
{
    slong r1, r2, mid, i, b, j;
    double *W = X->W, *T;
    slong ld = X->ld;

    if (k >= X->m || c0 >= c1)
        return 0;
    if (c1 - c0 <= BASE_COLS) {
        slong k0 = k;
        for (j = c0; j < c1 && k < X->m; j++) {
            double inv;
            for (i = k; i < X->m && W[i * ld + j] == 0; i++)
                ;
            if (i == X->m)
                continue; /* zero below the pivots: not in the profile */
            swap_rows(X, i, k);
            inv = inv_mod(W[k * ld + j], X);
            for (i = k + 1; i < X->m; i++) {
                double l = W[i * ld + j], *row = W + i * ld, *piv = W + k * ld;
                slong c;
                if (l == 0)
                    continue;
                l = mul_mod(l, inv, X);
                row[j] = l;
                for (c = j + 1; c < c1; c++)
                    row[c] = add_mod(row[c] - mul_mod(l, piv[c], X), X);
            }
            X->cols[k++] = j;
        }
        return k - k0;
    }
    mid = c0 + (c1 - c0) / 2;
    r1 = lu_cols(X, k, c0, mid);
    if (r1 > 0) {
        /* The new pivots' multipliers, packed: rows [k, m) x r1. */
        slong rows = X->m - k;
        T = flint_malloc(sizeof(double) * rows * r1);
        for (i = 0; i < rows; i++)
            for (b = 0; b < r1; b++)
                T[i * r1 + b] = W[(k + i) * ld + X->cols[k + b]];
        /* U12 = L11^{-1} A12, then A22 -= L21 U12. */
        trsm(X, r1, c1 - mid, T, r1, W + k * ld + mid, ld);
        gemm_sub(X, rows - r1, c1 - mid, r1, T + r1 * r1, r1, W + k * ld + mid,
                 ld, W + (k + r1) * ld + mid, ld);
        flint_free(T);
    }
    r2 = lu_cols(X, k + r1, mid, c1);
    return r1 + r2;
}

slong _rs_blas_lu_mod(double *W, slong m, slong n, slong ld, ulong p,
                      slong *perm, slong *cols)
{
    lu_ctx X;
    slong i;
    X.W = W;
    X.m = m;
    X.n = n;
    X.ld = ld;
    X.p = (double)p;
    X.pinv = 1.0 / (double)p;
    X.h = (double)((p - 1) / 2);
    X.depth = _rs_blas_max_depth(p);
    X.perm = perm;
    X.cols = cols;
    for (i = 0; i < m; i++)
        perm[i] = i;
    if (m == 0 || n == 0)
        return 0;
    return lu_cols(&X, 0, 0, n);
}
