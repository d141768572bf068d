/* Tangent and normal spaces of the stratum through theta (docs/math.md section
   6), as structured bases of rank-one moves built from a flow basis
   (flow.h), and an independent exact check of them.

   A structured basis is a list of vectors of weight space, each a short sum
   of rank-one terms sign * u w^T placed in one weight W_m (u in Q^{d_m}, w in
   Q^{d_{m-1}}), where u and w are flow vectors:

     tangent:  u = v_p^(m),    w = phi_q^(m-1)
     normal:   u = phi_p^(m),  w = v_q^(m-1)

   for strands p, q.  Since the v's and phi's are dual bases, the tangent
   terms and the normal terms (over all p, q, m) are dual bases of weight
   space, which makes both bases visibly independent and lets them stay
   small for large networks: a vector has at most L terms, and its terms are
   named by (m, p, q) rather than written out. */
#ifndef RANKSTRAT_TANGENT_H
#define RANKSTRAT_TANGENT_H

#include <flint/flint.h>
#include <flint/fmpq.h>
#include <flint/fmpq_mat.h>

#include "rankstrat/barcode.h"
#include "rankstrat/error.h"
#include "rankstrat/flow.h"
#include "rankstrat/net.h"

#include "rankstrat/export.h"

RS_BEGIN_DECLS

enum { RS_RANK1_TANGENT = 0, RS_RANK1_NORMAL = 1 };

/* One rank-one term: sign * u w^T placed in W_layer, u and w given by the
   strands p, q as above. */
typedef struct {
    slong layer;
    slong p, q;
    slong sign; /* +1 or -1 */
} rs_rank1_term_struct;

typedef struct {
    int kind;     /* RS_RANK1_TANGENT or RS_RANK1_NORMAL */
    slong len;    /* number of vectors */
    slong *start; /* vector t is terms[start[t]..start[t+1]) */
    rs_rank1_term_struct *terms;
    slong *label; /* 3 per vector: p, q, k (k: the layer of
                     the move for tangent vectors, -1 for
                     normal vectors) */
    slong alloc, alloc_terms;
} rs_rank1_basis_struct;

typedef rs_rank1_basis_struct rs_rank1_basis_t[1];

/* Initialises B as an empty list of the given kind. */
void rs_rank1_basis_init(rs_rank1_basis_t B, int kind);
void rs_rank1_basis_clear(rs_rank1_basis_t B);

slong rs_rank1_basis_len(const rs_rank1_basis_t B);
slong rs_rank1_basis_num_terms(const rs_rank1_basis_t B, slong t);
/* Term i of vector t, owned by B. */
const rs_rank1_term_struct *rs_rank1_basis_term(const rs_rank1_basis_t B,
                                                slong t, slong i);

/* Appends a vector labelled (p, q, k) with no terms, and a term to the last
   vector. */
void rs_rank1_basis_push_vec(rs_rank1_basis_t B, slong p, slong q, slong k);
void rs_rank1_basis_push_term(rs_rank1_basis_t B, slong layer, slong p, slong q,
                              slong sign);

/* The structured tangent basis of docs/math.md section 6 from the flow basis F:
   for each ordered strand pair (p, q) = ([a,b], [c,e]) in order (p, q, k),
   the moves tau_k(p,q) = v_p^(k) phi_q^(k-1)^T in W_k [q lives at k-1]
   - v_p^(k+1) phi_q^(k)^T in W_{k+1} [p lives at k+1], for the layers k
   where both live, except: k = L when q is a [0,L] strand, k = 0 when p is
   one, k = b when a <= c <= b <= e (the closed chains), and for two [0,L]
   strands only the hidden k = 1..L-1.  dim S vectors; B is overwritten. */
void rs_tangent_basis(rs_rank1_basis_t B, const rs_flow_t F);

/* The structured normal basis of docs/math.md section 6: for ordered pairs
   p = [a,b], q = [c,e] with c < a <= e+1 <= b, or q = [0,L] and b = L, or
   p = [0,L] and c = 0: n(p,q) = sum of phi_p^(m) v_q^(m-1)^T in W_m over
   max(a, c+1, 1) <= m <= min(b, e+1, L).  codim S vectors. */
void rs_normal_basis(rs_rank1_basis_t B, const rs_flow_t F);

/* The vectors of a term: u (d_layer entries) and w (d_{layer-1} entries),
   initialised by the caller; the term is sign * u w^T. */
void rs_rank1_term_vectors(fmpq *u, fmpq *w, const rs_rank1_basis_t B,
                           const rs_flow_t F, const rs_rank1_term_struct *t);

/* Vector t written densely: x has N = sum d_k d_{k-1} initialised entries,
   weight-space order (W_1 row-major first, as rs_net_get_vec). */
void rs_rank1_basis_get_vec(fmpq *x, const rs_rank1_basis_t B,
                            const rs_flow_t F, slong t);
/* All vectors densely as the columns of M (re-initialised N x len). */
void rs_rank1_basis_dense(fmpq_mat_t M, const rs_rank1_basis_t B,
                          const rs_flow_t F);

/* Columns spanning T_theta S computed without flow bases, straight from
   the definition: the images of (X_0, ..., X_L) -> (X_k W_k - W_k X_{k-1})
   of the unit matrices X_k at hidden layers and of a basis of
   {(X_0, X_L) : X_L W = W X_0} (found as an exact null space).  G is
   re-initialised N x (number of generators). */
void rs_tangent_generators(fmpq_mat_t G, rs_net_t N);

/* Dense matrix entries the independent check handles, so that callers can
   refuse it beforehand. */
slong rs_tangent_check_entries(const rs_net_t N);

/* The outcome of rs_tangent_check. */
typedef struct {
    slong N;               /* dimension of weight space */
    slong dim_formula;     /* dim S by the formula of docs/math.md section 3 */
    slong dim_independent; /* dim of the independently computed T_theta S */
    slong tangent_len, tangent_rank;
    slong normal_len, normal_rank;
    int spans_equal; /* span of the tangent basis = independent T_theta S */
    int orthogonal;  /* every normal vector is orthogonal to T_theta S */
} rs_tangent_check_t;

/* Checks the structured bases T and Nb of the network N (barcode B, flow
   basis F) against T_theta S computed by rs_tangent_generators: equal
   spans, dim T = the formula, normal basis orthogonal to T, dim T + dim N =
   N, both bases linearly independent.  Every rank is exact.  Fills c. */
void rs_tangent_check(rs_tangent_check_t *c, rs_net_t N, const rs_barcode_t B,
                      const rs_flow_t F, const rs_rank1_basis_t T,
                      const rs_rank1_basis_t Nb);

/* Whether every check of c passed: spans equal, dim_independent =
   dim_formula = tangent_len = tangent_rank, normal_len = normal_rank, and
   tangent_len + normal_len = N. */
int rs_tangent_check_passed(const rs_tangent_check_t *c);

RS_END_DECLS

#endif
