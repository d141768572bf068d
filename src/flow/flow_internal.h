/* Internal helpers of the flow module. */
#ifndef RS_FLOW_INTERNAL_H
#define RS_FLOW_INTERNAL_H

#include "rankstrat/flow.h"

/* Re-shapes F to the strands of B (canonical order) with V_k, Phi_k
   allocated as zero d_k x d_k matrices. */
void _rs_flow_set_strands(rs_flow_t F, const rs_barcode_t B);

/* Given S (n x s) with independent columns and K (n x t) whose columns span
   a space containing col S, chooses c columns of K that extend the columns
   of S to an independent set and writes their indices, increasing, to
   chosen.  Returns 1, or 0 if there are no such c columns (the rank of
   [S | K] is below s + c).  The choice is certified: independence modulo a
   prime implies independence over Q. */
int _rs_flow_extend_columns(slong *chosen, const fmpq_mat_t S,
                            const fmpq_mat_t K, slong c);

/* E_{k+1}, the weight W_{k+1} of the canonical point of F's barcode:
   a 1 at (pos(s, k+1), pos(s, k)) for every strand s living at k, k+1.
   E must be initialised d_{k+1} x d_k and zero. */
void _rs_flow_canonical_weight(fmpq_mat_t E, const rs_flow_t F, slong k1);

/* Whether F has the layers and widths of N. */
int _rs_flow_same_shape(const rs_flow_t F, const rs_net_t N);

#endif
