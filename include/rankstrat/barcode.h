/* Rank lists and barcodes of a linear network (docs/math.md sections 2-4, 8).

   Layers are 0..L (L >= 1) with widths d_0..d_L.  Both a rank list and a
   barcode are stored as a triangle of small integers indexed by
   rs_tri_index(i, j) for 0 <= i <= j <= L:
     - rank list: r_{ji} = rank W_{ji}, with r_{ii} = d_i;
     - barcode:   w_{ji} = multiplicity of the bar [i, j].
   All dimensions are exact machine integers: callers must keep the total
   width sum_k d_k at most RS_MAX_TOTAL_WIDTH (rs_dims_check enforces it),
   which keeps every formula below free of overflow. */
#ifndef RANKSTRAT_BARCODE_H
#define RANKSTRAT_BARCODE_H

#include <stdio.h>

#include <flint/flint.h>
#include <flint/fmpz.h>

#include "rankstrat/error.h"

#include "rankstrat/export.h"

RS_BEGIN_DECLS

#define RS_MAX_TOTAL_WIDTH (WORD(1) << 30)
#define RS_MAX_LAYERS (WORD(1) << 16)

/* Position of the pair (i, j), 0 <= i <= j, in a triangle. */
static inline slong rs_tri_index(slong i, slong j)
{
    return j * (j + 1) / 2 + i;
}

/* Number of entries of a triangle for layers 0..L. */
static inline slong rs_tri_size(slong L)
{
    return (L + 1) * (L + 2) / 2;
}

/* Checks that (d_0..d_L) is a shape the engine supports: 1 <= L <=
   RS_MAX_LAYERS, every d_k >= 0 and sum d_k <= RS_MAX_TOTAL_WIDTH.  On failure
   fills err (status RS_ELIMIT for sizes, RS_EINPUT otherwise) naming `what`
   (e.g. "--dims") and returns the status; returns RS_OK otherwise. */
int rs_dims_check(const slong *d, slong L, const char *what, rs_error_t err);

/* N = sum_k d_k d_{k-1}, the dimension of weight space. */
slong rs_weight_space_dim(const slong *d, slong L);

/* ---- rank lists ---------------------------------------------------- */

typedef struct {
    slong L;
    slong *r; /* r_{ji} at rs_tri_index(i, j) */
} rs_ranks_struct;

typedef rs_ranks_struct rs_ranks_t[1];

/* Initialises R for layers 0..L with every entry 0. */
void rs_ranks_init(rs_ranks_t R, slong L);
void rs_ranks_clear(rs_ranks_t R);
/* Copies S into R (R is re-shaped if needed). */
void rs_ranks_set(rs_ranks_t R, const rs_ranks_t S);
int rs_ranks_equal(const rs_ranks_t R, const rs_ranks_t S);

/* r_{ji} with the conventions of docs/math.md: 0 when i < 0 or j > L; requires
   i <= j otherwise. */
slong rs_ranks_get(const rs_ranks_t R, slong i, slong j);
void rs_ranks_set_entry(rs_ranks_t R, slong i, slong j, slong value);

/* Whether R is the rank list of a nonempty stratum of the fiber of a rank-r
   matrix with widths d: r_{ii} = d_i, r_{L0} = r and every barcode
   multiplicity it implies is >= 0. */
int rs_ranks_is_valid(const rs_ranks_t R, const slong *d, slong r);

/* dim S by the rank-only formula of docs/math.md section 3 (R must be
   valid). */
slong rs_ranks_dim(const rs_ranks_t R);

/* Transpose network: r^T_{ji} = r_{L-i, L-j} (docs/math.md section 8). */
void rs_ranks_transpose(rs_ranks_t RT, const rs_ranks_t R);

/* Whether R <= S entrywise over all i < j (S' in closure(S) for strata of
   one fiber, docs/math.md section 4). */
int rs_ranks_leq(const rs_ranks_t R, const rs_ranks_t S);

/* ---- barcodes ------------------------------------------------------ */

typedef struct {
    slong L;
    slong *w; /* w_{ji}, multiplicity of bar [i, j], at rs_tri_index(i, j) */
} rs_barcode_struct;

typedef rs_barcode_struct rs_barcode_t[1];

/* Initialises B for layers 0..L with no bars. */
void rs_barcode_init(rs_barcode_t B, slong L);
void rs_barcode_clear(rs_barcode_t B);
void rs_barcode_set(rs_barcode_t B, const rs_barcode_t C);
int rs_barcode_equal(const rs_barcode_t B, const rs_barcode_t C);
/* Lexicographic comparison of the multiplicities in triangle order; a total
   order on barcodes of one L (for sorting). */
int rs_barcode_cmp(const rs_barcode_t B, const rs_barcode_t C);

/* Multiplicity of bar [i, j] (0 <= i <= j <= L). */
slong rs_barcode_get(const rs_barcode_t B, slong i, slong j);
void rs_barcode_set_entry(rs_barcode_t B, slong i, slong j, slong mult);

/* d_k = sum of w_{ji} over bars containing k; d has L + 1 entries. */
void rs_barcode_widths(slong *d, const rs_barcode_t B);
/* w_{L0}: the number of [0, L] strands, i.e. rank W. */
slong rs_barcode_rank(const rs_barcode_t B);
/* Total number of strands. */
slong rs_barcode_num_strands(const rs_barcode_t B);

/* Conversions of docs/math.md section 2; each is the inverse of the other. */
void rs_barcode_from_ranks(rs_barcode_t B, const rs_ranks_t R);
void rs_ranks_from_barcode(rs_ranks_t R, const rs_barcode_t B);

