/* Direct enumeration of the barcodes of a fiber (docs/math.md section 2): a
   depth-first search over layers.  At layer k the alive strands are grouped
   by birth layer ("classes"); the search chooses, class by class, how many
   survive to layer k + 1 (the rest die at k, i.e. form bars [i, k]); the
   remaining width of layer k + 1 is filled by strands born there.  Class 0
   must keep at least r strands and exactly r at layer L; every partial
   choice then extends to a barcode, so there are no dead ends.  The rank
   list and the dimension are maintained row by row along the search, and
   the search is iterative so that many layers need no deep recursion. */
#include "rankstrat/strata.h"

typedef struct {
    slong L, r;
    const slong *d;
    slong *off;   /* layer k's slots are off[k] .. off[k+1]-1 */
    slong *na;    /* number of alive classes at layer k */
    slong *cls;   /* birth layer of each alive class */
    slong *alive; /* its number of alive strands */
    slong *ch;    /* how many of them survive to layer k + 1 */
    slong *bud;   /* width of layer k + 1 still free before choice t */
    slong *loss;  /* loss[k]: rank-formula loss of rows 1..k */
} search;

static slong var_lo(const search *s, slong k, slong t)
{
    return s->cls[s->off[k] + t] == 0 ? s->r : 0;
}

static slong var_hi(const search *s, slong k, slong t)
{
    slong o = s->off[k] + t;
    if (s->cls[o] == 0 && k + 1 == s->L)
        return s->r;
    return FLINT_MIN(s->alive[o], s->bud[o]);
}

/* All choices of layer k are made: fill column k of the barcode, row k+1
   of the rank list, its loss term, and the classes alive at layer k + 1. */
static void finish_layer(search *s, slong k, rs_barcode_t B, rs_ranks_t R)
{
    slong o = s->off[k], n = s->na[k], o1 = s->off[k + 1], n1 = 0, t, i;
    slong j = k + 1, prefix = 0, loss = 0, newborn = s->bud[o + n];
    for (i = 0; i <= k; i++)
        rs_barcode_set_entry(B, i, k, 0);
    for (t = 0; t < n; t++) {
        rs_barcode_set_entry(B, s->cls[o + t], k,
                             s->alive[o + t] - s->ch[o + t]);
        if (s->ch[o + t] > 0) {
            s->cls[o1 + n1] = s->cls[o + t];
            s->alive[o1 + n1] = s->ch[o + t];
            n1++;
        }
    }
    if (newborn > 0) {
        s->cls[o1 + n1] = j;
        s->alive[o1 + n1] = newborn;
        n1++;
    }
    s->na[j] = n1;
    /* r_{j,i} = survivors born at layers <= i */
    t = 0;
    for (i = 0; i < j; i++) {
        while (t < n && s->cls[o + t] <= i)
            prefix += s->ch[o + t++];
        rs_ranks_set_entry(R, i, j, prefix);
    }
    for (i = 0; i < j; i++) {
        slong rji = rs_ranks_get(R, i, j);
        loss += (rs_ranks_get(R, i, j - 1) - rji) *
                (rs_ranks_get(R, i + 1, j) - rji);
    }
    s->loss[j] = s->loss[k] + loss;
}

int rs_strata_enumerate(slong *count, const slong *d, slong L, slong r,
                        rs_strata_visit_fn visit, void *data)
{
    search s;
    rs_barcode_t B;
    rs_ranks_t R;
    slong k, t, i, total = 0, N = rs_weight_space_dim(d, L);
    int stop = 0;

    *count = 0;
    s.L = L;
    s.r = r;
    s.d = d;
    s.off = flint_malloc((L + 2) * sizeof(slong));
    s.off[0] = 0;
    for (k = 0; k <= L; k++) /* at most min(k + 1, d_k) classes, + 1 spare */
        s.off[k + 1] = s.off[k] + FLINT_MIN(k + 1, d[k]) + 1;
    total = s.off[L + 1];
    s.na = flint_calloc(L + 1, sizeof(slong));
    s.cls = flint_calloc(total, sizeof(slong));
    s.alive = flint_calloc(total, sizeof(slong));
    s.ch = flint_calloc(total, sizeof(slong));
    s.bud = flint_calloc(total, sizeof(slong));
    s.loss = flint_calloc(L + 1, sizeof(slong));
    rs_barcode_init(B, L);
    rs_ranks_init(R, L);
    for (i = 0; i <= L; i++)
        rs_ranks_set_entry(R, i, i, d[i]);
    if (d[0] > 0) {
        s.na[0] = 1;
        s.cls[0] = 0;
        s.alive[0] = d[0];
    }

    k = 0;
    t = 0;
    s.bud[0] = d[1];
    for (;;) {
        /* forward: set the remaining variables to their lowest values */
        while (k < L) {
            slong o = s.off[k];
            if (t < s.na[k]) {
                s.ch[o + t] = var_lo(&s, k, t);
                s.bud[o + t + 1] = s.bud[o + t] - s.ch[o + t];
                t++;
                continue;
            }
            finish_layer(&s, k, B, R);
            k++;
            t = 0;
            if (k < L)
                s.bud[s.off[k]] = d[k + 1];
        }
        /* a leaf: column L of the barcode and the dimension */
        for (i = 0; i <= L; i++)
            rs_barcode_set_entry(B, i, L, 0);
        for (t = 0; t < s.na[L]; t++)
            rs_barcode_set_entry(B, s.cls[s.off[L] + t], L,
                                 s.alive[s.off[L] + t]);
        (*count)++;
        if (visit != NULL) {
            stop = visit(data, B, R, N - s.loss[L] - r * (d[0] + d[L] - r));
            if (stop)
                break;
        }
        /* backtrack to the last variable that can still grow */
        t = 0;
        for (;;) {
            slong o;
            if (t == 0) {
                if (k == 0)
                    goto done;
                k--;
                t = s.na[k];
                continue;
            }
            t--;
            o = s.off[k] + t;
            if (s.ch[o] < var_hi(&s, k, t)) {
                s.ch[o]++;
                s.bud[o + 1] = s.bud[o] - s.ch[o];
                t++;
                break;
            }
        }
    }
done:
    rs_barcode_clear(B);
    rs_ranks_clear(R);
    flint_free(s.off);
    flint_free(s.na);
    flint_free(s.cls);
    flint_free(s.alive);
    flint_free(s.ch);
    flint_free(s.bud);
    flint_free(s.loss);
    return stop;
}
