/* Lists of vectors made of rank-one terms. */
#include "rankstrat/tangent.h"

void rs_rank1_basis_init(rs_rank1_basis_t B, int kind)
{
    B->kind = kind;
    B->len = 0;
    B->alloc = 16;
    B->alloc_terms = 32;
    B->start = flint_malloc((B->alloc + 1) * sizeof(slong));
    B->start[0] = 0;
    B->label = flint_malloc(3 * B->alloc * sizeof(slong));
    B->terms = flint_malloc(B->alloc_terms * sizeof(rs_rank1_term_struct));
}

void rs_rank1_basis_clear(rs_rank1_basis_t B)
{
    flint_free(B->start);
    flint_free(B->label);
    flint_free(B->terms);
}

slong rs_rank1_basis_len(const rs_rank1_basis_t B)
{
    return B->len;
}

slong rs_rank1_basis_num_terms(const rs_rank1_basis_t B, slong t)
{
    return B->start[t + 1] - B->start[t];
}

const rs_rank1_term_struct *rs_rank1_basis_term(const rs_rank1_basis_t B,
                                                slong t, slong i)
{
    return B->terms + B->start[t] + i;
}

void rs_rank1_basis_push_vec(rs_rank1_basis_t B, slong p, slong q, slong k)
{
    if (B->len == B->alloc) {
        B->alloc *= 2;
        B->start = flint_realloc(B->start, (B->alloc + 1) * sizeof(slong));
        B->label = flint_realloc(B->label, 3 * B->alloc * sizeof(slong));
    }
    B->label[3 * B->len] = p;
    B->label[3 * B->len + 1] = q;
    B->label[3 * B->len + 2] = k;
    B->start[B->len + 1] = B->start[B->len];
    B->len++;
}

void rs_rank1_basis_push_term(rs_rank1_basis_t B, slong layer, slong p, slong q,
                              slong sign)
{
    slong n = B->start[B->len];
    rs_rank1_term_struct *t;
    if (n == B->alloc_terms) {
        B->alloc_terms *= 2;
        B->terms = flint_realloc(B->terms,
                                 B->alloc_terms * sizeof(rs_rank1_term_struct));
    }
    t = B->terms + n;
    t->layer = layer;
    t->p = p;
    t->q = q;
    t->sign = sign;
    B->start[B->len]++;
}

void rs_rank1_term_vectors(fmpq *u, fmpq *w, const rs_rank1_basis_t B,
                           const rs_flow_t F, const rs_rank1_term_struct *t)
{
    slong m = t->layer, i;
    int tangent = B->kind == RS_RANK1_TANGENT;
    for (i = 0; i < F->d[m]; i++)
        fmpq_set(u + i, tangent ? rs_flow_v_entry(F, t->p, m, i)
                                : rs_flow_phi_entry(F, t->p, m, i));
    for (i = 0; i < F->d[m - 1]; i++)
        fmpq_set(w + i, tangent ? rs_flow_phi_entry(F, t->q, m - 1, i)
                                : rs_flow_v_entry(F, t->q, m - 1, i));
}
