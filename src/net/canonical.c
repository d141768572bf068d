#include "rankstrat/net.h"

/* The bars with nonzero multiplicity in canonical order: the [0,L] bars
   first, then the others in lexicographic (birth, death) order.  One
   sequential pass over the barcode's triangle (stored by death, then
   birth) collects them, a counting sort by birth orders them: linear in
   the triangle plus the bars, where visiting the triangle by birth would
   jump across memory for every bar (cubic-looking times for L in the
   thousands).  Returns the number of bars; *bars is a new array of
   (birth, death) pairs (flint_free). */
static slong sorted_bars(slong **bars, const rs_barcode_t B)
{
    slong L = B->L, i, j, n = 0, idx = 0, *start, *out, *tmp;
    const slong *w = B->w;
    for (j = 0; j <= L; j++)
        for (i = 0; i <= j; i++, idx++)
            n += w[idx] != 0;
    tmp = flint_malloc(FLINT_MAX(2 * n, 1) * sizeof(slong));
    out = flint_malloc(FLINT_MAX(2 * n, 1) * sizeof(slong));
    start = flint_calloc(L + 2, sizeof(slong));
    n = 0;
    idx = 0;
    for (j = 0; j <= L; j++)
        for (i = 0; i <= j; i++, idx++)
            if (w[idx] != 0) {
                tmp[2 * n] = i;
                tmp[2 * n + 1] = j;
                start[i + 1]++;
                n++;
            }
    for (i = 1; i <= L + 1; i++)
        start[i] += start[i - 1];
    /* stable by birth: deaths stay increasing within a birth */
    for (idx = 0; idx < n; idx++) {
        slong p = start[tmp[2 * idx]]++;
        out[2 * p] = tmp[2 * idx];
        out[2 * p + 1] = tmp[2 * idx + 1];
    }
    flint_free(start);
    flint_free(tmp);
    *bars = out;
    return n;
}

typedef struct {
    rs_net_struct *N;
    slong *next; /* next free coordinate at each layer */
} canon_state;

static void place_strand(canon_state *s, slong a, slong b)
{
    slong k;
    for (k = a + 1; k <= b; k++)
        fmpq_one(fmpq_mat_entry(s->N->W + k - 1, s->next[k], s->next[k - 1]));
    for (k = a; k <= b; k++)
        s->next[k]++;
}

void rs_net_set_canonical(rs_net_t N, const rs_barcode_t B)
{
    slong L = B->L, m, t, nbars, *bars;
    slong *d = flint_malloc((L + 1) * sizeof(slong));
    rs_net_t M;
    canon_state s;
    rs_barcode_widths(d, B);
    rs_net_init(M, d, L);
    s.N = M;
    s.next = flint_calloc(L + 1, sizeof(slong));
    nbars = sorted_bars(&bars, B);
    for (m = 0; m < rs_barcode_get(B, 0, L); m++)
        place_strand(&s, 0, L);
    for (t = 0; t < nbars; t++) {
        slong a = bars[2 * t], b = bars[2 * t + 1];
        if (a == 0 && b == L)
            continue;
        for (m = 0; m < rs_barcode_get(B, a, b); m++)
            place_strand(&s, a, b);
    }
    flint_free(bars);
    rs_net_swap(N, M);
    rs_net_clear(M);
    flint_free(s.next);
    flint_free(d);
}
