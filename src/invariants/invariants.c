/* All invariants of a fiber, each computed two ways where a second way
   exists, and the ways compared (see rankstrat/invariants.h). */
#include <string.h>

#include "rankstrat/invariants.h"

/* Above this many coefficient operations (layers x rank pairs x degree)
   the layer programme is not run: its polynomial would be too large to be
   of use (and to print). */
#define POINTS_MAX_WORK 2000000000.0

void rs_invariants_init(rs_invariants_t I)
{
    memset(I, 0, sizeof(rs_invariants_struct));
    fmpq_init(I->lambda);
    fmpq_init(I->lambda_aoyagi);
    fmpz_init(I->top_plr);
    fmpz_init(I->top_strata);
    fmpz_init(I->top_points);
    fmpz_init(I->count);
    fmpz_poly_init(I->points);
    fmpz_poly_init(I->points_strata);
    fmpz_init(I->euler);
}

void rs_invariants_clear(rs_invariants_t I)
{
    fmpq_clear(I->lambda);
    fmpq_clear(I->lambda_aoyagi);
    fmpz_clear(I->top_plr);
    fmpz_clear(I->top_strata);
    fmpz_clear(I->top_points);
    fmpz_clear(I->count);
    fmpz_poly_clear(I->points);
    fmpz_poly_clear(I->points_strata);
    fmpz_clear(I->euler);
    flint_free(I->d);
    flint_free(I->by_dim);
}

char *rs_invariants_lambda_str(const fmpq_t lambda)
{
    return fmpq_get_str(NULL, 10, lambda);
}

/* The closed forms and the layer programme, which need no strata. */
static int closed_forms(rs_invariants_t I, const slong *d, slong L, slong r,
                        rs_error_t err)
{
    slong k, m = d[0];
    int status;
    double work;
    I->L = L;
    I->r = r;
    flint_free(I->d);
    I->d = flint_malloc((L + 1) * sizeof(slong));
    memcpy(I->d, d, (L + 1) * sizeof(slong));
    I->N = rs_weight_space_dim(d, L);
    if ((status =
             rs_invariants_aoyagi(I->lambda_aoyagi, &I->theta, &I->aoyagi_l,
                                  &I->aoyagi_s, d, L, r, err)) ||
        (status = rs_invariants_top_plr(I->top_plr, d, L, r, err)))
        return status;
    /* the layer programme: L steps over pairs of ranks <= the smallest
       width so far, products of degree <= N */
    work = 0.0;
    for (k = 0; k <= L; k++) {
        m = FLINT_MIN(m, d[k]);
        work += ((double)m + 1) * ((double)m + 1) * ((double)I->N + 1);
    }
    I->points_known = work <= POINTS_MAX_WORK;
    if (!I->points_known)
        return RS_OK;
    if ((status = rs_fiber_points(I->points, d, L, r, err)))
        return status;
    fmpz_zero(I->euler); /* the value at q = 1 */
    for (k = 0; k <= fmpz_poly_degree(I->points); k++)
        fmpz_add(I->euler, I->euler, I->points->coeffs + k);
    fmpz_poly_get_coeff_fmpz(I->top_points, I->points,
                             fmpz_poly_degree(I->points));
    return RS_OK;
}

/* The strata part from a complete store. */
static int from_store(rs_invariants_t I, const rs_strata_t S, rs_error_t err)
{
    rs_barcode_t B;
    rs_points_cache_t cache;
    fmpz_poly_struct *shifts = NULL; /* per cache entry: sum of q^e */
    slong id, k, e, nshift = 0, maxd = 0, dim;
    const fmpz_poly_struct *cof;
    fmpz_poly_t x;
    int status = RS_OK;

    for (k = 0; k <= S->L; k++)
        maxd = FLINT_MAX(maxd, S->d[k]);
    I->listed = 1;
    I->count_known = 1;
    fmpz_set_si(I->count, S->n);
    I->fiber_dim = 0;
    for (id = 0; id < S->n; id++)
        I->fiber_dim = FLINT_MAX(I->fiber_dim, rs_strata_dim(S, id));
    flint_free(I->by_dim);
    I->by_dim = flint_calloc(I->fiber_dim + 1, sizeof(slong));
    rs_barcode_init(B, S->L);
    rs_points_cache_init(cache, maxd);
    for (id = 0; id < S->n && status == RS_OK; id++) {
        dim = rs_strata_dim(S, id);
        I->by_dim[dim]++;
        rs_strata_get_barcode(B, S, id);
        status = rs_points_cache_get(&cof, &e, cache, B, err);
        if (status != RS_OK)
            break;
        k = cof - cache->polys;
        if (k >= nshift) {
            shifts =
                flint_realloc(shifts, cache->alloc * sizeof(fmpz_poly_struct));
            for (; nshift < cache->alloc; nshift++)
                fmpz_poly_init(shifts + nshift);
        }
        fmpz_poly_set_coeff_si(shifts + k, e,
                               fmpz_poly_get_coeff_si(shifts + k, e) + 1);
    }
    fmpz_set_si(I->top_strata, I->by_dim[I->fiber_dim]);
    fmpz_poly_zero(I->points_strata);
    fmpz_poly_init(x);
    for (k = 0; k < cache->n && status == RS_OK; k++) {
        fmpz_poly_mul(x, cache->polys + k, shifts + k);
        fmpz_poly_add(I->points_strata, I->points_strata, x);
    }
    fmpz_poly_clear(x);
    for (k = 0; k < nshift; k++)
        fmpz_poly_clear(shifts + k);
    flint_free(shifts);
    rs_points_cache_clear(cache);
    rs_barcode_clear(B);
    return status;
}

