/* Helpers shared by the files of the invariants module. */
#ifndef RS_INVARIANTS_INTERNAL_H
#define RS_INVARIANTS_INTERNAL_H

#include "rankstrat/invariants.h"

/* phi[t] = sum_{t | j, j <= n} c[j] for t = 1..n (phi[0] = 0): the
   exponents of Phi_t in prod_j (q^j - 1)^{c_j}.  Returns -1 if one is
   negative, else 0. */
int _rs_qpoly_phi_from_c(slong *phi, const slong *c, slong n);

/* p = prod_{t=1..n} Phi_t^{phi[t]}. */
void _rs_qpoly_from_phi(fmpz_poly_t p, const slong *phi, slong n);

#endif
