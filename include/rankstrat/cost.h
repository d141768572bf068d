/* The cost model: what a job will need, estimated before it starts, so
   that a job over the limits is refused at once (RS_ELIMIT, one line
   naming the estimate, the limit and the option that raises it) instead of
   running for minutes or exhausting memory.

   Two quantities, both estimates (upper-bound flavoured, not exact):
     bytes  peak memory of the data the job holds;
     work   work units; one unit is about 50 word operations (tens of
            nanoseconds), and one state of the dynamic programme of
            rs_strata_count is one unit, so that --max-work means the same
            in every command.
   They are doubles: estimates of huge jobs must not overflow, and a
   relative error of 1e-16 is irrelevant here.  Every function is cheap:
   linear in L or in the size of what was already read, never in the job.

   Entry sizes count: an exact entry of b bits costs about 2 b / 8 bytes
   (numerator and denominator) beyond its 16-byte header, and arithmetic on
   it costs in proportion to its words; products of L factors have entries
   about L times larger.  So a matrix of a few million-digit entries is
   expensive although it has few entries. */
#ifndef RANKSTRAT_COST_H
#define RANKSTRAT_COST_H

#include <flint/flint.h>
#include <flint/fmpq_mat.h>

#include "rankstrat/error.h"
#include "rankstrat/export.h"
#include "rankstrat/net.h"

RS_BEGIN_DECLS

typedef struct {
    double bytes;
    double work;
} rs_cost_t;

typedef struct {
    double max_memory; /* bytes */
    double max_work;   /* work units */
} rs_cost_limits_t;

/* The default work bound, the same in every command and in the strata
   count (rs_strata_count's RS_STRATA_COUNT_DEFAULT_WORK): 2e8 units, some
   seconds of computing. */
#define RS_COST_DEFAULT_WORK 2e8

/* Word operations per work unit. */
#define RS_COST_OPS_PER_UNIT 50.0

/* The defaults: max_memory = half of the physical memory (sysconf; 4 GiB
   when unknown), or the address-space limit (RLIMIT_AS, ulimit -v) if
   that is smaller; max_work = RS_COST_DEFAULT_WORK. */
void rs_cost_limits_default(rs_cost_limits_t *lim);

/* lim = given with every field <= 0 (or NaN) replaced by its default, so
   that a caller can set one limit and leave the other; given NULL means
   all defaults.  lim and given may alias; a NULL lim is ignored.  The library's
   whole jobs (rs_point_analyze, the rs_doc_* functions) take their limits so.
 */
void rs_cost_limits_set(rs_cost_limits_t *lim, const rs_cost_limits_t *given);

/* c = 0. */
void rs_cost_zero(rs_cost_t *c);

/* c += times * x (x may alias c). */
void rs_cost_add(rs_cost_t *c, const rs_cost_t *x, double times);

/* Bytes of an r x c matrix over Q with entries of at most `bits` bits
   (numerator plus denominator). */
double rs_cost_qmat_bytes(double r, double c, double bits);

/* The largest entry size of M in bits (numerator plus denominator bits);
   0 for a matrix without entries (or NULL).  Linear in the number of entries.
 */
slong rs_cost_mat_bits(const fmpq_mat_t M);

/* The largest entry size of N's weights in bits, as rs_cost_mat_bits. */
slong rs_cost_net_bits(const rs_net_t N);

/* Holding a network with widths d_0..d_L and entries of `bits` bits. */
void rs_cost_net(rs_cost_t *c, const slong *d, slong L, double bits);

/* One rank list of a network (rs_net_ranks): every partial product W_ji
   (computed as W_j W_{j-1,i}, with entries growing by the factors' bits)
   and its exact rank (modular rank plus certification, whose cost grows
   with the determinant's size), plus a fixed cost per matrix that makes
   thousands of empty or 1 x 1 layers cost what they do (L^2/2 matrices). */
void rs_cost_ranks(rs_cost_t *c, const slong *d, slong L, double bits);

/* A barcode or rank list for layers 0..L (a dense triangle of
   (L+1)(L+2)/2 words), and touching it once. */
void rs_cost_triangle(rs_cost_t *c, slong L);

/* The three estimates below add to *c; with a NULL c, d or N (or L < 0)
   they do nothing. */

/* A job over the n strata of the fiber with widths d_0..d_L: every
   stratum held as a rank list and a barcode (two triangles), plus `lists`
   rank lists per stratum of a point with small entries (verify: 2), all
   strata stored (stored != 0) or streamed one at a time (stored = 0, then
   the memory is one stratum's). */
void rs_cost_fiber(rs_cost_t *c, const slong *d, slong L, double n,
                   double lists, int stored);

/* The canonical point of a stratum of the fiber with widths d_0..d_L:
   the barcode's triangle, the network with 0/1 entries built and then
   moved, and, with a product (product != 0), its rank factorisation. */
void rs_cost_canonical(rs_cost_t *c, const slong *d, slong L, int product);

/* A move of N by a matrix whose entries have mbits bits: the rank lists
   before and after, at the entries' grown sizes. */
void rs_cost_move(rs_cost_t *c, const rs_net_t N, slong mbits);

/* Returns RS_OK if c is within lim, else records RS_ELIMIT with
   "estimated X of memory for JOB, more than the limit Y (raise it with
   --max-memory)" (or the same for work and --max-work) and returns it;
   JOB names what is estimated, e.g. "the rank list". */
int rs_cost_check(const rs_cost_t *c, const rs_cost_limits_t *lim,
                  const char *job, rs_error_t err);

RS_END_DECLS

#endif
