/* A cache of stratum point-count polynomials for listing many strata: the
   polynomial of a stratum is q^e times a product of cyclotomic
   polynomials, and the strata of one fiber share few such products (the
   exponents depend only on the widths, the rank and the multiset of bar
   multiplicities), so each product is expanded once. */
#include <string.h>

#include "rankstrat/invariants.h"

#include "invariants/invariants_internal.h"

void rs_points_cache_init(rs_points_cache_t c, slong maxd)
{
    slong i;
    c->nphi = maxd + 1;
    c->n = 0;
    c->alloc = 16;
    c->keys = flint_malloc(c->alloc * c->nphi * sizeof(slong));
    c->polys = flint_malloc(c->alloc * sizeof(fmpz_poly_struct));
    c->size = 64;
    c->table = flint_malloc(c->size * sizeof(slong));
    for (i = 0; i < c->size; i++)
        c->table[i] = -1;
    c->scratch = flint_malloc(c->nphi * sizeof(slong));
}

void rs_points_cache_clear(rs_points_cache_t c)
{
    slong i;
    for (i = 0; i < c->n; i++)
        fmpz_poly_clear(c->polys + i);
    flint_free(c->keys);
    flint_free(c->polys);
    flint_free(c->table);
    flint_free(c->scratch);
}

static ulong key_hash(const slong *k, slong n)
{
    ulong h = UWORD(1469598103934665603), i;
    for (i = 0; i < (ulong)n; i++) {
        h ^= (ulong)k[i];
        h *= UWORD(1099511628211);
        h ^= h >> 29;
    }
    return h;
}

static void rehash(rs_points_cache_t c)
{
    slong i, s;
    c->size *= 2;
    c->table = flint_realloc(c->table, c->size * sizeof(slong));
    for (i = 0; i < c->size; i++)
        c->table[i] = -1;
    for (i = 0; i < c->n; i++) {
        s = key_hash(c->keys + i * c->nphi, c->nphi) & (c->size - 1);
        while (c->table[s] >= 0)
            s = (s + 1) & (c->size - 1);
        c->table[s] = i;
    }
}

int rs_points_cache_get(const fmpz_poly_struct **cofactor, slong *e,
                        rs_points_cache_t c, const rs_barcode_t B,
                        rs_error_t err)
{
    slong *key = c->scratch, top, s, id;
    memset(key, 0, c->nphi * sizeof(slong));
    top = rs_stratum_points_factor(e, key, B);
    if (top < 0)
        return rs_error_set(err, RS_EINTERNAL,
                            "the point count of a stratum is not a "
                            "polynomial (a negative cyclotomic exponent)");
    s = key_hash(key, c->nphi) & (c->size - 1);
    while ((id = c->table[s]) >= 0) {
        if (memcmp(c->keys + id * c->nphi, key, c->nphi * sizeof(slong)) == 0) {
            *cofactor = c->polys + id;
            return RS_OK;
        }
        s = (s + 1) & (c->size - 1);
    }
    if (c->n == c->alloc) {
        c->alloc *= 2;
        c->keys = flint_realloc(c->keys, c->alloc * c->nphi * sizeof(slong));
        c->polys = flint_realloc(c->polys, c->alloc * sizeof(fmpz_poly_struct));
    }
    id = c->n++;
    memcpy(c->keys + id * c->nphi, key, c->nphi * sizeof(slong));
    fmpz_poly_init(c->polys + id);
    _rs_qpoly_from_phi(c->polys + id, key, top);
    c->table[s] = id;
    if (2 * c->n >= c->size)
        rehash(c);
    *cofactor = c->polys + id;
    return RS_OK;
}