/* Compares the two ways of every invariant; the first disagreement is an
   internal error naming both values. */
static int cross_check(rs_invariants_t I, rs_error_t err)
{
    char *a, *b;
    int status = RS_OK;
    I->codim = I->N - I->fiber_dim;
    fmpq_set_si(I->lambda, I->codim, 2);
    I->check_lambda = RS_INV_AGREE;
    if (!fmpq_equal(I->lambda, I->lambda_aoyagi)) {
        a = rs_invariants_lambda_str(I->lambda);
        b = rs_invariants_lambda_str(I->lambda_aoyagi);
        status = rs_error_set(err, RS_EINTERNAL,
                              "lambda = codim/2 = %s but Aoyagi's formula "
                              "gives %s",
                              a, b);
        flint_free(a);
        flint_free(b);
        return status;
    }
    I->check_leading = I->points_known ? RS_INV_AGREE : RS_INV_SKIPPED;
    if (I->points_known) {
        if (fmpz_poly_degree(I->points) != I->fiber_dim)
            return rs_error_set(err, RS_EINTERNAL,
                                "the fiber polynomial has degree %ld but the "
                                "fiber dimension is %ld",
                                (long)fmpz_poly_degree(I->points),
                                (long)I->fiber_dim);
        if (!fmpz_equal(I->top_points, I->top_plr)) {
            a = fmpz_get_str(NULL, 10, I->top_points);
            b = fmpz_get_str(NULL, 10, I->top_plr);
            status = rs_error_set(err, RS_EINTERNAL,
                                  "top-dimensional components: the fiber "
                                  "polynomial's leading coefficient is %s "
                                  "but the Pepin Lehalleur-Rimanyi formula "
                                  "gives %s",
                                  a, b);
            flint_free(a);
            flint_free(b);
            return status;
        }
    }
    I->check_top = I->listed ? RS_INV_AGREE : RS_INV_SKIPPED;
    if (I->listed && !fmpz_equal(I->top_strata, I->top_plr)) {
        a = fmpz_get_str(NULL, 10, I->top_strata);
        b = fmpz_get_str(NULL, 10, I->top_plr);
        status = rs_error_set(err, RS_EINTERNAL,
                              "top-dimensional components: %s strata of "
                              "the largest dimension but the Pepin "
                              "Lehalleur-Rimanyi formula gives %s",
                              a, b);
        flint_free(a);
        flint_free(b);
        return status;
    }
    I->check_points =
        I->listed && I->points_known ? RS_INV_AGREE : RS_INV_SKIPPED;
    if (I->check_points == RS_INV_AGREE &&
        !fmpz_poly_equal(I->points, I->points_strata)) {
        a = fmpz_poly_get_str_pretty(I->points_strata, "q");
        b = fmpz_poly_get_str_pretty(I->points, "q");
        status = rs_error_set(err, RS_EINTERNAL,
                              "points over F_q: the strata sum to %s but the "
                              "layer programme gives %s",
                              a, b);
        flint_free(a);
        flint_free(b);
    }
    return status;
}

int rs_invariants_from_strata(rs_invariants_t I, const rs_strata_t S,
                              rs_error_t err)
{
    int status = closed_forms(I, S->d, S->L, S->r, err);
    if (status == RS_OK)
        status = from_store(I, S, err);
    if (status == RS_OK)
        status = cross_check(I, err);
    return status;
}

int rs_invariants_compute(rs_invariants_t I, const slong *d, slong L, slong r,
                          slong max_strata, slong max_work, rs_error_t err)
{
    int status;
    rs_error_t e2;
    if ((status = rs_dims_check(d, L, "--dims", err)))
        return status;
    if (!rs_fiber_is_nonempty(d, L, r))
        return rs_error_set(err, RS_EINPUT,
                            "the fiber is empty: rank %ld exceeds the "
                            "smallest width",
                            (long)r);
    if ((status = closed_forms(I, d, L, r, err)))
        return status;
    rs_error_init(e2);
    I->count_known =
        rs_strata_count(I->count, d, L, r, max_work, NULL, e2) == RS_OK;
    I->listed = 0;
    if (I->count_known &&
        (max_strata <= 0 || fmpz_cmp_si(I->count, max_strata) <= 0)) {
        rs_strata_t S;
        rs_strata_init(S, d, L, r);
        status = rs_strata_fill(S, max_strata, err);
        if (status == RS_OK)
            status = from_store(I, S, err);
        rs_strata_clear(S);
        if (status != RS_OK)
            return status;
    } else {
        I->fiber_dim = rs_fiber_dim(d, L, r);
    }
    return cross_check(I, err);
}
