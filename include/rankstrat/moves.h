/* Moves on weight space and canonical points (docs/math.md sections 4 and 7).

   Every move below either stays in the fiber of W = mu(theta) by
   construction or is refused; each one re-checks exactly that the product
   W_L ... W_1 is unchanged before it returns, so a move that returns RS_OK
   has kept the product, and one that returns an error has left the
   network untouched.

     hidden-layer move   (W_{k+1}, W_k) -> (W_{k+1} G^{-1}, G W_k),
                         G invertible, 1 <= k <= L-1 (stays in the stratum)
     end-layer moves     W_L -> G W_L with G W = W, or W_1 -> W_1 G with
                         W G = W, G invertible (stay in the stratum)
     one-matrix move     W_k -> W_k + D, allowed iff W_{Lk} D W_{k-1,0} = 0
                         (stays on the fiber, may change the stratum)
     merge move          W_{b+1} -> W_{b+1} + t v_J^(b+1) phi_I^(b)^T for
                         strands on bars I = [a,b], J = [c,e] with
                         a < c <= b+1 <= e and (a,e) != (0,L); for t != 0
                         the rank list grows by one exactly on the
                         rectangle a <= i <= c-1, b+1 <= j <= e. */
#ifndef RANKSTRAT_MOVES_H
#define RANKSTRAT_MOVES_H

#include <flint/flint.h>
#include <flint/fmpq.h>
#include <flint/fmpq_mat.h>

#include "rankstrat/barcode.h"
#include "rankstrat/error.h"
#include "rankstrat/flow.h"
#include "rankstrat/net.h"

#include "rankstrat/export.h"

RS_BEGIN_DECLS

/* ---- rank factorization --------------------------------------------- */

/* An exact rank factorization of the m x n matrix W:

       W = P [[I_r, 0], [0, 0]] Q,   r = rank W,  P (m x m), Q (n x n)
                                     invertible,

   with P = [the pivot columns of W | unit vectors e_i completing them],
   the e_i chosen for the rows outside a nonsingular r x r minor of the
   pivot columns, and Q = [the nonzero rows of rref W ; the unit rows e_j
   of its non-pivot columns], so that Q is a permuted unit triangular
   matrix.  P and Q are re-initialised; *r receives the rank.  The identity
   is verified by one exact product; returns RS_OK, or RS_EINTERNAL (with a
   message) if it fails. */
int rs_rank_factor(fmpq_mat_t P, fmpq_mat_t Q, slong *r, const fmpq_mat_t W,
                   rs_error_t err);

/* ---- canonical points ------------------------------------------------- */

/* Checks that the barcode B (for layers 0..L, as parsed from `what`, e.g.
   "--barcode") is valid for the widths d: at every layer k the bars
   containing k number d_k, and, when r >= 0, there are exactly r bars
   [0, L].  On failure records RS_EINPUT with a message naming the first
   violated layer or the [0, L] bar, e.g. "--barcode: layer 1 has 2
   strands but d_1 = 3", and returns it. */
int rs_canonical_check(const rs_barcode_t B, const slong *d, slong L, slong r,
                       const char *what, rs_error_t err);

/* Sets N to the canonical point of the barcode B (rs_net_set_canonical)
   moved into the fiber of W (docs/math.md section 7): with
   W = P [[I_r,0],[0,0]] Q from rs_rank_factor, W_L -> P W_L and
   W_1 -> W_1 Q (for L = 1: W_1 -> P W_1 Q), which keeps every rank.
   W NULL means the canonical point itself (product [[I_r,0],[0,0]]).
   W must be d_L x d_0 for the widths d of B and rank W must be the number
   of [0, L] bars: otherwise RS_EINPUT with a message (N unchanged).  The
   product is verified exactly (RS_EINTERNAL if it is not W). */
int rs_canonical_point(rs_net_t N, const rs_barcode_t B, const fmpq_mat_t W,
                       rs_error_t err);

