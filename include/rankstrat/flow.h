/* Flow bases (docs/math.md section 5): for every strand s on a bar [a, b] of
   the barcode of theta and every layer k in [a, b] a vector v_s^(k) in Q^{d_k}
   such that at each layer these vectors form a basis and

       W_{k+1} v_s^(k) = v_s^(k+1)  if b >= k + 1,  else 0;

   with the dual basis phi_s^(k) (rows of the inverse basis matrix):

       W_{k+1}^T phi_s^(k+1) = phi_s^(k)  if a <= k,  else 0.

   Strands are numbered 0..num-1 in the canonical order of
   rs_net_set_canonical: the [0, L] strands first, then the other bars in
   lexicographic (birth, death) order.  At layer k the strands alive there,
   in that order, take the coordinates 0..d_k - 1 ("positions").  With V_k
   the matrix whose column pos(s, k) is v_s^(k), the identities say exactly
   theta = (V_0, ..., V_L) . theta_canonical for the group action of
   rs_net_act: a flow basis is a group element carrying the canonical point
   of the barcode to theta. */
#ifndef RANKSTRAT_FLOW_H
#define RANKSTRAT_FLOW_H

#include <stdio.h>

#include <flint/flint.h>
#include <flint/fmpq.h>
#include <flint/fmpq_mat.h>

#include "rankstrat/barcode.h"
#include "rankstrat/error.h"
#include "rankstrat/net.h"

#include "rankstrat/export.h"

RS_BEGIN_DECLS

typedef struct {
    slong L;              /* layers 0..L; 0 for an empty flow */
    slong *d;             /* widths d_0..d_L */
    slong num;            /* number of strands */
    slong *birth, *death; /* strand s lives on [birth[s], death[s]] */
    slong *first;         /* strands alive at layer k, in canonical order: */
    slong *alive;         /*   alive[first[k] .. first[k + 1]) */
    fmpq_mat_struct *V;   /* V[k], d_k x d_k: column pos(s,k) is v_s^(k) */
    fmpq_mat_struct *Phi; /* Phi[k] = V[k]^{-1}: row pos(s,k) is phi_s^(k) */
} rs_flow_struct;

typedef rs_flow_struct rs_flow_t[1];

/* Initialises F as an empty flow (no layers). */
void rs_flow_init(rs_flow_t F);
void rs_flow_clear(rs_flow_t F);

/* Sets the strands of F from barcode B (a valid barcode for its widths)
   and the basis to the flow basis of the canonical point of B: every v and
   phi a unit vector, V_k = Phi_k = I. */
void rs_flow_set_canonical(rs_flow_t F, const rs_barcode_t B);

/* Computes an exact flow basis of the network N, whose barcode is B (as
   given by rs_net_ranks and rs_barcode_from_ranks), and verifies every
   identity above with rs_flow_verify.

   Construction (layer by layer, m = 0..L): the vectors of strands born
   before m are pushed forward, v_s^(m) = W_m v_s^(m-1); the strands born at
   m get, for j = m..L in turn, w_{jm} vectors of null W_{j+1,m} (all of
   Q^{d_m} for j = L) completing the vectors chosen so far whose strands die
   by j to a basis of null W_{j+1,m}.  New vectors are scaled to primitive
   integer vectors.  At the canonical point of B this gives
   rs_flow_set_canonical's basis.  Returns RS_OK, or RS_EINTERNAL (with a
   message) if a count or an identity fails, i.e. B is not the barcode of
   N. */
int rs_flow_compute(rs_flow_t F, rs_net_t N, const rs_barcode_t B,
                    rs_error_t err);

/* Verifies exactly, for the flow basis F of N: every V_k is invertible with
   inverse Phi_k, W_{k+1} V_k = V_{k+1} E_{k+1} and Phi_{k+1} W_{k+1} =
   E_{k+1} Phi_k, where E_{k+1} is the weight of the canonical point (the
   identities W v = v' or 0 and W^T phi = phi' or 0 for every strand).
   Returns RS_OK or RS_EINTERNAL naming the first failure. */
int rs_flow_verify(const rs_flow_t F, rs_net_t N, rs_error_t err);

/* Number of strands, and the bar of strand s. */
slong rs_flow_num_strands(const rs_flow_t F);
slong rs_flow_birth(const rs_flow_t F, slong s);
slong rs_flow_death(const rs_flow_t F, slong s);
/* Whether strand s lives at layer k (birth <= k <= death). */
int rs_flow_lives(const rs_flow_t F, slong s, slong k);
/* Whether strand s lives on [0, L]. */
int rs_flow_is_full(const rs_flow_t F, slong s);
/* The coordinate of strand s at layer k, or -1 if s does not live there. */
slong rs_flow_pos(const rs_flow_t F, slong s, slong k);
/* The strand at coordinate p of layer k (0 <= p < d_k). */
slong rs_flow_strand_at(const rs_flow_t F, slong k, slong p);

/* Entry i of v_s^(k) and of phi_s^(k) (s must live at k), owned by F. */
const fmpq *rs_flow_v_entry(const rs_flow_t F, slong s, slong k, slong i);
const fmpq *rs_flow_phi_entry(const rs_flow_t F, slong s, slong k, slong i);
/* x[0..d_k) = v_s^(k), resp. phi_s^(k) (s must live at k; x has room for
   d_k entries). */
void rs_flow_get_v(fmpq *x, const rs_flow_t F, slong s, slong k);
void rs_flow_get_phi(fmpq *x, const rs_flow_t F, slong s, slong k);

/* The basis flow diagram as Graphviz DOT: one column per layer, one node per
   basis vector v_s^(k), an arrow v_s^(k) -> v_s^(k+1) for each
   W_{k+1} v_s^(k) = v_s^(k+1), and an arrow to a "0" mark where a strand
   dies before layer L. */
void rs_flow_fprint_dot(FILE *f, const rs_flow_t F);

/* The same diagram as plain text, one line per strand, each line prefixed
   by indent:  "s2 [1,2]        o --> o"  with "--| 0" marking a death. */
void rs_flow_fprint_diagram(FILE *f, const rs_flow_t F, const char *indent);

RS_END_DECLS

#endif
