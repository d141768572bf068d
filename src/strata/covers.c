/* Covering pairs by the local rule of docs/math.md section 4.  A merge of
   strands on I = [a, b] and J = [c, e] (a < c <= b + 1 <= e, (a, e) !=
   (0, L)) raises r_ji by one exactly on the rectangle a <= i <= c - 1,
   b + 1 <= j <= e.  It gives a cover iff no other merge from the same
   stratum has a rectangle strictly inside that one. */
#include <string.h>

#include "rankstrat/strata.h"

#include "strata_internal.h"

void rs_covers_init(rs_covers_t C)
{
    C->n = C->alloc = 0;
    C->pairs = NULL;
}

void rs_covers_clear(rs_covers_t C)
{
    flint_free(C->pairs);
}

void _rs_covers_push(rs_covers_t C, slong lower, slong upper)
{
    if (C->n == C->alloc) {
        C->alloc = C->alloc < 16 ? 16 : 2 * C->alloc;
        C->pairs = flint_realloc(C->pairs, 2 * C->alloc * sizeof(slong));
    }
    C->pairs[2 * C->n] = lower;
    C->pairs[2 * C->n + 1] = upper;
    C->n++;
}

static int cmp_pair(slong a, slong b, const void *ctx)
{
    const slong *p = ctx;
    if (p[2 * a] != p[2 * b])
        return p[2 * a] < p[2 * b] ? -1 : 1;
    if (p[2 * a + 1] != p[2 * b + 1])
        return p[2 * a + 1] < p[2 * b + 1] ? -1 : 1;
    return 0;
}

void _rs_covers_sort(rs_covers_t C)
{
    slong n = C->n, k;
    slong *perm = flint_malloc((n + 1) * sizeof(slong));
    slong *p = flint_malloc((2 * n + 1) * sizeof(slong));
    for (k = 0; k < n; k++)
        perm[k] = k;
    _rs_sort_slong(perm, n, cmp_pair, C->pairs);
    for (k = 0; k < n; k++) {
        p[2 * k] = C->pairs[2 * perm[k]];
        p[2 * k + 1] = C->pairs[2 * perm[k] + 1];
    }
    flint_free(C->pairs);
    C->pairs = p;
    C->alloc = n;
    flint_free(perm);
}

/* A rectangle i0 <= i <= i1, j0 <= j <= j1 of the rank triangle. */
typedef struct {
    slong i0, i1, j0, j1;
} rect;

static int rect_inside(const rect *s, const rect *t)
{
    return t->i0 <= s->i0 && s->i1 <= t->i1 && t->j0 <= s->j0 && s->j1 <= t->j1;
}

typedef struct {
    slong L, nbars, nrect, arect;
    slong *bars; /* (a, b) pairs of the bars present */
    rect *rects;
    slong *w; /* barcode triangle of the current stratum */
    unsigned char *key;
} work;

/* The distinct rectangles of the merges from the barcode in wk->w, sorted
   by area so that a rectangle strictly inside another comes first. */
static void collect_rects(work *wk)
{
    slong L = wk->L, p, q, a, b, c, e, k, n = 0;
    wk->nbars = 0;
    for (b = 0; b <= L; b++)
        for (a = 0; a <= b; a++)
            if (wk->w[rs_tri_index(a, b)] > 0) {
                wk->bars[2 * wk->nbars] = a;
                wk->bars[2 * wk->nbars + 1] = b;
                wk->nbars++;
            }
    for (p = 0; p < wk->nbars; p++) {
        a = wk->bars[2 * p];
        b = wk->bars[2 * p + 1];
        for (q = 0; q < wk->nbars; q++) {
            rect R;
            c = wk->bars[2 * q];
            e = wk->bars[2 * q + 1];
            if (!(a < c && c <= b + 1 && b + 1 <= e) || (a == 0 && e == L))
                continue;
            R.i0 = a;
            R.i1 = c - 1;
            R.j0 = b + 1;
            R.j1 = e;
            for (k = 0; k < n; k++)
                if (memcmp(wk->rects + k, &R, sizeof R) == 0)
                    break;
            if (k < n)
                continue;
            if (n == wk->arect) {
                wk->arect = 2 * wk->arect + 8;
                wk->rects = flint_realloc(wk->rects, wk->arect * sizeof(rect));
            }
            /* insertion by area */
            for (k = n; k > 0; k--) {
                rect *P = wk->rects + k - 1;
                if ((P->i1 - P->i0 + 1) * (P->j1 - P->j0 + 1) <=
                    (R.i1 - R.i0 + 1) * (R.j1 - R.j0 + 1))
                    break;
                wk->rects[k] = *P;
            }
            wk->rects[k] = R;
            n++;
        }
    }
    wk->nrect = n;
}

