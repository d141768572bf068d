/* The subspaces of the Fundamental Theorem at one layer (docs/math.md section
   5).  At layer k, for 0 <= i <= k <= j <= L:

     C_{ki} = col W_{ki}     (a flag growing in i; C_{kk} = Q^{d_k})
     N_{jk} = null W_{jk}    (a flag growing in j; N_{kk} = 0)
     C_{ki}^perp = null W_{ki}^T,   N_{jk}^perp = row W_{jk}
     A_{kji} = col W_{ki} ∩ null W_{jk},      dim r_{ki} - r_{ji}
     B_{kji} = null W_{ki}^T ∩ row W_{jk},    dim r_{jk} - r_{ji}

   All are exact subspaces of Q^{d_k} with canonical bases (qspace.h). */
#ifndef RANKSTRAT_LAYERS_H
#define RANKSTRAT_LAYERS_H

#include <flint/flint.h>

#include "rankstrat/barcode.h"
#include "rankstrat/error.h"
#include "rankstrat/net.h"
#include "rankstrat/qspace.h"

#include "rankstrat/export.h"

RS_BEGIN_DECLS

typedef struct {
    slong L, k;              /* layers 0..L, this is layer k */
    rs_qspace_struct *col;   /* col[i] = col W_{ki}, i = 0..k */
    rs_qspace_struct *lnull; /* lnull[i] = null W_{ki}^T, i = 0..k */
    rs_qspace_struct *null;  /* null[j - k] = null W_{jk}, j = k..L */
    rs_qspace_struct *row;   /* row[j - k] = row W_{jk}, j = k..L */
} rs_layer_struct;

typedef rs_layer_struct rs_layer_t[1];

/* Initialises S with the four flags of layer k (0 <= k <= L) of N, each
   computed directly from the partial products of N. */
void rs_layer_init(rs_layer_t S, rs_net_t N, slong k);
void rs_layer_clear(rs_layer_t S);

/* The flags, owned by S: col W_{ki} and null W_{ki}^T for 0 <= i <= k;
   null W_{jk} and row W_{jk} for k <= j <= L. */
const rs_qspace_struct *rs_layer_col(const rs_layer_t S, slong i);
const rs_qspace_struct *rs_layer_left_null(const rs_layer_t S, slong i);
const rs_qspace_struct *rs_layer_null(const rs_layer_t S, slong j);
const rs_qspace_struct *rs_layer_row(const rs_layer_t S, slong j);

/* V = A_{kji} = col W_{ki} ∩ null W_{jk} and V = B_{kji} = null W_{ki}^T ∩
   row W_{jk} (0 <= i <= k <= j <= L); V must be initialised. */
void rs_layer_A(rs_qspace_t V, const rs_layer_t S, slong j, slong i);
void rs_layer_B(rs_qspace_t V, const rs_layer_t S, slong j, slong i);

/* Checks every dimension of layer S against the rank list R of the network
   (dim col W_{ki} = r_{ki}, dim null W_{jk} = d_k - r_{jk}, the two
   orthogonality relations, dim A_{kji} = r_{ki} - r_{ji}, dim B_{kji} =
   r_{jk} - r_{ji}).  Returns RS_OK or RS_EINTERNAL naming the first
   mismatch. */
int rs_layer_check(const rs_layer_t S, const rs_ranks_t R, rs_error_t err);

RS_END_DECLS

#endif
