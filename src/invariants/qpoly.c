/* Point counts over F_q (docs/math.md section 10) as polynomials in q.

   Every count here is a power of q times a product of factors q^j - 1
   with integer exponents (orders of general linear groups and their
   quotients).  Such a product is a polynomial exactly when, after writing
   q^j - 1 = prod_{n | j} Phi_n(q), every cyclotomic polynomial Phi_n has a
   nonnegative exponent; the polynomial is then that product of
   cyclotomics, computed without any division. */
#include <string.h>

#include "rankstrat/invariants.h"

#include "invariants/invariants_internal.h"

void rs_qpoly_cyclotomic(fmpz_poly_t p, slong n)
{
    fmpz_poly_cyclotomic(p, (ulong)n);
}

int _rs_qpoly_phi_from_c(slong *phi, const slong *c, slong n)
{
    slong t, j;
    phi[0] = 0;
    for (t = 1; t <= n; t++) {
        slong x = 0;
        for (j = t; j <= n; j += t)
            x += c[j];
        if (x < 0)
            return -1;
        phi[t] = x;
    }
    return 0;
}

void _rs_qpoly_from_phi(fmpz_poly_t p, const slong *phi, slong n)
{
    fmpz_poly_t f, g;
    slong t;
    fmpz_poly_init(f);
    fmpz_poly_init(g);
    fmpz_poly_one(p);
    for (t = 1; t <= n; t++) {
        if (phi[t] == 0)
            continue;
        fmpz_poly_cyclotomic(f, (ulong)t);
        fmpz_poly_pow(g, f, (ulong)phi[t]);
        fmpz_poly_mul(p, p, g);
    }
    fmpz_poly_clear(f);
    fmpz_poly_clear(g);
}

/* p = q^e prod_j (q^j - 1)^{c_j}, j = 1..n (a polynomial by construction) */
static void from_c(fmpz_poly_t p, slong e, const slong *c, slong n)
{
    slong *phi = flint_malloc((n + 1) * sizeof(slong));
    _rs_qpoly_phi_from_c(phi, c, n);
    _rs_qpoly_from_phi(p, phi, n);
    fmpz_poly_shift_left(p, p, e);
    flint_free(phi);
}

void rs_qpoly_gl(fmpz_poly_t p, slong n)
{
    slong *c = flint_calloc(n + 1, sizeof(slong)), j;
    for (j = 1; j <= n; j++)
        c[j] = 1;
    from_c(p, n * (n - 1) / 2, c, n);
    flint_free(c);
}

void rs_qpoly_rank_matrices(fmpz_poly_t p, slong m, slong n, slong r)
{
    slong top = FLINT_MAX(m, n), j, *c;
    if (r > m || r > n) {
        fmpz_poly_zero(p);
        return;
    }
    /* prod_{i<r} (q^m - q^i)(q^n - q^i) / (q^r - q^i)
       = q^{r(r-1)/2} [m]!/[m-r]! [n]!/[n-r]! / [r]!, [k]! = prod (q^j - 1) */
    c = flint_calloc(top + 1, sizeof(slong));
    for (j = m - r + 1; j <= m; j++)
        c[j]++;
    for (j = n - r + 1; j <= n; j++)
        c[j]++;
    for (j = 1; j <= r; j++)
        c[j]--;
    from_c(p, r * (r - 1) / 2, c, top);
    flint_free(c);
}

slong rs_stratum_points_factor_scratch(slong *e, slong *phi, slong *c, slong *d,
                                       const rs_barcode_t B, slong dim)
{
    slong L = B->L, i, j, k, r = rs_barcode_rank(B), maxd = 0, n, end, sq;
    rs_barcode_widths(d, B);
    for (k = 0; k <= L; k++)
        maxd = FLINT_MAX(maxd, d[k]);
    for (j = 0; j <= maxd; j++)
        c[j] = 0;
    /* End from the dimension formula of docs/math.md section 3 */
    sq = 0;
    for (k = 0; k <= L; k++)
        sq += d[k] * d[k];
    end = sq - (dim >= 0 ? dim : rs_barcode_dim(B)) - r * (d[0] + d[L] - r);
    /* |GL_{d_k}| = q^{d_k (d_k - 1)/2} [d_k]!;  |Aut_b| = q^{End - sum
       w^2} prod_I q^{w (w - 1)/2} [w]!;  R_{d_L,d_0,r} as in
       rs_qpoly_rank_matrices */
    *e = -end - r * (r - 1) / 2;
    for (k = 0; k <= L; k++) {
        *e += d[k] * (d[k] - 1) / 2;
        c[d[k]]++; /* c is turned into suffix sums below */
    }
    for (i = 0; i <= L; i++)
        for (j = i; j <= L; j++) {
            slong w = rs_barcode_get(B, i, j);
            *e += w * (w + 1) / 2; /* + w^2 - w (w - 1)/2 */
            c[w]--;
        }
    /* c[w] so far: (number of [k]! with k = w) - (number of [w_I]! with
       w_I = w); the exponent of q^j - 1 is its sum over w >= j */
    for (j = maxd - 1; j >= 1; j--)
        c[j] += c[j + 1];
    c[0] = 0;
    for (j = d[L] - r + 1; j <= d[L]; j++)
        c[j]--;
    for (j = d[0] - r + 1; j <= d[0]; j++)
        c[j]--;
    for (j = 1; j <= r; j++)
        c[j]++;
    n = 0;
    if (_rs_qpoly_phi_from_c(phi, c, maxd) < 0 || *e < 0)
        n = -1;
    else
        for (j = 1; j <= maxd; j++)
            if (phi[j] != 0)
                n = j;
    return n;
}

