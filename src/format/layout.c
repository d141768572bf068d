/* The layered (Sugiyama) layout of rankstrat/format.h: rows, dummy
   vertices, crossing reduction, x coordinates, and edge routing. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rankstrat/format.h"

void rs_layout_opts_init(rs_layout_opts *o)
{
    o->node_sep = 14.0;
    o->dummy_w = 4.0;
    o->row_gap = 36.0;
    o->left = 0.0;
    o->sweeps = 24;
}

void rs_layout_init(rs_layout_t Y)
{
    memset(Y, 0, sizeof(rs_layout_struct));
}

void rs_layout_clear(rs_layout_t Y)
{
    flint_free(Y->row);
    flint_free(Y->row_key);
    flint_free(Y->row_y);
    flint_free(Y->row_h);
    flint_free(Y->x);
    flint_free(Y->y);
    flint_free(Y->w);
    flint_free(Y->h);
    flint_free(Y->lo);
    flint_free(Y->hi);
    flint_free(Y->path_off);
    flint_free(Y->path);
    rs_layout_init(Y);
}

/* Working state over real and dummy vertices. */
typedef struct {
    slong V, nrows;
    slong *vrow;         /* row of every vertex */
    double *vw;          /* box width (dummies: dummy_w) */
    slong *rstart, *ord; /* vertices of row k: ord[rstart[k] .. rstart[k+1]) */
    slong *pos;          /* index of a vertex within its row */
    slong *up_off, *up;  /* neighbours one row up */
    slong *dn_off, *dn;  /* neighbours one row down */
    slong *best;         /* best order so far */
    double *x;
} lay;

static int cmp_slong(const void *a, const void *b)
{
    slong x = *(const slong *)a, y = *(const slong *)b;
    return (x > y) - (x < y);
}

typedef struct {
    double key;
    slong pos, v;
} keyed;

static int cmp_keyed(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return (x->pos > y->pos) - (x->pos < y->pos);
}

/* Crossings between rows k and k + 1: inversions of the upper positions
   when the segments are listed by (lower position, upper position). */
static slong row_crossings(const lay *G, slong k, slong *tree, slong *buf)
{
    slong a, j, cnt = 0, m = G->rstart[k + 2] - G->rstart[k + 1], seen = 0;
    slong inv = 0;
    for (a = G->rstart[k]; a < G->rstart[k + 1]; a++) {
        slong v = G->ord[a], c0 = cnt;
        for (j = G->up_off[v]; j < G->up_off[v + 1]; j++)
            buf[cnt++] = G->pos[G->up[j]];
        qsort(buf + c0, cnt - c0, sizeof(slong), cmp_slong);
    }
    memset(tree, 0, (m + 1) * sizeof(slong));
    for (j = 0; j < cnt; j++) {
        /* segments seen so far with upper position > buf[j] */
        slong p, le = 0;
        for (p = buf[j] + 1; p > 0; p -= p & -p)
            le += tree[p];
        inv += seen - le;
        for (p = buf[j] + 1; p <= m; p += p & -p)
            tree[p]++;
        seen++;
    }
    return inv;
}

static slong total_crossings(const lay *G, slong *tree, slong *buf)
{
    slong k, c = 0;
    for (k = 0; k + 1 < G->nrows; k++)
        c += row_crossings(G, k, tree, buf);
    return c;
}

/* Reorders row k by the barycentre of its neighbours in the adjacent row
   (below when down = 1). */
static void reorder_row(lay *G, slong k, int down, keyed *s)
{
    slong a = G->rstart[k], b = G->rstart[k + 1], i, j;
    const slong *off = down ? G->dn_off : G->up_off;
    const slong *adj = down ? G->dn : G->up;
    for (i = a; i < b; i++) {
        slong v = G->ord[i], cnt = off[v + 1] - off[v];
        double sum = 0.0;
        for (j = off[v]; j < off[v + 1]; j++)
            sum += (double)G->pos[adj[j]];
        s[i - a].key = cnt ? sum / (double)cnt : (double)G->pos[v];
        s[i - a].pos = G->pos[v];
        s[i - a].v = v;
    }
    qsort(s, b - a, sizeof(keyed), cmp_keyed);
    for (i = a; i < b; i++) {
        G->ord[i] = s[i - a].v;
        G->pos[s[i - a].v] = i - a;
    }
}

