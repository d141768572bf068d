/* All strata of one fiber (docs/math.md sections 2-4): enumeration, exact
   counts, a compact store with a hash from rank list to stratum id, the
   closure order's covering pairs (the Hasse diagram) and a fiber summary.

   The strata of the fiber of a rank-r matrix with widths d = (d_0..d_L)
   are the barcodes with w_{L0} = r covering layer k exactly d_k times; they
   depend only on (d, r).  Every function here requires a nonempty fiber
   (rs_fiber_is_nonempty) and a shape accepted by rs_dims_check.

   Orders (both deterministic):
   - enumeration order (rs_strata_enumerate): rank lists increase
     lexicographically in the order r_10, r_20, r_21, r_30, r_31, r_32, ...
     (target layer j first, then source layer i);
   - the sorted order (rs_strata_sort, the order of every table the command
     line prints): decreasing dimension, ties broken by increasing rank list
     in the lexicographic order of the pairs (i, j) = (0,1), (0,2), ...,
     (0,L), (1,2), ..., (L-1,L), i.e. r_10, r_20, ..., r_L0, r_21, ...  This
     is the order of the "ranks" lists in JSON output. */
#ifndef RANKSTRAT_STRATA_H
#define RANKSTRAT_STRATA_H

#include <flint/flint.h>
#include <flint/fmpz.h>

#include "rankstrat/barcode.h"
#include "rankstrat/error.h"
#include "rankstrat/progress.h"

#include "rankstrat/export.h"

RS_BEGIN_DECLS

/* ---- enumeration --------------------------------------------------- */

/* Called once per stratum with its barcode, rank list and dimension (all
   owned by the enumerator and valid only during the call).  A nonzero
   return value stops the enumeration and is passed back. */
typedef int (*rs_strata_visit_fn)(void *data, const rs_barcode_t B,
                                  const rs_ranks_t R, slong dim);

/* Visits every stratum of the fiber of a rank-r matrix with widths d, in
   enumeration order, without storing them: a depth-first search over the
   layers that at layer k chooses how many strands of each birth layer
   survive to layer k + 1.  Every partial choice extends to a stratum, so
   the work is proportional to the output.  Sets *count to the number of
   strata visited and returns 0, or the callback's nonzero value if it
   stopped the search. */
int rs_strata_enumerate(slong *count, const slong *d, slong L, slong r,
                        rs_strata_visit_fn visit, void *data);

/* ---- exact count ----------------------------------------------------- */

/* The default work bound of rs_strata_count: dynamic-programming states
   (values of n machine words each, where the count has about 64 n bits)
   plus block-size table entries, summed over every array the programme
   creates.  At this bound a count takes seconds and a few GB at most. */
#define RS_STRATA_COUNT_DEFAULT_WORK (WORD(200000000))

/* Sets count to the number of strata of the fiber, without listing them.
   After the reduction (d, r) -> (e, 0), e = d - r, the strata are the
   multisets of bars other than [0, L] that cover layer k exactly e_k
   times; with C(e) the number of such multisets when [0, L] is allowed,
   the count is C(e) - C(e - 1).  C(e) is computed by a dynamic programme
   over layers whose states are partitions (the multiset of alive-strand
   counts per birth layer, whose future does not depend on the birth
   layer), expressed in the Schur basis so that each layer step is a
   sequence of one-coordinate running sums over dense arrays of exact
   multi-word integers, from both ends to a middle level where the two
   halves are paired by the Hall inner product (for widths that read the
   same reversed, one half serves for both).  The work is known before
   anything runs: this refuses at once (RS_ELIMIT, with a message) when it
   exceeds max_work (max_work <= 0: RS_STRATA_COUNT_DEFAULT_WORK).  C(e)
   and C(e - 1) run on two threads when the machine has two cores.  If work
   is not NULL it receives the work (when refused, some number above
   max_work). */
int rs_strata_count(fmpz_t count, const slong *d, slong L, slong r,
                    slong max_work, slong *work, rs_error_t err);

/* rs_strata_count that stops with RS_ECANCEL (count set to 0) soon after
   prog's cancel flag is set (prog may be NULL). */
int rs_strata_count_progress(fmpz_t count, const slong *d, slong L, slong r,
                             slong max_work, slong *work,
                             rs_progress_struct *prog, rs_error_t err);

/* C(e) of rs_strata_count: the number of multisets of bars [i, j] (any,
   including [0, L]) covering layer k exactly e_k times; 0 if some e_k < 0.
   Same work bound. */
int rs_strata_count_bars(fmpz_t count, const slong *e, slong L, slong max_work,
                         slong *work, rs_error_t err);

/* ---- the store ------------------------------------------------------- */

/* Strata of one fiber, each kept as its rank list (the L(L+1)/2 numbers
   r_ji, i < j, in the lexicographic (i, j) order, packed big-endian in 1, 2
   or 4 bytes each as max d requires, so that memcmp compares them
   lexicographically) and its dimension.  An open-addressing hash table maps
   rank lists to ids 0..n-1. */
typedef struct {
    slong L, r, N;        /* N: weight-space dimension */
    slong *d;             /* widths d_0..d_L (a copy) */
    slong m;              /* entries per rank list, L(L+1)/2 */
    slong width;          /* bytes per entry: 1, 2 or 4 */
    slong n, alloc;       /* strata stored, capacity */
    unsigned char *ranks; /* stratum id at ranks + id * m * width */
    slong *dim;
    slong *table;     /* hash table of ids, -1 = empty */
    slong table_size; /* a power of two, > 2 n */
} rs_strata_struct;

