/* The fiber summary of a complete store. */
#include "rankstrat/strata.h"

void rs_strata_summary(rs_strata_summary_t *sum, const rs_strata_t S)
{
    slong id;
    rs_barcode_t B;
    rs_barcode_init(B, S->L);
    sum->weight_space_dim = S->N;
    sum->count = S->n;
    sum->fiber_dim = -1;
    sum->top = sum->maximal = 0;
    sum->minimal = -1;
    for (id = 0; id < S->n; id++)
        sum->fiber_dim = FLINT_MAX(sum->fiber_dim, S->dim[id]);
    for (id = 0; id < S->n; id++) {
        sum->top += S->dim[id] == sum->fiber_dim;
        rs_strata_get_barcode(B, S, id);
        sum->maximal += rs_barcode_is_maximal(B);
        if (rs_barcode_is_minimal(B))
            sum->minimal = id;
    }
    rs_barcode_clear(B);
}
