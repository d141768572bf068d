/* Structured basis vectors written out in weight-space coordinates. */
#include <flint/fmpq_vec.h>

#include "rankstrat/tangent.h"

/* Adds the terms of vector t into x (N entries, zero on entry). */
static void add_terms(fmpq *x, const rs_rank1_basis_t B, const rs_flow_t F,
                      slong t, const slong *offset, fmpq *u, fmpq *w, fmpq_t c)
{
    slong n = rs_rank1_basis_num_terms(B, t), i, a, b;
    for (i = 0; i < n; i++) {
        const rs_rank1_term_struct *term = rs_rank1_basis_term(B, t, i);
        slong m = term->layer, rows = F->d[m], cols = F->d[m - 1];
        rs_rank1_term_vectors(u, w, B, F, term);
        for (a = 0; a < rows; a++) {
            if (fmpq_is_zero(u + a))
                continue;
            for (b = 0; b < cols; b++) {
                fmpq *e = x + offset[m] + a * cols + b;
                fmpq_mul(c, u + a, w + b);
                if (term->sign > 0)
                    fmpq_add(e, e, c);
                else
                    fmpq_sub(e, e, c);
            }
        }
    }
}

/* offset[m] = first coordinate of W_m; returns N. */
static slong offsets(slong *offset, const rs_flow_t F)
{
    slong m, N = 0;
    for (m = 1; m <= F->L; m++) {
        offset[m] = N;
        N += F->d[m] * F->d[m - 1];
    }
    return N;
}

static slong max_width(const rs_flow_t F)
{
    slong k, w = 1;
    for (k = 0; k <= F->L; k++)
        w = FLINT_MAX(w, F->d[k]);
    return w;
}

void rs_rank1_basis_get_vec(fmpq *x, const rs_rank1_basis_t B,
                            const rs_flow_t F, slong t)
{
    slong *offset = flint_malloc((F->L + 1) * sizeof(slong));
    slong N = offsets(offset, F), i, w = max_width(F);
    fmpq *u = _fmpq_vec_init(w), *v = _fmpq_vec_init(w);
    fmpq_t c;
    fmpq_init(c);
    for (i = 0; i < N; i++)
        fmpq_zero(x + i);
    add_terms(x, B, F, t, offset, u, v, c);
    fmpq_clear(c);
    _fmpq_vec_clear(u, w);
    _fmpq_vec_clear(v, w);
    flint_free(offset);
}

void rs_rank1_basis_dense(fmpq_mat_t M, const rs_rank1_basis_t B,
                          const rs_flow_t F)
{
    slong *offset = flint_malloc((F->L + 1) * sizeof(slong));
    slong N = offsets(offset, F), t, i, w = max_width(F);
    fmpq *u = _fmpq_vec_init(w), *v = _fmpq_vec_init(w),
         *x = _fmpq_vec_init(FLINT_MAX(N, 1));
    fmpq_t c;
    fmpq_init(c);
    fmpq_mat_clear(M);
    fmpq_mat_init(M, N, B->len);
    for (t = 0; t < B->len; t++) {
        for (i = 0; i < N; i++)
            fmpq_zero(x + i);
        add_terms(x, B, F, t, offset, u, v, c);
        for (i = 0; i < N; i++)
            fmpq_swap(fmpq_mat_entry(M, i, t), x + i);
    }
    fmpq_clear(c);
    _fmpq_vec_clear(u, w);
    _fmpq_vec_clear(v, w);
    _fmpq_vec_clear(x, FLINT_MAX(N, 1));
    flint_free(offset);
}
