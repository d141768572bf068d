/* Double-precision kernels for the p-adic lifting of lift.c.  The doubles
   always hold integers, and the callers bound every partial sum below 2^52,
   so all arithmetic here is exact whatever the order of summation: this is
   integer arithmetic that happens to run on the floating-point units, which
   are several times faster per bit than word-size modular arithmetic.

   The build compiles this file with -O3 -ffp-contract=fast (see Makefile):
   fused multiply-adds are exact on such integers too.  On x86-64 with GCC
   the hot functions are compiled for AVX-512, AVX2 and the baseline, and the
   dynamic loader picks the best the processor has. */
#include <string.h>

#include "qspace_internal.h"

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) &&         \
    defined(__ELF__) && !defined(RS_NO_CLONES)
#define RS_CLONES                                                              \
    __attribute__((                                                            \
        target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#else
#define RS_CLONES
#endif

typedef double rs_v8 __attribute__((vector_size(64)));

#define MR 8           /* rows of a register tile */
#define NR 16          /* columns of a register tile: two vectors */
#define KC 256         /* depth of one packed block */
#define MAGIC 0x1.8p52 /* adding and subtracting it rounds to an integer */

/* T[0..MR) x [0..NR) = Ap Bp over depth kc (Ap: kc x MR, Bp: kc x NR). */
RS_CLONES static void micro_tile(double *T, slong kc, const double *Ap,
                                 const double *Bp)
{
    rs_v8 c[MR][2];
    slong p, a;
    memset(c, 0, sizeof(c));
    for (p = 0; p < kc; p++) {
        rs_v8 b0, b1;
        memcpy(&b0, Bp + p * NR, sizeof(b0));
        memcpy(&b1, Bp + p * NR + 8, sizeof(b1));
#pragma GCC unroll 8
        for (a = 0; a < MR; a++) {
            double s = Ap[p * MR + a];
            c[a][0] += s * b0;
            c[a][1] += s * b1;
        }
    }
    memcpy(T, c, sizeof(c));
}

/* sum_i x[i] y[i], in eight independent partial sums. */
RS_CLONES static double dot(const double *x, const double *y, slong len)
{
    double s[8] = {0, 0, 0, 0, 0, 0, 0, 0}, t;
    slong i, c;
    for (i = 0; i + 8 <= len; i += 8)
        for (c = 0; c < 8; c++)
            s[c] += x[i + c] * y[i + c];
    t = ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
    for (; i < len; i++)
        t += x[i] * y[i];
    return t;
}

/* Few columns: dot products with the columns of B, copied contiguous,
   instead of register tiles that would be mostly padding. */
static void dgemm_narrow(slong m, slong n, slong k, const double *A, slong lda,
                         const double *B, slong ldb, double *C, slong ldc)
{
    double *Bt = flint_malloc(sizeof(double) * n * k);
    slong i, j, p;
    for (p = 0; p < k; p++)
        for (j = 0; j < n; j++)
            Bt[j * k + p] = B[p * ldb + j];
    for (i = 0; i < m; i++)
        for (j = 0; j < n; j++)
            C[i * ldc + j] += dot(A + i * lda, Bt + j * k, k);
    flint_free(Bt);
}

void _rs_dpack_init(rs_dpack_struct *P, slong m, slong k, const double *A,
                    slong lda)
{
    slong blocks = (k + KC - 1) / KC, panels = (m + MR - 1) / MR, b, i0, p, a;
    P->m = m;
    P->k = k;
    P->data = flint_malloc(sizeof(double) * (blocks * panels * KC * MR + 1));
    for (b = 0; b < blocks; b++) {
        slong p0 = b * KC, kc = FLINT_MIN(KC, k - p0);
        for (i0 = 0; i0 < m; i0 += MR) {
            double *Ap = P->data + (b * panels + i0 / MR) * KC * MR;
            slong h = FLINT_MIN(MR, m - i0);
            for (p = 0; p < kc; p++)
                for (a = 0; a < MR; a++)
                    Ap[p * MR + a] = a < h ? A[(i0 + a) * lda + p0 + p] : 0;
        }
    }
}

void _rs_dpack_clear(rs_dpack_struct *P)
{
    flint_free(P->data);
}

slong _rs_dgemm_work_len(slong n)
{
    return KC * NR * ((n + NR - 1) / NR);
}

void _rs_dgemm_packed(slong n, const rs_dpack_struct *P, const double *B,
                      slong ldb, double *C, slong ldc, double *work)
{
    slong m = P->m, k = P->k, panels_m = (m + MR - 1) / MR;
    slong p0, i0, j0, p, a, j;
    double *Bp, T[MR * NR];

    if (m <= 0 || n <= 0 || k <= 0)
        return;
    Bp = work != NULL ? work
                      : flint_malloc(sizeof(double) * _rs_dgemm_work_len(n));
    for (p0 = 0; p0 < k; p0 += KC) {
        slong kc = FLINT_MIN(KC, k - p0);
        /* B[p0.., :] in panels of NR columns, zero-padded. */
        for (j0 = 0; j0 < n; j0 += NR) {
            double *dst = Bp + (j0 / NR) * KC * NR;
            slong w = FLINT_MIN(NR, n - j0);
            for (p = 0; p < kc; p++) {
                memcpy(dst + p * NR, B + (p0 + p) * ldb + j0,
                       sizeof(double) * w);
                for (j = w; j < NR; j++)
                    dst[p * NR + j] = 0;
            }
        }
        for (i0 = 0; i0 < m; i0 += MR) {
            const double *Ap =
                P->data + ((p0 / KC) * panels_m + i0 / MR) * KC * MR;
            slong h = FLINT_MIN(MR, m - i0);
            for (j0 = 0; j0 < n; j0 += NR) {
                slong w = FLINT_MIN(NR, n - j0);
                micro_tile(T, kc, Ap, Bp + (j0 / NR) * KC * NR);
                for (a = 0; a < h; a++)
                    for (j = 0; j < w; j++)
                        C[(i0 + a) * ldc + j0 + j] += T[a * NR + j];
            }
        }
    }
    if (work == NULL)
        flint_free(Bp);
}

void _rs_dgemm(slong m, slong n, slong k, const double *A, slong lda,
               const double *B, slong ldb, double *C, slong ldc)
{
    rs_dpack_struct P;
    if (m <= 0 || n <= 0 || k <= 0)
        return;
    if (n <= NR / 4) {
        dgemm_narrow(m, n, k, A, lda, B, ldb, C, ldc);
        return;
    }
    _rs_dpack_init(&P, m, k, A, lda);
    _rs_dgemm_packed(n, &P, B, ldb, C, ldc, NULL);
    _rs_dpack_clear(&P);
}

/* The balanced residue of an integer |v| < 2^51 modulo p: rint by the magic
   constant (exact for |v / p| < 2^51), then at most one correction each
   way because v * pinv is within one unit of v / p. */
static inline double bal_mod(double v, double p, double pinv, double h)
{
    double q = (v * pinv + MAGIC) - MAGIC;
    double y = v - q * p;
    y = y > h ? y - p : y;
    y = y < -h ? y + p : y;
    return y;
}

RS_CLONES void _rs_dvec_bal_mod(double *y, const double *v, slong len, double p,
                                double pinv)
{
    double h = (p - 1) / 2;
    slong i;
    for (i = 0; i < len; i++)
        y[i] = bal_mod(v[i], p, pinv, h);
}

RS_CLONES void _rs_dvec_axpy(double *y, double s, const double *x, slong len)
{
    slong i;
    for (i = 0; i < len; i++)
        y[i] += s * x[i];
}

RS_CLONES slong _rs_dvec_div_exact(double *y, const double *v, slong len,
                                   double p, double pinv, int *all_zero)
{
    slong i, bad = 0;
    int zero = 1;
    for (i = 0; i < len; i++) {
        /* |v| < 2^52: the rounded quotient is v / p whenever p | v, and
           q * p is then exact, so v - q * p = 0 exactly iff p | v. */
        double q = (v[i] * pinv + MAGIC) - MAGIC;
        bad += (v[i] - q * p) != 0;
        zero &= q == 0;
        y[i] = q;
    }
    *all_zero = zero;
    return bad;
}

RS_CLONES void _rs_dvec_limb_divrem(double *q, double *rem, const double *t,
                                    slong len, double base, double p,
                                    double pinv)
{
    double h = (p - 1) / 2;
    slong i;
    for (i = 0; i < len; i++) {
        /* |v| < 2^51: as in bal_mod, q p and v - q p are exact */
        double v = t[i] + rem[i] * base;
        double x = (v * pinv + MAGIC) - MAGIC;
        double y = v - x * p;
        double up = y > h ? 1.0 : 0.0, down = y < -h ? 1.0 : 0.0;
        x += up - down;
        y -= (up - down) * p;
        q[i] = x;
        rem[i] = y;
    }
}

RS_CLONES void _rs_dvec_limb_carry(double *lo, double *hi, slong len,
                                   double base, double ibase)
{
    slong i;
    for (i = 0; i < len; i++) {
        double c = (lo[i] * ibase + MAGIC) - MAGIC;
        lo[i] -= c * base;
        hi[i] += c;
    }
}
