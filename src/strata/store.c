/* The compact stratum store: packed rank lists, dimensions and an
   open-addressing hash table from rank list to id. */
#include <string.h>

#include "rankstrat/strata.h"

#include "strata_internal.h"

void rs_strata_init(rs_strata_t S, const slong *d, slong L, slong r)
{
    slong k, dmax = 0;
    S->L = L;
    S->r = r;
    S->N = rs_weight_space_dim(d, L);
    S->d = flint_malloc((L + 1) * sizeof(slong));
    for (k = 0; k <= L; k++) {
        S->d[k] = d[k];
        dmax = FLINT_MAX(dmax, d[k]);
    }
    S->m = L * (L + 1) / 2;
    /* every r_ji is at most min(d_i, d_j) */
    S->width = dmax < 256 ? 1 : (dmax < 65536 ? 2 : 4);
    S->n = S->alloc = 0;
    S->ranks = NULL;
    S->dim = NULL;
    S->table_size = 16;
    S->table = flint_malloc(S->table_size * sizeof(slong));
    for (k = 0; k < S->table_size; k++)
        S->table[k] = -1;
}

void rs_strata_clear(rs_strata_t S)
{
    flint_free(S->d);
    flint_free(S->ranks);
    flint_free(S->dim);
    flint_free(S->table);
}

ulong _rs_strata_hash(const unsigned char *key, slong len)
{
    /* FNV-1a, then a final mix so that the low bits used by the table
       depend on every byte */
    ulong h = UWORD(14695981039346656037);
    slong k;
    for (k = 0; k < len; k++) {
        h ^= key[k];
        h *= UWORD(1099511628211);
    }
    h ^= h >> 29;
    h *= UWORD(0xbf58476d1ce4e5b9);
    h ^= h >> 32;
    return h;
}

void _rs_strata_pack(unsigned char *key, const rs_ranks_t R, slong width)
{
    slong L = R->L, i, j, p = 0;
    for (i = 0; i < L; i++)
        for (j = i + 1; j <= L; j++, p++)
            _rs_strata_put(key, p, width, (ulong)rs_ranks_get(R, i, j));
}

static slong find_slot(const rs_strata_t S, const unsigned char *key)
{
    slong bytes = S->m * S->width, mask = S->table_size - 1;
    slong h = (slong)(_rs_strata_hash(key, bytes) & (ulong)mask);
    for (;;) {
        slong id = S->table[h];
        if (id < 0 || memcmp(S->ranks + id * bytes, key, bytes) == 0)
            return h;
        h = (h + 1) & mask;
    }
}

void _rs_strata_rehash(rs_strata_t S, slong size)
{
    slong k;
    flint_free(S->table);
    S->table_size = size;
    S->table = flint_malloc(size * sizeof(slong));
    for (k = 0; k < size; k++)
        S->table[k] = -1;
    for (k = 0; k < S->n; k++)
        S->table[find_slot(S, S->ranks + k * S->m * S->width)] = k;
}

slong _rs_strata_add_packed(rs_strata_t S, const unsigned char *key, slong dim)
{
    slong bytes = S->m * S->width, h;
    h = find_slot(S, key);
    if (S->table[h] >= 0)
        return S->table[h];
    if (S->n == S->alloc) {
        S->alloc = S->alloc < 16 ? 16 : S->alloc + S->alloc / 2;
        S->ranks = flint_realloc(S->ranks, S->alloc * bytes + 1);
        S->dim = flint_realloc(S->dim, S->alloc * sizeof(slong));
    }
    memcpy(S->ranks + S->n * bytes, key, bytes);
    S->dim[S->n] = dim;
    S->table[h] = S->n;
    S->n++;
    /* keep the load factor below 1/2 */
    if (2 * S->n >= S->table_size)
        _rs_strata_rehash(S, 2 * S->table_size);
    return S->n - 1;
}

slong rs_strata_add(rs_strata_t S, const rs_ranks_t R, slong dim)
{
    slong id;
    unsigned char *key = flint_malloc(S->m * S->width + 1);
    _rs_strata_pack(key, R, S->width);
    id = _rs_strata_add_packed(S, key, dim);
    flint_free(key);
    return id;
}

slong rs_strata_find_packed(const rs_strata_t S, const unsigned char *key)
{
    return S->table[find_slot(S, key)];
}

slong rs_strata_find(const rs_strata_t S, const rs_ranks_t R)
{
    slong id;
    unsigned char *key;
    if (R->L != S->L)
        return -1;
    key = flint_malloc(S->m * S->width + 1);
    _rs_strata_pack(key, R, S->width);
    id = rs_strata_find_packed(S, key);
    flint_free(key);
    return id;
}

slong rs_strata_rank_entry(const rs_strata_t S, slong id, slong i, slong j)
{
    return (slong)_rs_strata_get(S->ranks + id * S->m * S->width,
                                 rs_strata_pos(S->L, i, j), S->width);
}

void rs_strata_get_ranks(rs_ranks_t R, const rs_strata_t S, slong id)
{
    slong L = S->L, i, j, p = 0;
    const unsigned char *key = S->ranks + id * S->m * S->width;
    if (R->L != L) {
        rs_ranks_clear(R);
        rs_ranks_init(R, L);
    }
    for (i = 0; i <= L; i++)
        rs_ranks_set_entry(R, i, i, S->d[i]);
    for (i = 0; i < L; i++)
        for (j = i + 1; j <= L; j++, p++)
            rs_ranks_set_entry(R, i, j,
                               (slong)_rs_strata_get(key, p, S->width));
}

void rs_strata_get_barcode(rs_barcode_t B, const rs_strata_t S, slong id)
{
    rs_ranks_t R;
    rs_ranks_init(R, S->L);
    rs_strata_get_ranks(R, S, id);
    rs_barcode_from_ranks(B, R);
    rs_ranks_clear(R);
}

slong rs_strata_dim(const rs_strata_t S, slong id)
{
    return S->dim[id];
}