int rs_strata_covers(rs_covers_t C, const rs_strata_t S, rs_error_t err)
{
    return rs_strata_covers_progress(C, S, NULL, err);
}

int rs_strata_covers_progress(rs_covers_t C, const rs_strata_t S,
                              rs_progress_struct *prog, rs_error_t err)
{
    slong L, bytes, id, k, l, i, j;
    slong first;
    work wk;
    rs_ranks_t R;
    rs_barcode_t B;
    int status = RS_OK;

    if (C == NULL || S == NULL)
        return rs_error_set(err, RS_EINPUT,
                            "rs_strata_covers: expected covers and a store, "
                            "got NULL");
    L = S->L;
    bytes = S->m * S->width;
    C->n = 0;
    wk.L = L;
    wk.bars = flint_malloc(2 * rs_tri_size(L) * sizeof(slong));
    wk.arect = 16;
    wk.rects = flint_malloc(wk.arect * sizeof(rect));
    wk.key = flint_malloc(bytes + 1);
    rs_ranks_init(R, L);
    rs_barcode_init(B, L);
    for (id = 0; id < S->n && status == RS_OK; id++) {
        if (rs_progress_poll(prog, id)) {
            C->n = 0;
            status = rs_error_set(err, RS_ECANCEL, "cancelled");
            break;
        }
        rs_strata_get_ranks(R, S, id);
        rs_barcode_from_ranks(B, R);
        wk.w = B->w;
        collect_rects(&wk);
        first = C->n;
        for (k = 0; k < wk.nrect; k++) {
            rect *T = wk.rects + k;
            slong up;
            /* rectangles strictly inside T have smaller area and come
               earlier; equal ones were merged */
            for (l = 0; l < k; l++)
                if (rect_inside(wk.rects + l, T))
                    break;
            if (l < k)
                continue;
            memcpy(wk.key, S->ranks + id * bytes, bytes);
            for (i = T->i0; i <= T->i1; i++)
                for (j = T->j0; j <= T->j1; j++) {
                    slong p = rs_strata_pos(L, i, j);
                    _rs_strata_put(wk.key, p, S->width,
                                   _rs_strata_get(wk.key, p, S->width) + 1);
                }
            up = rs_strata_find_packed(S, wk.key);
            if (up < 0) {
                status = rs_error_set(err, RS_EINTERNAL,
                                      "internal error: a merge from stratum "
                                      "%ld leads to a rank list that is not "
                                      "in the store",
                                      (long)id);
                break;
            }
            _rs_covers_push(C, id, up);
        }
        /* sort this stratum's upper covers (few) by id */
        for (k = first + 1; k < C->n; k++) {
            slong u = C->pairs[2 * k + 1];
            for (l = k; l > first && C->pairs[2 * l - 1] > u; l--)
                C->pairs[2 * l + 1] = C->pairs[2 * l - 1];
            C->pairs[2 * l + 1] = u;
        }
    }
    rs_ranks_clear(R);
    rs_barcode_clear(B);
    flint_free(wk.bars);
    flint_free(wk.rects);
    flint_free(wk.key);
    return status;
}

slong rs_strata_num_merges(const rs_strata_t S, slong id)
{
    slong L = S->L, a, b, c, e, n = 0;
    rs_barcode_t B;
    rs_barcode_init(B, L);
    rs_strata_get_barcode(B, S, id);
    for (b = 0; b <= L; b++)
        for (a = 0; a <= b; a++)
            for (c = a + 1; c <= b + 1 && c <= L; c++)
                for (e = b + 1; e <= L; e++)
                    n += rs_barcode_merge_applies(B, a, b, c, e);
    rs_barcode_clear(B);
    return n;
}
