/* Hash maps from short integer sequences to fmpz, for rs_strata_count.
   Each table slot keeps the full hash next to the entry id, so that a
   probe touches the keys only when the hashes agree (the maps are large
   and every other memory access is a cache miss). */
#include <string.h>

#include "rankstrat/strata.h"

#include "strata_internal.h"

static void table_reset(rs_pmap_t M, slong size)
{
    slong k;
    flint_free(M->table);
    M->size = size;
    M->table = flint_malloc(2 * size * sizeof(slong));
    for (k = 0; k < size; k++)
        M->table[2 * k + 1] = -1;
}

void _rs_pmap_init(rs_pmap_t M, slong P, slong *work, slong budget, int *over)
{
    M->P = P;
    M->n = M->alloc = 0;
    M->keys = NULL;
    M->vals = NULL;
    M->hash = NULL;
    M->table = NULL;
    table_reset(M, 16);
    M->work = work;
    M->budget = budget;
    M->over = over;
}

void _rs_pmap_clear(rs_pmap_t M)
{
    slong k;
    for (k = 0; k < M->n; k++)
        fmpz_clear(M->vals + k);
    flint_free(M->keys);
    flint_free(M->vals);
    flint_free(M->hash);
    flint_free(M->table);
}

static ulong key_hash(const uint32_t *key, slong P)
{
    ulong h = UWORD(0x9e3779b97f4a7c15);
    slong k;
    for (k = 0; k < P; k++) {
        h ^= key[k];
        h *= UWORD(0xff51afd7ed558ccd);
        h ^= h >> 32;
    }
    return h;
}

static int key_equal(const uint32_t *a, const uint32_t *b, slong P)
{
    slong k;
    for (k = 0; k < P; k++)
        if (a[k] != b[k])
            return 0;
    return 1;
}

static slong slot(const rs_pmap_t M, const uint32_t *key, ulong h)
{
    slong mask = M->size - 1, s = (slong)(h & (ulong)mask);
    for (;;) {
        slong id = M->table[2 * s + 1];
        if (id < 0 || ((ulong)M->table[2 * s] == h &&
                       key_equal(M->keys + id * M->P, key, M->P)))
            return s;
        s = (s + 1) & mask;
    }
}

static void rebuild(rs_pmap_t M, slong size)
{
    slong k, mask;
    table_reset(M, size);
    mask = size - 1;
    for (k = 0; k < M->n; k++) {
        slong s = (slong)(M->hash[k] & (ulong)mask);
        while (M->table[2 * s + 1] >= 0)
            s = (s + 1) & mask;
        M->table[2 * s] = (slong)M->hash[k];
        M->table[2 * s + 1] = k;
    }
}

slong _rs_pmap_find(const rs_pmap_t M, const uint32_t *key)
{
    return M->table[2 * slot(M, key, key_hash(key, M->P)) + 1];
}

slong _rs_pmap_insert(rs_pmap_t M, const uint32_t *key, int *is_new)
{
    ulong h = key_hash(key, M->P);
    slong s = slot(M, key, h);
    if (M->table[2 * s + 1] >= 0) {
        if (is_new != NULL)
            *is_new = 0;
        return M->table[2 * s + 1];
    }
    if (is_new != NULL)
        *is_new = 1;
    if (M->n == M->alloc) {
        M->alloc = M->alloc < 16 ? 16 : 2 * M->alloc;
        M->keys =
            flint_realloc(M->keys, M->alloc * M->P * sizeof(uint32_t) + 1);
        M->vals = flint_realloc(M->vals, M->alloc * sizeof(fmpz));
        M->hash = flint_realloc(M->hash, M->alloc * sizeof(ulong));
    }
    memcpy(M->keys + M->n * M->P, key, M->P * sizeof(uint32_t));
    fmpz_init(M->vals + M->n);
    M->hash[M->n] = h;
    M->table[2 * s] = (slong)h;
    M->table[2 * s + 1] = M->n;
    M->n++;
    if (++*M->work > M->budget)
        *M->over = 1;
    if (2 * M->n >= M->size)
        rebuild(M, 2 * M->size);
    return M->n - 1;
}

void _rs_pmap_compact(rs_pmap_t M, const char *keep, slong Pn)
{
    slong k, n = 0, size = 16, P = M->P;
    for (k = 0; k < M->n; k++) {
        if (!keep[k]) {
            fmpz_clear(M->vals + k);
            continue;
        }
        if (n != k || Pn != P)
            memmove(M->keys + n * Pn, M->keys + k * P, Pn * sizeof(uint32_t));
        M->vals[n] = M->vals[k]; /* moves the fmpz without copying */
        M->hash[n] = Pn != P ? key_hash(M->keys + n * Pn, Pn) : M->hash[k];
        n++;
    }
    M->n = n;
    M->P = Pn;
    while (size <= 2 * n)
        size *= 2;
    rebuild(M, size);
}
