/* The closed formulas of docs/math.md section 10 for the fiber of a rank-r
   matrix: Aoyagi's learning coefficient and its multiplicity (M. Aoyagi,
   "Consideration on the learning efficiency of multiple-layered neural
   networks with linear units", Neural Networks 2024; arXiv 2501.12747)
   and the number of top-dimensional components of Pepin Lehalleur &
   Rimanyi (arXiv 2411.19920).  Both depend only on the reduced widths
   M_s = d_s - r and on one choice of k smallest of them. */
#include <stdlib.h>

#include <flint/fmpz_vec.h>

#include "rankstrat/invariants.h"

static int cmp_slong(const void *a, const void *b)
{
    slong x = *(const slong *)a, y = *(const slong *)b;
    return (x > y) - (x < y);
}

/* M sorted ascending into M (L + 1 entries); returns k (2..L+1) and sets
 *s, or returns 0 if no k satisfies the condition. */
static slong aoyagi_k(slong *M, slong *s, const slong *d, slong L, slong r)
{
    slong k, i, sum;
    for (i = 0; i <= L; i++)
        M[i] = d[i] - r;
    qsort(M, L + 1, sizeof(slong), cmp_slong);
    sum = M[0];
    for (k = 2; k <= L + 1; k++) {
        sum += M[k - 1];
        /* the sums are at most the total width (< 2^30), the products
           with k - 1 <= 2^16 below 2^46: no overflow */
        if (sum >= (k - 1) * M[k - 1] && (k == L + 1 || sum < (k - 1) * M[k])) {
            *s = sum;
            return k;
        }
    }
    return 0;
}

int rs_invariants_aoyagi(fmpq_t lambda, slong *theta, slong *l_out,
                         slong *s_out, const slong *d, slong L, slong r,
                         rs_error_t err)
{
    slong *M = flint_malloc((L + 1) * sizeof(slong));
    slong s = 0, k = aoyagi_k(M, &s, d, L, r), l, c, a, i;
    fmpq_t t;
    fmpz_t x, sq;
    if (k == 0) {
        flint_free(M);
        return rs_error_set(err, RS_EINTERNAL,
                            "Aoyagi's formula: no k in 2..L+1 satisfies "
                            "its condition");
    }
    l = k - 1;
    c = (s + l - 1) / l; /* ceil(s / l), s >= 0 */
    a = s - (c - 1) * l; /* 1 <= a <= l */
    fmpq_init(t);
    fmpz_init(x);
    fmpz_init(sq);
    /* (r (d_0 + d_L) - r^2) / 2 */
    fmpz_set_si(x, r);
    fmpz_mul_si(x, x, d[0] + d[L] - r);
    fmpz_set_si(sq, 2);
    fmpq_set_fmpz_frac(lambda, x, sq);
    /* + a (l - a) / (4 l) */
    fmpz_set_si(x, a);
    fmpz_mul_si(x, x, l - a);
    fmpz_set_si(sq, 4 * l);
    fmpq_set_fmpz_frac(t, x, sq);
    fmpq_add(lambda, lambda, t);
    /* - l (l - 1) / 4 * (s / l)^2 = - (l - 1) s^2 / (4 l) */
    fmpz_set_si(x, s);
    fmpz_mul(x, x, x);
    fmpz_mul_si(x, x, l - 1);
    fmpz_neg(x, x);
    fmpz_set_si(sq, 4 * l);
    fmpq_set_fmpz_frac(t, x, sq);
    fmpq_add(lambda, lambda, t);
    /* + 1/2 sum_{i<j<k} M_i M_j = ((sum M)^2 - sum M^2) / 4 */
    fmpz_set_si(x, s);
    fmpz_mul(x, x, x);
    for (i = 0; i < k; i++) {
        fmpz_set_si(sq, M[i]);
        fmpz_submul(x, sq, sq);
    }
    fmpz_set_si(sq, 4);
    fmpq_set_fmpz_frac(t, x, sq);
    fmpq_add(lambda, lambda, t);
    if (theta != NULL)
        *theta = a * (l - a) + 1;
    if (l_out != NULL)
        *l_out = l;
    if (s_out != NULL)
        *s_out = s;
    fmpq_clear(t);
    fmpz_clear(x);
    fmpz_clear(sq);
    flint_free(M);
    return RS_OK;
}

int rs_invariants_top_plr(fmpz_t count, const slong *d, slong L, slong r,
                          rs_error_t err)
{
    slong *M = flint_malloc((L + 1) * sizeof(slong));
    slong s = 0, k = aoyagi_k(M, &s, d, L, r), l, delta;
    flint_free(M);
    if (k == 0)
        return rs_error_set(err, RS_EINTERNAL,
                            "Pepin Lehalleur-Rimanyi formula: no k in 2..L+1 "
                            "satisfies Aoyagi's condition");
    l = k - 1;
    /* round(s / l) with halves up = floor((2 s + l) / (2 l)), s >= 0 */
    delta = s - l * ((2 * s + l) / (2 * l));
    fmpz_bin_uiui(count, (ulong)l, (ulong)FLINT_ABS(delta));
    return RS_OK;
}
