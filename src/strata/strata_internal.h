/* Internal helpers shared by the files of the strata module. */
#ifndef RS_STRATA_INTERNAL_H
#define RS_STRATA_INTERNAL_H

#include "rankstrat/strata.h"

/* Entry p of a packed rank list, big-endian in `width` bytes, so that
   memcmp orders packed lists lexicographically. */
static inline ulong _rs_strata_get(const unsigned char *key, slong p,
                                   slong width)
{
    const unsigned char *q = key + p * width;
    if (width == 1)
        return q[0];
    if (width == 2)
        return ((ulong)q[0] << 8) | q[1];
    return ((ulong)q[0] << 24) | ((ulong)q[1] << 16) | ((ulong)q[2] << 8) |
           q[3];
}

static inline void _rs_strata_put(unsigned char *key, slong p, slong width,
                                  ulong v)
{
    unsigned char *q = key + p * width;
    if (width == 1) {
        q[0] = (unsigned char)v;
    } else if (width == 2) {
        q[0] = (unsigned char)(v >> 8);
        q[1] = (unsigned char)v;
    } else {
        q[0] = (unsigned char)(v >> 24);
        q[1] = (unsigned char)(v >> 16);
        q[2] = (unsigned char)(v >> 8);
        q[3] = (unsigned char)v;
    }
}

ulong _rs_strata_hash(const unsigned char *key, slong len);
/* Packs R (i < j entries, lexicographic (i, j) order) into key. */
void _rs_strata_pack(unsigned char *key, const rs_ranks_t R, slong width);
/* Adds a packed rank list (or finds it); returns its id. */
slong _rs_strata_add_packed(rs_strata_t S, const unsigned char *key, slong dim);
/* Rebuilds the hash table with `size` slots (a power of two > 2 n). */
void _rs_strata_rehash(rs_strata_t S, slong size);

/* Appends the pair (lower, upper) to C. */
void _rs_covers_push(rs_covers_t C, slong lower, slong upper);
/* Sorts the pairs of C by (lower, upper). */
void _rs_covers_sort(rs_covers_t C);

/* A stable merge sort of perm[0..n) by cmp(a, b, ctx) (negative when a
   comes first). */
void _rs_sort_slong(slong *perm, slong n,
                    int (*cmp)(slong a, slong b, const void *ctx),
                    const void *ctx);

/* ---- the counting programme's maps (count_map.c) ----------------------- */

#include <stdint.h>

/* A map from keys (P entries of uint32_t: a non-increasing sequence) to
   fmpz values, with a shared work counter: every inserted key counts one;
   past *budget the map sets *over and the programme stops. */
typedef struct {
    slong P;
    slong n, alloc;
    uint32_t *keys; /* entry k's key at keys + k * P */
    fmpz *vals;
    ulong *hash;  /* hash of entry k's key */
    slong *table; /* slot s: hash at 2s, entry id (-1 = empty) at 2s+1 */
    slong size;   /* power of two > 2 n */
    slong *work, budget;
    int *over;
} rs_pmap_struct;

typedef rs_pmap_struct rs_pmap_t[1];

void _rs_pmap_init(rs_pmap_t M, slong P, slong *work, slong budget, int *over);
void _rs_pmap_clear(rs_pmap_t M);
/* Index of key, or -1. */
slong _rs_pmap_find(const rs_pmap_t M, const uint32_t *key);
/* Index of key, inserted with value 0 if absent (then *is_new = 1; is_new
   may be NULL). */
slong _rs_pmap_insert(rs_pmap_t M, const uint32_t *key, int *is_new);
/* Keeps only the entries k with keep[k] != 0 (in order) and shortens the
   keys to their first Pn coordinates (the dropped ones must be zero). */
void _rs_pmap_compact(rs_pmap_t M, const char *keep, slong Pn);

/* The first counting programme (count_hash.c), sparse with fmpz values:
   C(e) of rs_strata_count_bars; RS_ELIMIT beyond max_work states.  A
   test oracle for the dense programme. */
int _rs_strata_count_bars_hash(fmpz_t count, const slong *e, slong L,
                               slong max_work);

/* ---- the dense counting programme (count_dp.c) ------------------------ */

/* One segment f[0..M] of positive widths, M >= 1, and its plan: the
   halves meet at level t (0 <= t <= 2M; level 2k is after layer k, level
   2k + 1 after the skew half of layer k + 1's step); when the widths are a
   palindrome and t = M the two halves are one array (use_symmetry). */
typedef struct {
    slong M;
    slong *f, *rev; /* the widths and their reverse */
    slong t;
    int palindrome, use_symmetry;
} rs_cseg_struct;

typedef rs_cseg_struct rs_cseg_t[1];

/* Copies f and chooses t (the cheapest level by an estimate) and
   use_symmetry; a caller may then set t (and use_symmetry, only for a
   palindrome with t = M) to any other valid value. */
void _rs_cseg_init(rs_cseg_t s, const slong *f, slong M);
void _rs_cseg_clear(rs_cseg_t s);
/* The work of the plan: the values (states) and block-size table entries
   of every array it creates, computed without running it; once past
   budget it stops and returns some number > budget. */
slong _rs_cseg_work(const rs_cseg_t s, slong budget);
/* c = C(f); checks *cancel (if cancel is not NULL) between the levels and
   returns nonzero, with c unset, if it was set. */
int _rs_cseg_count(fmpz_t c, const rs_cseg_t s, const volatile int *cancel);

#endif