/* Whether B is the barcode of a stratum of the fiber of a rank-r matrix with
   widths d: every w >= 0, its widths are d and w_{L0} = r. */
int rs_barcode_is_valid(const rs_barcode_t B, const slong *d, slong r);

/* dim S by the End formula of docs/math.md section 3 (B must be valid for its
   own widths and rank). */
slong rs_barcode_dim(const rs_barcode_t B);
/* codim S = N - dim S. */
slong rs_barcode_codim(const rs_barcode_t B);

/* Whether B is the unique minimal stratum r[0,L] + (d_k - r)[k,k]. */
int rs_barcode_is_minimal(const rs_barcode_t B);
/* Writes the minimal stratum of (d, r) into B (re-shaped to L). */
void rs_barcode_set_minimal(rs_barcode_t B, const slong *d, slong L, slong r);

/* Whether a merge move (docs/math.md section 4) applies to strands on the bars
   [a, b] and [c, e]: both present (twice if equal), a < c <= b + 1 <= e and
   (a, e) != (0, L). */
int rs_barcode_merge_applies(const rs_barcode_t B, slong a, slong b, slong c,
                             slong e);
/* Applies that merge: [a,b] + [c,e] -> [a,e] (+ [c,b] if c <= b).  Requires
   rs_barcode_merge_applies. */
void rs_barcode_merge(rs_barcode_t M, const rs_barcode_t B, slong a, slong b,
                      slong c, slong e);
/* Whether no merge move applies: S is a maximal stratum. */
int rs_barcode_is_maximal(const rs_barcode_t B);

/* Number of connected components of the real stratum, 2^(n - rank_F2 V)
   (docs/math.md section 3): rs_barcode_components_log2 returns the exponent. */
slong rs_barcode_components_log2(const rs_barcode_t B);
void rs_barcode_components(fmpz_t count, const rs_barcode_t B);

/* Transpose network: bar [i, j] -> [L-j, L-i]. */
void rs_barcode_transpose(rs_barcode_t BT, const rs_barcode_t B);
/* Reduction (d, r) -> (d - r, 0): removes the [0, L] bars. */
void rs_barcode_reduce(rs_barcode_t R, const rs_barcode_t B);
/* Inverse of the reduction: adds r bars [0, L]. */
void rs_barcode_lift(rs_barcode_t B, const rs_barcode_t R, slong r);
/* The dimension shift of the reduction: sum_{k=1}^{L-1} r (2 d_k - r). */
slong rs_reduction_shift(const slong *d, slong L, slong r);

/* ---- the fiber ----------------------------------------------------- */

/* Whether the fiber of a rank-r matrix with widths d is nonempty:
   0 <= r <= min_k d_k. */
int rs_fiber_is_nonempty(const slong *d, slong L, slong r);
/* The fiber's dimension: the largest stratum dimension, found exactly by a
   dynamic programme over layers in O(L max_k d_k^2) time (no enumeration).
   Requires a nonempty fiber. */
slong rs_fiber_dim(const slong *d, slong L, slong r);
/* Whether the fiber is a smooth manifold: L = 1 or r = min_k d_k. */
int rs_fiber_is_smooth(const slong *d, slong L, slong r);

/* ---- random barcodes (for tests and benchmarks) --------------------- */

/* Sets B (re-shaped to L) to a random barcode valid for (d, r), or returns
   0 if there is none (then B is untouched).  Chosen layer by layer: which
   alive strands of each birth layer continue is random (the [0,L] class
   keeps at least r, exactly r at the end).  Not uniform over barcodes, but
   every barcode has positive probability. */
int rs_barcode_randtest(rs_barcode_t B, const slong *d, slong L, slong r,
                        flint_rand_t state);

/* ---- text ---------------------------------------------------------- */

/* Writes B as "[0,0] + 2[1,2]" (bars in triangle order, "-" when empty). */
void rs_barcode_fprint(FILE *f, const rs_barcode_t B);
/* Writes B as the command-line syntax "0-0,1-2x2". */
void rs_barcode_fprint_arg(FILE *f, const rs_barcode_t B);

/* The three forms the tool prints a barcode in. */
enum {
    RS_BARCODE_SUM, /* "2[0,0] + [1,2]" (text tables; "-" without bars) */
    RS_BARCODE_ARG, /* "0-0x2,1-2" (command-line syntax; "" without bars) */
    RS_BARCODE_JSON /* "[[0,0,2],[1,2,1]]" (JSON triples [i, j, m]) */
};

/* B in one of the forms above, bars in triangle order (by i, then j), as
   a new string to be released with flint_free. */
char *rs_barcode_get_str(const rs_barcode_t B, int form);

/* Reads a barcode for layers 0..L written in any of the three forms (the
   form is told by the first bar: "i-j", "m[i,j]"/"[i,j]" or "[[";
   blanks are allowed around bars and separators, and between the tokens
   of the JSON form).  "" and "-" are the barcode without bars; repeated
   bars add up; every multiplicity is >= 1, every layer index at most L,
   the multiplicities add up to at most RS_MAX_TOTAL_WIDTH (else
   RS_ELIMIT).  On failure B is unchanged, err holds a message without
   position and, if pos is not NULL, *pos the byte offset in s it refers
   to.  The result is not checked against any widths: see
   rs_barcode_is_valid. */
int rs_barcode_set_str(rs_barcode_t B, slong L, const char *s, size_t *pos,
                       rs_error_t err);

RS_END_DECLS

#endif
