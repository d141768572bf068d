/* A linear network: widths d_0..d_L and weights W_1..W_L over Q, with the
   partial products W_{ji} = W_j W_{j-1} ... W_{i+1} (docs/math.md section 1).

   Products are built incrementally, W_{j,i} = W_j W_{j-1,i}, never
   re-multiplied from scratch, only when asked for (W_{ji} needs W_{ki} for
   i < k < j, no other product), and cached until a weight is changed
   through rs_net_weight_mut. */
#ifndef RANKSTRAT_NET_H
#define RANKSTRAT_NET_H

#include <flint/flint.h>
#include <flint/fmpq.h>
#include <flint/fmpq_mat.h>

#include "rankstrat/barcode.h"
#include "rankstrat/error.h"

#include "rankstrat/export.h"

RS_BEGIN_DECLS

typedef struct {
    slong L;               /* number of weight matrices; 0 for an empty net */
    slong *d;              /* widths d_0..d_L */
    fmpq_mat_struct *W;    /* W[k-1] = W_k, d_k x d_{k-1} */
    fmpq_mat_struct *prod; /* W_{ji} at rs_tri_index(i, j); W_{ii} = I;
                              NULL until first needed */
    slong *top;            /* W_{ji} is current for i <= j <= top[i]
                              (top[i] = i - 1: none); products are made on
                              demand, along W_{i+1,i}, W_{i+2,i}, ... */
} rs_net_struct;

typedef rs_net_struct rs_net_t[1];

/* Initialises N with widths d_0..d_L (L >= 1, validated by the caller with
   rs_dims_check) and all weights zero. */
void rs_net_init(rs_net_t N, const slong *d, slong L);
/* Initialises N as an empty network (L = 0), a placeholder to read into. */
void rs_net_init_empty(rs_net_t N);
void rs_net_clear(rs_net_t N);
/* Copies M into N (N is re-shaped). */
void rs_net_set(rs_net_t N, const rs_net_t M);
/* Moves the contents of M into N and leaves M empty (no copying). */
void rs_net_swap(rs_net_t N, rs_net_t M);

/* Checks an argument of a public function: N is not NULL, has L >= 1
   layers, widths accepted by rs_dims_check and weights of the shapes d_k x
   d_{k-1}.  Returns RS_OK or RS_EINPUT with a message starting "what: ". */
int rs_net_check(const rs_net_t N, const char *what, rs_error_t err);

slong rs_net_num_layers(const rs_net_t N); /* L */
/* d_k, or -1 if k is not in 0..L. */
slong rs_net_width(const rs_net_t N, slong k);
/* N = sum_k d_k d_{k-1}, the dimension of weight space. */
slong rs_net_num_params(const rs_net_t N);

/* sum_{i<j} d_j d_i: the entries of all partial products together, so that
   callers can refuse networks whose products would not fit in memory. */
slong rs_net_product_entries(const rs_net_t N);

/* W_k for 1 <= k <= L, read-only; NULL for any other k. */
const fmpq_mat_struct *rs_net_weight(const rs_net_t N, slong k);
/* W_k for writing (NULL for k outside 1..L); invalidates the cached
   products. */
fmpq_mat_struct *rs_net_weight_mut(rs_net_t N, slong k);

/* Computes every W_{ji} that is not current. */
void rs_net_compute_products(rs_net_t N);
/* W_{ji}, 0 <= i <= j <= L (the identity when i = j); computes W_{ki},
   i < k <= j, first if they are not current.  Owned by N.  NULL when the
   indices are out of range. */
const fmpq_mat_struct *rs_net_product(rs_net_t N, slong j, slong i);

/* The rank list r_{ji} = rank W_{ji}, exact and certified (R is re-shaped
   to L).  Shares the work along the triangle and does not form the
   partial products over Q (see src/net/ranks.c).  Returns RS_OK, or
   RS_EINTERNAL if an internal consistency check failed (a certified rank
   below a modular lower bound: a bug, never a property of the input; R is
   then meaningless). */
int rs_net_ranks(rs_ranks_t R, rs_net_t N);

/* rs_net_ranks with the modular screening done with the primes after
   prime_start (0: automatic), which are also passed to the certified ranks
   (rs_rank_info_struct.prime_start): a test hook for adversarial primes.
   Returns the number of entries whose rank needed exact work beyond the
   modular screening and the monotonicity of the rank list, or -1 when
   rs_net_ranks would return RS_EINTERNAL. */
slong rs_net_ranks_start(rs_ranks_t R, rs_net_t N, ulong prime_start);

/* The transpose network (W_L^T, ..., W_1^T), widths reversed. */
void rs_net_transpose(rs_net_t T, const rs_net_t N);

/* The weight vector theta as N coordinates: W_1 row-major, then W_2, ...
   v must have rs_net_num_params(N) initialised entries. */
void rs_net_get_vec(fmpq *v, const rs_net_t N);
/* Sets the weights from N coordinates in the same order. */
void rs_net_set_vec(rs_net_t N, const fmpq *v);

/* The canonical point of barcode B (docs/math.md section 7): strands ordered
   with the [0,L] strands first, then by (birth, death); each strand takes
   the next coordinate at every layer where it lives, and W_k has a 1 at
   (row of s at k, column of s at k-1) for each strand s living at both.
   N is re-shaped to the widths of B.  Then W_{L0} = [[I_r,0],[0,0]]. */
void rs_net_set_canonical(rs_net_t N, const rs_barcode_t B);

/* The group action g . theta: W_k <- G_k W_k G_{k-1}^{-1} for k = 1..L,
   where G[k] (k = 0..L) is an invertible d_k x d_k matrix or NULL for the
   identity.  Hidden G_k keep the product; G_L, G_0 change it to
   G_L W G_0^{-1}.  Every rank of every W_{ji} is preserved.  Returns 1, or 0
   (leaving N unchanged) if some G[k] is singular or not d_k x d_k, or N or
   G is NULL. */
int rs_net_act(rs_net_t N, const fmpq_mat_struct *const *G);

RS_END_DECLS

#endif