/* ---- moves ------------------------------------------------------------ */

/* Hidden-layer move at layer k (1 <= k <= L-1): (W_{k+1}, W_k) ->
   (W_{k+1} G^{-1}, G W_k).  Refuses (RS_EINPUT, N unchanged) a hidden
   layer out of range, a G that is not d_k x d_k, or a singular G. */
int rs_move_hidden(rs_net_t N, slong k, const fmpq_mat_t G, rs_error_t err);

/* End-layer move: k = L gives W_L -> G W_L and requires G W = W; k = 0
   gives W_1 -> W_1 G and requires W G = W (W the product).  Refuses
   (RS_EINPUT, N unchanged) any other k, a G of the wrong shape, a
   singular G or one that does not fix W, naming the failed condition. */
int rs_move_end(rs_net_t N, slong k, const fmpq_mat_t G, rs_error_t err);

/* One-matrix move W_k -> W_k + D (1 <= k <= L, D d_k x d_{k-1}), applied
   only if W_{Lk} D W_{k-1,0} = 0 exactly, i.e. the product is unchanged;
   otherwise RS_EINPUT (refused, N unchanged). */
int rs_move_one_matrix(rs_net_t N, slong k, const fmpq_mat_t D, rs_error_t err);

/* The first strand (in the canonical order of flow.h) on the bar [a, b]
   of F, or -1 if there is none. */
slong rs_move_find_strand(const rs_flow_t F, slong a, slong b);

/* Merge move on strand p (bar I = [a, b]) and strand q (bar J = [c, e])
   of the flow basis F of N (rs_flow_compute): W_{b+1} -> W_{b+1} + t
   v_q^(b+1) phi_p^(b)^T.  Requires a < c <= b+1 <= e and (a, e) != (0, L)
   (else RS_EINPUT, N unchanged).  The product is unchanged because
   phi_p^(b)^T W_{b0} = 0 when a > 0 and W_{L,b+1} v_q^(b+1) = 0 when
   e < L; this is verified exactly (RS_EINTERNAL if it fails). */
int rs_move_merge(rs_net_t N, const rs_flow_t F, slong p, slong q,
                  const fmpq_t t, rs_error_t err);

/* The rank list a merge of bars [a, b] and [c, e] leads to: S = R + 1 on
   the rectangle a <= i <= c-1, b+1 <= j <= e, and S = R elsewhere (S is
   re-shaped). */
void rs_move_merge_ranks(rs_ranks_t S, const rs_ranks_t R, slong a, slong b,
                         slong c, slong e);

/* ---- random moves ----------------------------------------------------- */

/* A random invertible n x n integer matrix (n = rows of G): a random row
   permutation of L U with L unit lower triangular and U upper triangular,
   off-diagonal entries of about `bits` bits and diagonal entries of U in
   {-2, -1, 1, 2}, so that the inverse may have denominators. */
void rs_move_rand_invertible(fmpq_mat_t G, flint_rand_t state,
                             flint_bitcnt_t bits);

/* A random integer end-layer symmetry of the fiber through N: for k = L,
   G = I + u v^T with v^T W = 0 (so G W = W); for k = 0, G = I + u v^T with
   W u = 0 (so W G = W); u and v have small integer entries and 1 + v^T u
   != 0.  G is re-initialised d_k x d_k (the identity when no such v or u
   is nonzero). */
void rs_move_rand_end_symmetry(fmpq_mat_t G, rs_net_t N, slong k,
                               flint_rand_t state);

/* Moves N inside its stratum of its fiber: a random invertible integer
   hidden-layer move at every hidden layer, then random end-layer
   symmetries at layer L and layer 0.  Keeps the product and every rank;
   returns RS_OK, or RS_EINTERNAL if a move failed its exact check. */
int rs_move_randomize(rs_net_t N, flint_rand_t state, flint_bitcnt_t bits,
                      rs_error_t err);

RS_END_DECLS

#endif