/* Least-squares placement of one row: minimises sum wt (x - t)^2 subject
   to x[i+1] - x[i] >= sep[i] (pool adjacent violators on x - offset). */
static void place_row(double *x, const double *t, const double *wt,
                      const double *sep, slong m, double *blk_v, double *blk_w,
                      slong *blk_n)
{
    slong i, nb = 0, k, at;
    double off = 0.0;
    for (i = 0; i < m; i++) {
        if (i > 0)
            off += sep[i - 1];
        blk_v[nb] = t[i] - off;
        blk_w[nb] = wt[i];
        blk_n[nb] = 1;
        nb++;
        while (nb > 1 && blk_v[nb - 2] > blk_v[nb - 1]) {
            double W = blk_w[nb - 2] + blk_w[nb - 1];
            blk_v[nb - 2] = (blk_v[nb - 2] * blk_w[nb - 2] +
                             blk_v[nb - 1] * blk_w[nb - 1]) /
                            W;
            blk_w[nb - 2] = W;
            blk_n[nb - 2] += blk_n[nb - 1];
            nb--;
        }
    }
    off = 0.0;
    for (k = 0, at = 0; k < nb; k++)
        for (i = 0; i < blk_n[k]; i++, at++) {
            if (at > 0)
                off += sep[at - 1];
            x[at] = blk_v[k] + off;
        }
}

static double seg_weight(slong a, slong b, slong n)
{
    return (a >= n && b >= n) ? 8.0 : (a >= n || b >= n) ? 2.0 : 1.0;
}

static void assign_x(lay *G, slong n, const rs_layout_opts *o)
{
    slong maxm = 1, k, i, j, it;
    double *t, *wt, *sep, *xv, *bv, *bw;
    slong *bn;
    for (k = 0; k < G->nrows; k++)
        maxm = FLINT_MAX(maxm, G->rstart[k + 1] - G->rstart[k]);
    t = flint_malloc(maxm * sizeof(double));
    wt = flint_malloc(maxm * sizeof(double));
    sep = flint_malloc(maxm * sizeof(double));
    xv = flint_malloc(maxm * sizeof(double));
    bv = flint_malloc(maxm * sizeof(double));
    bw = flint_malloc(maxm * sizeof(double));
    bn = flint_malloc(maxm * sizeof(slong));
    /* packed start, centred on 0 */
    for (k = 0; k < G->nrows; k++) {
        slong a = G->rstart[k], b = G->rstart[k + 1];
        double cur = 0.0;
        for (i = a; i < b; i++) {
            slong v = G->ord[i];
            if (i > a) {
                slong u = G->ord[i - 1];
                cur += (G->vw[u] + G->vw[v]) / 2.0 +
                       ((u < n && v < n) ? o->node_sep : o->node_sep / 2.0);
            }
            G->x[v] = cur;
        }
        for (i = a; i < b; i++)
            G->x[G->ord[i]] -= cur / 2.0;
    }
    for (it = 0; it < 2 * 24; it++) {
        slong kk;
        for (kk = 0; kk < G->nrows; kk++) {
            slong a, b, m;
            k = (it & 1) ? G->nrows - 1 - kk : kk;
            a = G->rstart[k];
            b = G->rstart[k + 1];
            m = b - a;
            for (i = a; i < b; i++) {
                slong v = G->ord[i];
                double s = 0.0, W = 0.0;
                for (j = G->up_off[v]; j < G->up_off[v + 1]; j++) {
                    double c = seg_weight(v, G->up[j], n);
                    s += c * G->x[G->up[j]];
                    W += c;
                }
                for (j = G->dn_off[v]; j < G->dn_off[v + 1]; j++) {
                    double c = seg_weight(v, G->dn[j], n);
                    s += c * G->x[G->dn[j]];
                    W += c;
                }
                t[i - a] = W > 0 ? s / W : G->x[v];
                wt[i - a] = W > 0 ? W : 1.0;
                if (i + 1 < b) {
                    slong u = G->ord[i + 1];
                    sep[i - a] =
                        (G->vw[u] + G->vw[v]) / 2.0 +
                        ((u < n && v < n) ? o->node_sep : o->node_sep / 2.0);
                }
            }
            place_row(xv, t, wt, sep, m, bv, bw, bn);
            for (i = a; i < b; i++)
                G->x[G->ord[i]] = xv[i - a];
        }
    }
    flint_free(t);
    flint_free(wt);
    flint_free(sep);
    flint_free(xv);
    flint_free(bv);
    flint_free(bw);
    flint_free(bn);
}

