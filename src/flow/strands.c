/* The strands of a flow basis: numbering, positions, accessors. */
#include "flow/flow_internal.h"

void rs_flow_init(rs_flow_t F)
{
    F->L = 0;
    F->d = NULL;
    F->num = 0;
    F->birth = F->death = NULL;
    F->first = F->alive = NULL;
    F->V = F->Phi = NULL;
}

void rs_flow_clear(rs_flow_t F)
{
    slong k;
    if (F->V != NULL)
        for (k = 0; k <= F->L; k++) {
            fmpq_mat_clear(F->V + k);
            fmpq_mat_clear(F->Phi + k);
        }
    flint_free(F->V);
    flint_free(F->Phi);
    flint_free(F->d);
    flint_free(F->birth);
    flint_free(F->death);
    flint_free(F->first);
    flint_free(F->alive);
    rs_flow_init(F);
}

static void add_strand(rs_flow_t F, slong a, slong b, slong *fill)
{
    slong s = F->num++, k;
    F->birth[s] = a;
    F->death[s] = b;
    for (k = a; k <= b; k++)
        F->alive[F->first[k] + fill[k]++] = s;
}

void _rs_flow_set_strands(rs_flow_t F, const rs_barcode_t B)
{
    slong L = B->L, k, a, b, m, total = 0, n = rs_barcode_num_strands(B);
    slong *fill;
    rs_flow_clear(F);
    F->L = L;
    F->d = flint_malloc((L + 1) * sizeof(slong));
    rs_barcode_widths(F->d, B);
    F->birth = flint_malloc(FLINT_MAX(n, 1) * sizeof(slong));
    F->death = flint_malloc(FLINT_MAX(n, 1) * sizeof(slong));
    F->first = flint_malloc((L + 2) * sizeof(slong));
    for (k = 0; k <= L; k++) {
        F->first[k] = total;
        total += F->d[k];
    }
    F->first[L + 1] = total;
    F->alive = flint_malloc(FLINT_MAX(total, 1) * sizeof(slong));
    fill = flint_calloc(L + 1, sizeof(slong));
    /* canonical order, as in rs_net_set_canonical */
    for (m = 0; m < rs_barcode_get(B, 0, L); m++)
        add_strand(F, 0, L, fill);
    for (a = 0; a <= L; a++)
        for (b = a; b <= L; b++)
            if (a != 0 || b != L)
                for (m = 0; m < rs_barcode_get(B, a, b); m++)
                    add_strand(F, a, b, fill);
    flint_free(fill);
    F->V = flint_malloc((L + 1) * sizeof(fmpq_mat_struct));
    F->Phi = flint_malloc((L + 1) * sizeof(fmpq_mat_struct));
    for (k = 0; k <= L; k++) {
        fmpq_mat_init(F->V + k, F->d[k], F->d[k]);
        fmpq_mat_init(F->Phi + k, F->d[k], F->d[k]);
    }
}

void rs_flow_set_canonical(rs_flow_t F, const rs_barcode_t B)
{
    slong k;
    _rs_flow_set_strands(F, B);
    for (k = 0; k <= F->L; k++) {
        fmpq_mat_one(F->V + k);
        fmpq_mat_one(F->Phi + k);
    }
}

void _rs_flow_canonical_weight(fmpq_mat_t E, const rs_flow_t F, slong k1)
{
    slong p, k = k1 - 1;
    for (p = 0; p < F->d[k]; p++) {
        slong s = F->alive[F->first[k] + p];
        if (F->death[s] >= k1)
            fmpq_one(fmpq_mat_entry(E, rs_flow_pos(F, s, k1), p));
    }
}

slong rs_flow_num_strands(const rs_flow_t F)
{
    return F->num;
}
slong rs_flow_birth(const rs_flow_t F, slong s)
{
    return F->birth[s];
}
slong rs_flow_death(const rs_flow_t F, slong s)
{
    return F->death[s];
}

int rs_flow_lives(const rs_flow_t F, slong s, slong k)
{
    return F->birth[s] <= k && k <= F->death[s];
}

int rs_flow_is_full(const rs_flow_t F, slong s)
{
    return F->birth[s] == 0 && F->death[s] == F->L;
}

slong rs_flow_pos(const rs_flow_t F, slong s, slong k)
{
    /* alive strands of a layer are sorted by number: binary search */
    slong lo, hi;
    if (k < 0 || k > F->L || !rs_flow_lives(F, s, k))
        return -1;
    lo = F->first[k];
    hi = F->first[k + 1];
    while (lo < hi) {
        slong mid = lo + (hi - lo) / 2;
        if (F->alive[mid] < s)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo - F->first[k];
}

slong rs_flow_strand_at(const rs_flow_t F, slong k, slong p)
{
    return F->alive[F->first[k] + p];
}

const fmpq *rs_flow_v_entry(const rs_flow_t F, slong s, slong k, slong i)
{
    return fmpq_mat_entry(F->V + k, i, rs_flow_pos(F, s, k));
}

const fmpq *rs_flow_phi_entry(const rs_flow_t F, slong s, slong k, slong i)
{
    return fmpq_mat_entry(F->Phi + k, rs_flow_pos(F, s, k), i);
}

void rs_flow_get_v(fmpq *x, const rs_flow_t F, slong s, slong k)
{
    slong i;
    for (i = 0; i < F->d[k]; i++)
        fmpq_set(x + i, rs_flow_v_entry(F, s, k, i));
}

void rs_flow_get_phi(fmpq *x, const rs_flow_t F, slong s, slong k)
{
    slong i;
    for (i = 0; i < F->d[k]; i++)
        fmpq_set(x + i, rs_flow_phi_entry(F, s, k, i));
}