slong rs_stratum_points_factor(slong *e, slong *phi, const rs_barcode_t B)
{
    slong L = B->L, k, maxd = 0, n;
    slong *d = flint_malloc((L + 1) * sizeof(slong)), *c;
    rs_barcode_widths(d, B);
    for (k = 0; k <= L; k++)
        maxd = FLINT_MAX(maxd, d[k]);
    c = flint_malloc((maxd + 1) * sizeof(slong));
    n = rs_stratum_points_factor_scratch(e, phi, c, d, B, -1);
    flint_free(c);
    flint_free(d);
    return n;
}

int rs_stratum_points(fmpz_poly_t p, const rs_barcode_t B, rs_error_t err)
{
    slong L = B->L, k, maxd = 0, e, n;
    slong *d = flint_malloc((L + 1) * sizeof(slong)), *phi;
    rs_barcode_widths(d, B);
    for (k = 0; k <= L; k++)
        maxd = FLINT_MAX(maxd, d[k]);
    flint_free(d);
    phi = flint_malloc((maxd + 1) * sizeof(slong));
    n = rs_stratum_points_factor(&e, phi, B);
    if (n < 0) {
        flint_free(phi);
        return rs_error_set(err, RS_EINTERNAL,
                            "the point count of a stratum is not a "
                            "polynomial (a negative cyclotomic exponent)");
    }
    _rs_qpoly_from_phi(p, phi, n);
    fmpz_poly_shift_left(p, p, e);
    flint_free(phi);
    return RS_OK;
}

int rs_fiber_points(fmpz_poly_t p, const slong *d, slong L, slong r,
                    rs_error_t err)
{
    int status = RS_OK;
    /* cur[s]: tuples (W_1..W_k) with rank W_k..W_1 = s, s <= d_0 */
    slong k, s, t, top = d[0];
    fmpz_poly_struct *cur, *nxt;
    fmpz_poly_t R, x, rem;
    fmpz_poly_init(rem);
    fmpz_poly_init(R);
    fmpz_poly_init(x);
    cur = flint_malloc((top + 1) * sizeof(fmpz_poly_struct));
    nxt = flint_malloc((top + 1) * sizeof(fmpz_poly_struct));
    for (s = 0; s <= top; s++) {
        fmpz_poly_init(cur + s);
        fmpz_poly_init(nxt + s);
    }
    fmpz_poly_one(cur + top); /* W_{00} = I has rank d_0 */
    for (k = 1; k <= L; k++) {
        for (t = 0; t <= top; t++)
            fmpz_poly_zero(nxt + t);
        for (s = 0; s <= top; s++) {
            if (fmpz_poly_is_zero(cur + s))
                continue;
            /* the last step only needs rank r */
            for (t = (k == L ? r : 0); t <= FLINT_MIN(s, d[k]); t++) {
                if (k == L && t != r)
                    break;
                rs_qpoly_rank_matrices(R, d[k], s, t);
                fmpz_poly_mul(x, cur + s, R);
                fmpz_poly_shift_left(x, x, d[k] * (d[k - 1] - s));
                fmpz_poly_add(nxt + t, nxt + t, x);
            }
        }
        {
            fmpz_poly_struct *tmp = cur;
            cur = nxt;
            nxt = tmp;
        }
    }
    /* every rank-r matrix has the same number of preimages */
    rs_qpoly_rank_matrices(R, d[L], d[0], r);
    fmpz_poly_divrem(p, rem, cur + r, R);
    if (!fmpz_poly_is_zero(rem))
        status = rs_error_set(err, RS_EINTERNAL,
                              "the layer programme's count of tuples is not "
                              "divisible by the number of rank-%ld matrices",
                              (long)r);
    for (s = 0; s <= top; s++) {
        fmpz_poly_clear(cur + s);
        fmpz_poly_clear(nxt + s);
    }
    flint_free(cur);
    flint_free(nxt);
    fmpz_poly_clear(R);
    fmpz_poly_clear(x);
    fmpz_poly_clear(rem);
    return status;
}