/* Appends points to the path buffer (grown as needed). */
typedef struct {
    double *p;
    slong n, alloc;
} pbuf;

static void pb_add(pbuf *b, double x, double y)
{
    if (b->n + 1 > b->alloc) {
        b->alloc = FLINT_MAX(64, 2 * b->alloc);
        b->p = flint_realloc(b->p, 2 * b->alloc * sizeof(double));
    }
    b->p[2 * b->n] = x;
    b->p[2 * b->n + 1] = y;
    b->n++;
}

static void pb_vertical(pbuf *b, double x, double y0, double y1)
{
    if (y1 - y0 < 1e-9)
        return;
    pb_add(b, x, y0 + (y1 - y0) / 3.0);
    pb_add(b, x, y0 + 2.0 * (y1 - y0) / 3.0);
    pb_add(b, x, y1);
}

static void pb_curve(pbuf *b, double x0, double y0, double x1, double y1)
{
    double ym = (y0 + y1) / 2.0;
    pb_add(b, x0, ym);
    pb_add(b, x1, ym);
    pb_add(b, x1, y1);
}

typedef struct {
    double key;
    slong edge;
} port;

static int cmp_port(const void *a, const void *b)
{
    const port *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return (x->edge > y->edge) - (x->edge < y->edge);
}

/* Port x of each edge at its lower (up = 1) or upper end: the edges at a
   box are spread over the middle of its side in the order of the vertex
   they go to, so that they do not cross at the box. */
static void ports(double *px, const rs_layout_t Y, const lay *G,
                  const slong *chain_off, const slong *chain, int up)
{
    slong n = Y->n, ne = Y->ne, k, v, i;
    slong *cnt = flint_calloc(n + 1, sizeof(slong));
    port *P = flint_malloc((ne + 1) * sizeof(port));
    slong *off = flint_calloc(n + 2, sizeof(slong));
    for (k = 0; k < ne; k++)
        cnt[up ? Y->lo[k] : Y->hi[k]]++;
    for (v = 0; v < n; v++)
        off[v + 1] = off[v] + cnt[v];
    memset(cnt, 0, (n + 1) * sizeof(slong));
    for (k = 0; k < ne; k++) {
        slong e = up ? Y->lo[k] : Y->hi[k];
        slong nb = up ? chain[chain_off[k] + 1] : chain[chain_off[k + 1] - 2];
        P[off[e] + cnt[e]].key = G->x[nb];
        P[off[e] + cnt[e]].edge = k;
        cnt[e]++;
    }
    for (v = 0; v < n; v++) {
        slong m = off[v + 1] - off[v];
        qsort(P + off[v], m, sizeof(port), cmp_port);
        for (i = 0; i < m; i++)
            px[P[off[v] + i].edge] =
                Y->x[v] + Y->w[v] * 0.7 * ((i + 0.5) / (double)m - 0.5);
    }
    flint_free(cnt);
    flint_free(P);
    flint_free(off);
}

