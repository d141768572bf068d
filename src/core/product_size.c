/* Size checks for the partial products of a network, done before they are
   allocated. */
#include <flint/fmpz.h>

#include "rankstrat/limits.h"

void rs_limits_product_cost(fmpz_t entries, fmpz_t rows, fmpz_t matrices,
                            const slong *d, slong L)
{
    fmpz_t e, r, below, t;
    slong j;
    fmpz_init(e);
    fmpz_init(r);
    fmpz_init(below);
    fmpz_init(t);
    /* sum_{i<=j} d_j d_i = sum_j d_j (d_0 + ... + d_j), and W_ji has d_j
       rows for each of the j + 1 values of i: linear in L */
    for (j = 0; j <= L; j++) {
        fmpz_add_si(below, below, d[j]);
        fmpz_addmul_ui(e, below, (ulong)d[j]);
        fmpz_set_si(t, d[j]);
        fmpz_addmul_ui(r, t, (ulong)(j + 1));
    }
    if (entries != NULL)
        fmpz_set(entries, e);
    if (rows != NULL)
        fmpz_set(rows, r);
    if (matrices != NULL) {
        fmpz_set_si(matrices, L + 1);
        fmpz_mul_si(matrices, matrices, L + 2);
        fmpz_fdiv_q_2exp(matrices, matrices, 1);
    }
    fmpz_clear(e);
    fmpz_clear(r);
    fmpz_clear(below);
    fmpz_clear(t);
}

int rs_limits_check_products(const slong *d, slong L, slong max_entries,
                             const char *what, rs_error_t err)
{
    fmpz_t e, r, m, total, bytes;
    int status = RS_OK;
    fmpz_init(e);
    fmpz_init(r);
    fmpz_init(m);
    fmpz_init(total);
    fmpz_init(bytes);
    rs_limits_product_cost(e, r, m, d, L);
    fmpz_add(total, e, r);
    fmpz_add(total, total, m);
    if (fmpz_cmp_si(total, max_entries) > 0) {
        char *se, *sr, *sm, *sb;
        /* an exact rational takes two words, a row pointer one and a
           matrix header at least four */
        fmpz_mul_ui(bytes, e, 2 * sizeof(slong));
        fmpz_addmul_ui(bytes, r, sizeof(void *));
        fmpz_addmul_ui(bytes, m, 4 * sizeof(slong));
        se = fmpz_get_str(NULL, 10, e);
        sr = fmpz_get_str(NULL, 10, r);
        sm = fmpz_get_str(NULL, 10, m);
        sb = fmpz_get_str(NULL, 10, bytes);
        status = rs_error_set(
            err, RS_ELIMIT,
            "the partial products W_ji would need %s entries, %s rows and %s "
            "matrices (at least %s bytes), more than the limit of %ld on "
            "their sum (%s)",
            se, sr, sm, sb, (long)max_entries, what);
        flint_free(se);
        flint_free(sr);
        flint_free(sm);
        flint_free(sb);
    }
    fmpz_clear(e);
    fmpz_clear(r);
    fmpz_clear(m);
    fmpz_clear(total);
    fmpz_clear(bytes);
    return status;
}