typedef rs_strata_struct rs_strata_t[1];

/* Initialises an empty store for the fiber (d, r). */
void rs_strata_init(rs_strata_t S, const slong *d, slong L, slong r);
void rs_strata_clear(rs_strata_t S);

/* Adds the stratum with rank list R (which must be valid for the fiber)
   and dimension dim; returns its id.  A rank list already present is not
   added again; its existing id is returned. */
slong rs_strata_add(rs_strata_t S, const rs_ranks_t R, slong dim);
/* The id of the stratum with rank list R, or -1. */
slong rs_strata_find(const rs_strata_t S, const rs_ranks_t R);
/* The same for a packed rank list (m entries of S->width bytes). */
slong rs_strata_find_packed(const rs_strata_t S, const unsigned char *key);

/* Rank list, barcode and dimension of stratum id (0 <= id < n).  R and B
   are re-shaped if needed. */
void rs_strata_get_ranks(rs_ranks_t R, const rs_strata_t S, slong id);
void rs_strata_get_barcode(rs_barcode_t B, const rs_strata_t S, slong id);
slong rs_strata_dim(const rs_strata_t S, slong id);
/* r_{ji} of stratum id, 0 <= i < j <= L. */
slong rs_strata_rank_entry(const rs_strata_t S, slong id, slong i, slong j);

/* Position of r_{ji} (i < j) in a packed rank list. */
static inline slong rs_strata_pos(slong L, slong i, slong j)
{
    return i * L - i * (i - 1) / 2 + (j - i - 1);
}

/* Enumerates the whole fiber into S (which must be empty).  Refuses
   (RS_ELIMIT, S emptied) once more than max_strata strata are found; the
   message gives the exact number when rs_strata_count finds it within its
   default work bound.  max_strata <= 0 means no bound. */
int rs_strata_fill(rs_strata_t S, slong max_strata, rs_error_t err);

/* rs_strata_fill with progress reports (done = strata found so far) and
   cancellation through the token prog (NULL: none).  A cancelled fill
   empties S and returns RS_ECANCEL. */
int rs_strata_fill_progress(rs_strata_t S, slong max_strata,
                            rs_progress_struct *prog, rs_error_t err);

/* Reorders S into the sorted order described at the top of this file and
   rebuilds the hash table; ids change accordingly. */
void rs_strata_sort(rs_strata_t S);

/* ---- covering pairs (Hasse diagram) ---------------------------------- */

/* Covering pairs (lower, upper) of the closure order: the lower stratum
   lies in the closure of the upper one, with nothing in between.  Sorted
   by lower id, then upper id. */
typedef struct {
    slong n, alloc;
    slong *pairs; /* pair k is (pairs[2k], pairs[2k+1]) */
} rs_covers_struct;

typedef rs_covers_struct rs_covers_t[1];

void rs_covers_init(rs_covers_t C);
void rs_covers_clear(rs_covers_t C);
static inline slong rs_covers_lower(const rs_covers_t C, slong k)
{
    return C->pairs[2 * k];
}
static inline slong rs_covers_upper(const rs_covers_t C, slong k)
{
    return C->pairs[2 * k + 1];
}

/* The covers by the local rule of docs/math.md section 4: from each stratum,
   every merge move raises the rank list by one on a rectangle; a merge
   gives a cover iff no other merge from the same stratum has a rectangle
   strictly inside its own (merges with equal rectangles reach the same
   stratum and give one cover).  Targets are found through the hash.
   Returns RS_EINTERNAL (with a message) if a target is missing from S,
   which cannot happen for a complete store. */
int rs_strata_covers(rs_covers_t C, const rs_strata_t S, rs_error_t err);

/* rs_strata_covers that stops with RS_ECANCEL (C emptied) soon after prog
   is cancelled; prog's callback sees the number of strata done (prog may
   be NULL). */
int rs_strata_covers_progress(rs_covers_t C, const rs_strata_t S,
                              rs_progress_struct *prog, rs_error_t err);

/* The same covers by brute force: all pairs compared by rank dominance,
   then the transitive reduction (bit sets; O(n^3 / 64) time, n^2 / 8 bytes).
   A test oracle and a benchmark baseline. */
void rs_strata_covers_naive(rs_covers_t C, const rs_strata_t S);

/* Number of merge moves from stratum id (ordered bar pairs that admit a
   merge, docs/math.md section 4). */
slong rs_strata_num_merges(const rs_strata_t S, slong id);

/* ---- fiber summary --------------------------------------------------- */

typedef struct {
    slong weight_space_dim; /* N */
    slong fiber_dim;        /* largest stratum dimension */
    slong count;            /* number of strata */
    slong top;              /* strata of dimension fiber_dim */
    slong maximal;          /* maximal strata = irreducible components */
    slong minimal;          /* id of the unique minimal stratum */
} rs_strata_summary_t;

/* Summary of a complete store (maximal = strata admitting no merge move). */
void rs_strata_summary(rs_strata_summary_t *sum, const rs_strata_t S);

RS_END_DECLS

#endif