int rs_layout_compute(rs_layout_t Y, slong n, const slong *key, const double *w,
                      const double *h, slong ne, const slong *ends,
                      const rs_layout_opts *opts, rs_error_t err)
{
    rs_layout_opts o;
    lay G;
    slong k, i, v, nd = 0, nrows = 0, best_c = -1, it;
    slong *sorted, *chain_off, *chain, *fill, *tree, *buf;
    double *px_up, *px_dn, minx, maxx, maxy;
    keyed *ks;
    pbuf pb = {NULL, 0, 0};

    if (opts == NULL)
        rs_layout_opts_init(&o);
    else
        o = *opts;
    rs_layout_clear(Y);
    for (k = 0; k < ne; k++) {
        slong a = ends[2 * k], b = ends[2 * k + 1];
        if (a < 0 || a >= n || b < 0 || b >= n || key[a] >= key[b])
            return rs_error_set(err, RS_EINPUT,
                                "layout: edge %ld does not go upwards "
                                "between two vertices",
                                (long)k);
    }
    Y->n = n;
    Y->ne = ne;
    Y->left = o.left;
    Y->row = flint_malloc((n + 1) * sizeof(slong));
    Y->x = flint_malloc((n + 1) * sizeof(double));
    Y->y = flint_malloc((n + 1) * sizeof(double));
    Y->w = flint_malloc((n + 1) * sizeof(double));
    Y->h = flint_malloc((n + 1) * sizeof(double));
    Y->lo = flint_malloc((ne + 1) * sizeof(slong));
    Y->hi = flint_malloc((ne + 1) * sizeof(slong));
    Y->path_off = flint_malloc((ne + 2) * sizeof(slong));
    if (n > 0) {
        memcpy(Y->w, w, n * sizeof(double));
        memcpy(Y->h, h, n * sizeof(double));
    }

    /* rows: the distinct keys, increasing */
    sorted = flint_malloc((n + 1) * sizeof(slong));
    if (n > 0)
        memcpy(sorted, key, n * sizeof(slong));
    qsort(sorted, n, sizeof(slong), cmp_slong);
    for (i = 0; i < n; i++)
        if (i == 0 || sorted[i] != sorted[i - 1])
            sorted[nrows++] = sorted[i];
    Y->nrows = nrows;
    Y->row_key = flint_malloc((nrows + 1) * sizeof(slong));
    Y->row_y = flint_malloc((nrows + 1) * sizeof(double));
    Y->row_h = flint_calloc(nrows + 1, sizeof(double));
    if (nrows > 0)
        memcpy(Y->row_key, sorted, nrows * sizeof(slong));
    for (v = 0; v < n; v++) {
        slong *p = bsearch(&key[v], sorted, nrows, sizeof(slong), cmp_slong);
        Y->row[v] = p - sorted;
        Y->row_h[Y->row[v]] = FLINT_MAX(Y->row_h[Y->row[v]], h[v]);
    }
    flint_free(sorted);

    /* chains: every edge as lo, dummies, hi */
    chain_off = flint_malloc((ne + 2) * sizeof(slong));
    chain_off[0] = 0;
    for (k = 0; k < ne; k++) {
        slong a = ends[2 * k], b = ends[2 * k + 1];
        Y->lo[k] = a;
        Y->hi[k] = b;
        chain_off[k + 1] = chain_off[k] + Y->row[b] - Y->row[a] + 1;
        nd += Y->row[b] - Y->row[a] - 1;
    }
    Y->dummies = nd;
    G.V = n + nd;
    G.nrows = nrows;
    G.vrow = flint_malloc((G.V + 1) * sizeof(slong));
    G.vw = flint_malloc((G.V + 1) * sizeof(double));
    G.x = flint_malloc((G.V + 1) * sizeof(double));
    chain = flint_malloc((chain_off[ne] + 1) * sizeof(slong));
    for (v = 0; v < n; v++) {
        G.vrow[v] = Y->row[v];
        G.vw[v] = w[v];
    }
    for (k = 0, v = n; k < ne; k++) {
        slong a = Y->lo[k], b = Y->hi[k], c = chain_off[k], r;
        chain[c++] = a;
        for (r = Y->row[a] + 1; r < Y->row[b]; r++, v++) {
            G.vrow[v] = r;
            G.vw[v] = o.dummy_w;
            chain[c++] = v;
        }
        chain[c] = b;
    }
    /* adjacency between consecutive rows */
    G.up_off = flint_calloc(G.V + 2, sizeof(slong));
    G.dn_off = flint_calloc(G.V + 2, sizeof(slong));
    for (k = 0; k < ne; k++)
        for (i = chain_off[k]; i + 1 < chain_off[k + 1]; i++) {
            G.up_off[chain[i] + 1]++;
            G.dn_off[chain[i + 1] + 1]++;
        }
    for (v = 0; v < G.V; v++) {
        G.up_off[v + 1] += G.up_off[v];
        G.dn_off[v + 1] += G.dn_off[v];
    }
    G.up = flint_malloc((G.up_off[G.V] + 1) * sizeof(slong));
    G.dn = flint_malloc((G.dn_off[G.V] + 1) * sizeof(slong));
    fill = flint_calloc(2 * (G.V + 1), sizeof(slong));
    for (k = 0; k < ne; k++)
        for (i = chain_off[k]; i + 1 < chain_off[k + 1]; i++) {
            slong a = chain[i], b = chain[i + 1];
            G.up[G.up_off[a] + fill[2 * a]++] = b;
            G.dn[G.dn_off[b] + fill[2 * b + 1]++] = a;
        }
    flint_free(fill);

    /* initial order: by vertex number within each row */
    G.rstart = flint_calloc(nrows + 2, sizeof(slong));
    G.ord = flint_malloc((G.V + 1) * sizeof(slong));
    G.pos = flint_malloc((G.V + 1) * sizeof(slong));
    G.best = flint_malloc((G.V + 1) * sizeof(slong));
    for (v = 0; v < G.V; v++)
        G.rstart[G.vrow[v] + 1]++;
    for (k = 0; k < nrows; k++)
        G.rstart[k + 1] += G.rstart[k];
    fill = flint_calloc(nrows + 1, sizeof(slong));
    for (v = 0; v < G.V; v++) {
        slong r = G.vrow[v];
        G.pos[v] = fill[r];
        G.ord[G.rstart[r] + fill[r]++] = v;
    }
    flint_free(fill);

    /* crossing reduction */
    ks = flint_malloc((G.V + 1) * sizeof(keyed));
    tree = flint_malloc((G.V + 2) * sizeof(slong));
    buf = flint_malloc((G.up_off[G.V] + 1) * sizeof(slong));
    for (it = 0; it <= o.sweeps; it++) {
        slong c;
        if (it > 0) {
            if (it & 1)
                for (k = 1; k < nrows; k++)
                    reorder_row(&G, k, 1, ks);
            else
                for (k = nrows - 2; k >= 0; k--)
                    reorder_row(&G, k, 0, ks);
        }
        c = total_crossings(&G, tree, buf);
        if (best_c < 0 || c < best_c) {
            best_c = c;
            memcpy(G.best, G.ord, G.V * sizeof(slong));
        }
        if (c == 0)
            break;
    }
    memcpy(G.ord, G.best, G.V * sizeof(slong));
    for (k = 0; k < nrows; k++)
        for (i = G.rstart[k]; i < G.rstart[k + 1]; i++)
            G.pos[G.ord[i]] = i - G.rstart[k];
    Y->crossings = best_c < 0 ? 0 : best_c;
    flint_free(ks);
    flint_free(tree);
    flint_free(buf);

    /* x coordinates, then shift so that the leftmost box starts at left */
    assign_x(&G, n, &o);
    minx = 0.0;
    for (v = 0; v < G.V; v++) {
        double l = G.x[v] - G.vw[v] / 2.0;
        if (v == 0 || l < minx)
            minx = l;
    }
    for (v = 0; v < G.V; v++)
        G.x[v] += o.left - minx;
    for (v = 0; v < n; v++)
        Y->x[v] = G.x[v];

    /* y: bands, with gaps growing with the horizontal reach of the edges
       between them so that no edge is too flat to follow */
    for (k = 0; k < nrows; k++) {
        double gap = o.row_gap, reach = 0.0;
        if (k > 0) {
            slong a;
            for (a = G.rstart[k - 1]; a < G.rstart[k]; a++) {
                slong u = G.ord[a], j;
                for (j = G.up_off[u]; j < G.up_off[u + 1]; j++)
                    reach = FLINT_MAX(reach, fabs(G.x[G.up[j]] - G.x[u]));
            }
            gap =
                FLINT_MIN(FLINT_MAX(o.row_gap, 0.15 * reach), 3.0 * o.row_gap);
            Y->row_y[k] = Y->row_y[k - 1] + Y->row_h[k - 1] / 2.0 + gap +
                          Y->row_h[k] / 2.0;
        } else {
            Y->row_y[k] = Y->row_h[k] / 2.0;
        }
    }
    for (v = 0; v < n; v++)
        Y->y[v] = Y->row_y[Y->row[v]];

    /* routes */
    px_up = flint_malloc((ne + 1) * sizeof(double));
    px_dn = flint_malloc((ne + 1) * sizeof(double));
    ports(px_up, Y, &G, chain_off, chain, 1);
    ports(px_dn, Y, &G, chain_off, chain, 0);
    for (k = 0; k < ne; k++) {
        slong a = Y->lo[k], b = Y->hi[k], ra = Y->row[a], rb = Y->row[b];
        double cx = px_up[k], cy;
        Y->path_off[k] = pb.n;
        pb_add(&pb, cx, Y->y[a] + Y->h[a] / 2.0);
        cy = Y->row_y[ra] + Y->row_h[ra] / 2.0;
        pb_vertical(&pb, cx, Y->y[a] + Y->h[a] / 2.0, cy);
        for (i = chain_off[k] + 1; i + 1 < chain_off[k + 1]; i++) {
            slong d = chain[i], r = G.vrow[d];
            pb_curve(&pb, cx, cy, G.x[d], Y->row_y[r] - Y->row_h[r] / 2.0);
            cx = G.x[d];
            pb_vertical(&pb, cx, Y->row_y[r] - Y->row_h[r] / 2.0,
                        Y->row_y[r] + Y->row_h[r] / 2.0);
            cy = Y->row_y[r] + Y->row_h[r] / 2.0;
        }
        pb_curve(&pb, cx, cy, px_dn[k], Y->row_y[rb] - Y->row_h[rb] / 2.0);
        pb_vertical(&pb, px_dn[k], Y->row_y[rb] - Y->row_h[rb] / 2.0,
                    Y->y[b] - Y->h[b] / 2.0);
    }
    Y->path_off[ne] = pb.n;
    Y->path = pb.p;
    if (Y->path == NULL)
        Y->path = flint_malloc(2 * sizeof(double));

    maxx = o.left;
    maxy = 0.0;
    for (v = 0; v < G.V; v++)
        maxx = FLINT_MAX(maxx, G.x[v] + G.vw[v] / 2.0);
    for (k = 0; k < nrows; k++)
        maxy = FLINT_MAX(maxy, Y->row_y[k] + Y->row_h[k] / 2.0);
    Y->width = maxx;
    Y->height = maxy;

    flint_free(px_up);
    flint_free(px_dn);
    flint_free(chain_off);
    flint_free(chain);
    flint_free(G.vrow);
    flint_free(G.vw);
    flint_free(G.x);
    flint_free(G.up_off);
    flint_free(G.dn_off);
    flint_free(G.up);
    flint_free(G.dn);
    flint_free(G.rstart);
    flint_free(G.ord);
    flint_free(G.pos);
    flint_free(G.best);
    return RS_OK;
}

void rs_layout_edge_point(double *px, double *py, const rs_layout_t Y, slong k,
                          double t)
{
    slong a = Y->path_off[k], cnt = Y->path_off[k + 1] - a;
    slong pieces = (cnt - 1) / 3, i;
    double s, u, v, b0, b1, b2, b3;
    const double *p;
    if (pieces < 1) {
        *px = Y->path[2 * a];
        *py = Y->path[2 * a + 1];
        return;
    }
    s = t * (double)pieces;
    i = (slong)floor(s);
    if (i >= pieces)
        i = pieces - 1;
    if (i < 0)
        i = 0;
    u = s - (double)i;
    v = 1.0 - u;
    b0 = v * v * v;
    b1 = 3 * v * v * u;
    b2 = 3 * v * u * u;
    b3 = u * u * u;
    p = Y->path + 2 * (a + 3 * i);
    *px = b0 * p[0] + b1 * p[2] + b2 * p[4] + b3 * p[6];
    *py = b0 * p[1] + b1 * p[3] + b2 * p[5] + b3 * p[7];
}
