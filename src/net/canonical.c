#include "rankstrat/net.h"

/* Strands in canonical order: the [0,L] strands first, then the other bars
   in lexicographic (birth, death) order.  Calls f for each strand. */
static void for_each_strand(const rs_barcode_t B,
                            void (*f)(slong a, slong b, void *), void *data)
{
    slong L = B->L, a, b, m;
    for (m = 0; m < rs_barcode_get(B, 0, L); m++)
        f(0, L, data);
    for (a = 0; a <= L; a++)
        for (b = a; b <= L; b++) {
            if (a == 0 && b == L)
                continue;
            for (m = 0; m < rs_barcode_get(B, a, b); m++)
                f(a, b, data);
        }
}

typedef struct {
    rs_net_struct *N;
    slong *next; /* next free coordinate at each layer */
} canon_state;

static void place_strand(slong a, slong b, void *data)
{
    canon_state *s = data;
    slong k;
    for (k = a + 1; k <= b; k++)
        fmpq_one(fmpq_mat_entry(rs_net_weight_mut(s->N, k), s->next[k],
                                s->next[k - 1]));
    for (k = a; k <= b; k++)
        s->next[k]++;
}

void rs_net_set_canonical(rs_net_t N, const rs_barcode_t B)
{
    slong L = B->L;
    slong *d = flint_malloc((L + 1) * sizeof(slong));
    rs_net_t M;
    canon_state s;
    rs_barcode_widths(d, B);
    rs_net_init(M, d, L);
    s.N = M;
    s.next = flint_calloc(L + 1, sizeof(slong));
    for_each_strand(B, place_strand, &s);
    rs_net_swap(N, M);
    rs_net_clear(M);
    flint_free(s.next);
    flint_free(d);
}
