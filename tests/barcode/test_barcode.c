/* Tests of the barcode module: conversions, both dimension formulas, the
   fiber-dimension programme, merges, components and the invariances of
   docs/math.md section 8, on every (d, r) with small widths (brute force) and
   on the worked examples of docs/math.md section 9 and docs/examples.md. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* ---- a collected list of all barcodes of one (d, r) ------------------ */

typedef struct {
    slong L, n, alloc;
    rs_barcode_struct *b;
} blist;

static void blist_push(const rs_barcode_t B, void *data)
{
    blist *l = data;
    if (l->n == l->alloc) {
        l->alloc = 2 * l->alloc + 8;
        l->b = flint_realloc(l->b, l->alloc * sizeof(rs_barcode_struct));
    }
    rs_barcode_init(l->b + l->n, B->L);
    rs_barcode_set(l->b + l->n, B);
    l->n++;
}

static void blist_collect(blist *l, const slong *d, slong L, slong r)
{
    l->L = L;
    l->n = l->alloc = 0;
    l->b = NULL;
    rs_test_all_barcodes(d, L, r, blist_push, l);
}

static void blist_clear(blist *l)
{
    slong i;
    for (i = 0; i < l->n; i++)
        rs_barcode_clear(l->b + i);
    flint_free(l->b);
}

/* ---- properties checked on every stratum of every small fiber -------- */

static void check_fiber(const slong *d, slong L, slong r)
{
    blist l;
    slong i, j, maxdim = -1, nmin = 0;
    rs_ranks_t R, R2;
    rs_barcode_t B2, T, T2;
    slong N = rs_weight_space_dim(d, L), shift = rs_reduction_shift(d, L, r);

    blist_collect(&l, d, L, r);
    ck_assert_int_gt(l.n, 0);
    rs_ranks_init(R, L);
    rs_ranks_init(R2, L);
    rs_barcode_init(B2, L);
    rs_barcode_init(T, L);
    rs_barcode_init(T2, L);
    for (i = 0; i < l.n; i++) {
        rs_barcode_struct *B = l.b + i;
        slong dim;
        ck_assert(rs_barcode_is_valid(B, d, r));
        /* round trip barcode -> rank list -> barcode */
        rs_ranks_from_barcode(R, B);
        ck_assert(rs_ranks_is_valid(R, d, r));
        rs_barcode_from_ranks(B2, R);
        ck_assert(rs_barcode_equal(B, B2));
        /* both dimension formulas agree, and codim = N - dim */
        dim = rs_barcode_dim(B);
        ck_assert_int_eq(dim, rs_ranks_dim(R));
        ck_assert_int_ge(dim, 0);
        ck_assert_int_eq(rs_barcode_codim(B), N - dim);
        maxdim = FLINT_MAX(maxdim, dim);
        /* minimal stratum: all r_ji = r */
        if (rs_barcode_is_minimal(B)) {
            slong k, s = 0;
            nmin++;
            for (k = 1; k < L; k++)
                s += r * (2 * d[k] - r);
            ck_assert_int_eq(dim, s);
            for (j = 1; j <= L; j++)
                for (k = 0; k < j; k++)
                    ck_assert_int_eq(rs_ranks_get(R, k, j), r);
        }
        /* transpose: bars reverse, ranks transpose, dim and components
           are unchanged */
        rs_barcode_transpose(T, B);
        rs_ranks_transpose(R2, R);
        rs_barcode_from_ranks(T2, R2);
        ck_assert(rs_barcode_equal(T, T2));
        ck_assert_int_eq(rs_barcode_dim(T), dim);
        ck_assert_int_eq(rs_barcode_components_log2(T),
                         rs_barcode_components_log2(B));
        ck_assert_int_eq(rs_barcode_is_maximal(T), rs_barcode_is_maximal(B));
        rs_barcode_transpose(T2, T);
        ck_assert(rs_barcode_equal(T2, B));
        /* reduction: (d, r) -> (d - r, 0) shifts dim by the formula */
        rs_barcode_reduce(T, B);
        ck_assert_int_eq(rs_barcode_rank(T), 0);
        ck_assert_int_eq(rs_barcode_dim(T) + shift, dim);
        rs_barcode_lift(T2, T, r);
        ck_assert(rs_barcode_equal(T2, B));
    }
    ck_assert_int_eq(nmin, 1);
    ck_assert_int_eq(rs_fiber_dim(d, L, r), maxdim);

    /* pairwise: distinct rank lists; maximality = no stratum above in the
       rank-dominance order (brute force over all pairs) */
    for (i = 0; i < l.n; i++) {
        int above = 0;
        rs_ranks_from_barcode(R, l.b + i);
        for (j = 0; j < l.n; j++) {
            if (i == j)
                continue;
            ck_assert(!rs_barcode_equal(l.b + i, l.b + j));
            rs_ranks_from_barcode(R2, l.b + j);
            if (rs_ranks_leq(R, R2))
                above = 1;
        }
        ck_assert_int_eq(rs_barcode_is_maximal(l.b + i), !above);
    }
    rs_ranks_clear(R);
    rs_ranks_clear(R2);
    rs_barcode_clear(B2);
    rs_barcode_clear(T);
    rs_barcode_clear(T2);
    blist_clear(&l);
}

START_TEST(test_all_small_fibers)
{
    rs_test_for_all_shapes(0, 3, 3, check_fiber);
    if (rs_test_long())
        rs_test_for_all_shapes(1, 3, 4, check_fiber);
}
END_TEST

/* every merge move that applies raises the ranks by exactly 1 on the
   rectangle a <= i <= c-1, b+1 <= j <= e and raises the dimension */
static void check_merges(const slong *d, slong L, slong r)
{
    blist l;
    slong n, a, b, c, e, i, j;
    rs_ranks_t R, R2;
    rs_barcode_t M;
    blist_collect(&l, d, L, r);
    rs_ranks_init(R, L);
    rs_ranks_init(R2, L);
    rs_barcode_init(M, L);
    for (n = 0; n < l.n; n++) {
        rs_barcode_struct *B = l.b + n;
        rs_ranks_from_barcode(R, B);
        for (a = 0; a <= L; a++)
            for (b = a; b <= L; b++)
                for (c = a + 1; c <= b + 1 && c <= L; c++)
                    for (e = b + 1; e <= L; e++) {
                        if (!rs_barcode_merge_applies(B, a, b, c, e))
                            continue;
                        rs_barcode_merge(M, B, a, b, c, e);
                        ck_assert(rs_barcode_is_valid(M, d, r));
                        ck_assert_int_gt(rs_barcode_dim(M), rs_barcode_dim(B));
                        rs_ranks_from_barcode(R2, M);
                        for (j = 1; j <= L; j++)
                            for (i = 0; i < j; i++) {
                                int in = a <= i && i <= c - 1 && b + 1 <= j &&
                                         j <= e;
                                ck_assert_int_eq(rs_ranks_get(R2, i, j),
                                                 rs_ranks_get(R, i, j) + in);
                            }
                    }
    }
    rs_ranks_clear(R);
    rs_ranks_clear(R2);
    rs_barcode_clear(M);
    blist_clear(&l);
}

START_TEST(test_merge_rectangles)
{
    rs_test_for_all_shapes(1, 3, 3, check_merges);
}
END_TEST

/* ---- worked examples --------------------------------------------------- */

typedef struct {
    slong count, maxdim, ntop, nmax;
    slong dims[64];
} fiber_summary;

static void summarise(fiber_summary *s, const slong *d, slong L, slong r)
{
    blist l;
    slong i;
    memset(s, 0, sizeof *s);
    blist_collect(&l, d, L, r);
    s->count = l.n;
    s->maxdim = rs_fiber_dim(d, L, r);
    for (i = 0; i < l.n; i++) {
        slong dim = rs_barcode_dim(l.b + i);
        if (i < 64)
            s->dims[i] = dim;
        s->ntop += dim == s->maxdim;
        s->nmax += rs_barcode_is_maximal(l.b + i);
    }
    blist_clear(&l);
}

static int cmp_desc(const void *x, const void *y)
{
    slong a = *(const slong *)x, b = *(const slong *)y;
    return a < b ? 1 : a > b ? -1 : 0;
}

START_TEST(test_worked_examples)
{
    fiber_summary s;
    {
        slong d[] = {1, 2, 2,
                     1}; /* docs/math.md section 9: 16 strata, fiber dim 7 */
        summarise(&s, d, 3, 0);
        ck_assert_int_eq(s.count, 16);
        ck_assert_int_eq(s.maxdim, 7);
        ck_assert_int_eq(s.nmax, 1);
    }
    {
        slong d[] = {2, 2, 2, 2}, want[] = {8, 8, 8, 7, 7, 7, 6}, i;
        summarise(&s, d, 3, 1);
        ck_assert_int_eq(s.count, 7);
        qsort(s.dims, s.count, sizeof(slong), cmp_desc);
        for (i = 0; i < 7; i++)
            ck_assert_int_eq(s.dims[i], want[i]);
    }
    {
        slong d[] = {3, 3, 3, 3, 3};
        summarise(&s, d, 4, 0);
        ck_assert_int_eq(s.count, 535);
        ck_assert_int_eq(s.maxdim, 30);
    }
    {
        /* d = (2,2,2), W = 0: 6 strata, maximal of dims 5, 4, 4
           (Koncki & Rimanyi) */
        slong d[] = {2, 2, 2};
        blist l;
        slong i, maxdims[3], n = 0;
        blist_collect(&l, d, 2, 0);
        ck_assert_int_eq(l.n, 6);
        for (i = 0; i < l.n; i++)
            if (rs_barcode_is_maximal(l.b + i)) {
                ck_assert_int_lt(n, 3);
                maxdims[n++] = rs_barcode_dim(l.b + i);
            }
        ck_assert_int_eq(n, 3);
        qsort(maxdims, 3, sizeof(slong), cmp_desc);
        ck_assert_int_eq(maxdims[0], 5);
        ck_assert_int_eq(maxdims[1], 4);
        ck_assert_int_eq(maxdims[2], 4);
        blist_clear(&l);
    }
    {
        slong d[] = {3, 2, 3}, i;
        slong want0[] = {7, 6, 6, 4, 4, 0}, want1[] = {5, 5, 3};
        summarise(&s, d, 2, 0);
        ck_assert_int_eq(s.count, 6);
        qsort(s.dims, s.count, sizeof(slong), cmp_desc);
        for (i = 0; i < 6; i++)
            ck_assert_int_eq(s.dims[i], want0[i]);
        summarise(&s, d, 2, 1);
        ck_assert_int_eq(s.count, 3);
        qsort(s.dims, s.count, sizeof(slong), cmp_desc);
        for (i = 0; i < 3; i++)
            ck_assert_int_eq(s.dims[i], want1[i]);
        summarise(&s, d, 2, 2);
        ck_assert_int_eq(s.count, 1);
        ck_assert_int_eq(s.dims[0], 4);
    }
    {
        slong d[] = {1, 1, 1, 1}; /* 2^L - 1 strata, fiber dim 2, 3 top */
        summarise(&s, d, 3, 0);
        ck_assert_int_eq(s.count, 7);
        ck_assert_int_eq(s.maxdim, 2);
        ck_assert_int_eq(s.ntop, 3);
    }
    {
        slong d[] = {2, 1, 1, 2}; /* 7 strata, fiber dim 4, 1 top, 3 max */
        summarise(&s, d, 3, 0);
        ck_assert_int_eq(s.count, 7);
        ck_assert_int_eq(s.maxdim, 4);
        ck_assert_int_eq(s.ntop, 1);
        ck_assert_int_eq(s.nmax, 3);
    }
}
END_TEST

/* Parses "0-0,1-2x2" style barcodes for the table checks below without the
   io module: bars as (i, j, m) triples. */
static void set_bars(rs_barcode_t B, slong L, const slong *bars, slong n)
{
    slong k;
    rs_barcode_clear(B);
    rs_barcode_init(B, L);
    for (k = 0; k < n; k++)
        rs_barcode_set_entry(B, bars[3 * k], bars[3 * k + 1], bars[3 * k + 2]);
}

START_TEST(test_example_tables)
{
    rs_barcode_t B;
    rs_barcode_init(B, 1);
    /* docs/examples.md, d = (1,2,2,1), r = 0 (a few rows with their comps) */
    {
        slong s1[] = {0, 2, 1, 1, 3, 1};
        set_bars(B, 3, s1, 2);
        ck_assert_int_eq(rs_barcode_dim(B), 7);
        ck_assert_int_eq(rs_barcode_components_log2(B), 2);
    }
    {
        slong s10[] = {0, 0, 1, 1, 2, 2, 3, 3, 1};
        set_bars(B, 3, s10, 3);
        ck_assert_int_eq(rs_barcode_dim(B), 4);
        ck_assert_int_eq(rs_barcode_components_log2(B), 1);
    }
    {
        slong s16[] = {0, 0, 1, 1, 1, 2, 2, 2, 2, 3, 3, 1};
        set_bars(B, 3, s16, 4);
        ck_assert_int_eq(rs_barcode_dim(B), 0);
        ck_assert_int_eq(rs_barcode_components_log2(B), 0);
        ck_assert(rs_barcode_is_minimal(B));
    }
    /* (1,1,1) with W = 1: the hyperbola w2 w1 = 1, two components */
    {
        slong h[] = {0, 2, 1};
        set_bars(B, 2, h, 1);
        ck_assert_int_eq(rs_barcode_dim(B), 1);
        ck_assert_int_eq(rs_barcode_components_log2(B), 1);
    }
    /* (2,2,2), r = 2: GL(2), two components, dim 4 */
    {
        slong g[] = {0, 2, 2};
        set_bars(B, 2, g, 1);
        ck_assert_int_eq(rs_barcode_dim(B), 4);
        ck_assert_int_eq(rs_barcode_components_log2(B), 1);
    }
    /* (1,1,1,1), r = 0, S1 = [0,0] + [1,3]: dim 2, 4 components */
    {
        slong t[] = {0, 0, 1, 1, 3, 1};
        set_bars(B, 3, t, 2);
        ck_assert_int_eq(rs_barcode_dim(B), 2);
        ck_assert_int_eq(rs_barcode_components_log2(B), 2);
    }
    /* (2,2,2,2), r = 1: S1 = [0,0] + [0,3] + [1,3], dim 8, 4 comps */
    {
        slong t[] = {0, 0, 1, 0, 3, 1, 1, 3, 1};
        set_bars(B, 3, t, 3);
        ck_assert_int_eq(rs_barcode_dim(B), 8);
        ck_assert_int_eq(rs_barcode_components_log2(B), 2);
    }
    rs_barcode_clear(B);
}
END_TEST

START_TEST(test_smoothness_examples)
{
    slong a[] = {2, 1, 2}, b[] = {1, 2, 2}, c[] = {1, 2, 2, 1}, e[] = {2, 2, 2};
    ck_assert(rs_fiber_is_smooth(a, 2, 1));
    ck_assert(rs_fiber_is_smooth(b, 2, 1));
    ck_assert(rs_fiber_is_smooth(c, 3, 1));
    ck_assert(!rs_fiber_is_smooth(c, 3, 0));
    ck_assert(!rs_fiber_is_smooth(e, 2, 1));
    ck_assert(rs_fiber_is_smooth(e, 1, 0));
    ck_assert(rs_fiber_is_nonempty(e, 2, 2));
    ck_assert(!rs_fiber_is_nonempty(e, 2, 3));
}
END_TEST

/* Pepin Lehalleur & Rimanyi: permuting d leaves the codimension of
   mu^{-1}(0) and the number of its top-dimensional strata unchanged. */
static void perm_summary(const slong *d, slong L, slong *codim, slong *ntop)
{
    fiber_summary s;
    summarise(&s, d, L, 0);
    *codim = rs_weight_space_dim(d, L) - s.maxdim;
    *ntop = s.ntop;
}

START_TEST(test_permutation_invariance)
{
    flint_rand_t state;
    slong trial;
    rs_test_rand_init(state);
    for (trial = 0; trial < 40; trial++) {
        slong L = 2 + (slong)n_randint(state, 2), d[5], p[5], k, c1, c2, t1, t2;
        for (k = 0; k <= L; k++)
            d[k] = p[k] = 1 + (slong)n_randint(state, 3);
        for (k = L; k > 0; k--) {
            slong j = (slong)n_randint(state, (ulong)k + 1), t = p[k];
            p[k] = p[j];
            p[j] = t;
        }
        perm_summary(d, L, &c1, &t1);
        perm_summary(p, L, &c2, &t2);
        ck_assert_int_eq(c1, c2);
        ck_assert_int_eq(t1, t2);
    }
    rs_rand_clear(state);
}
END_TEST

/* The fiber-dimension programme against the maximum over random
   barcodes (a lower bound) on widths too large to enumerate, and against
   its transpose. */
START_TEST(test_fiber_dim_large)
{
    flint_rand_t state;
    slong trial;
    rs_test_rand_init(state);
    for (trial = 0; trial < 200; trial++) {
        slong L = 1 + (slong)n_randint(state, 6), d[8], dt[8], k, r, m, fd;
        rs_barcode_t B;
        for (k = 0; k <= L; k++)
            d[k] = (slong)n_randint(state, 40);
        m = d[0];
        for (k = 0; k <= L; k++) {
            m = FLINT_MIN(m, d[k]);
            dt[L - k] = d[k];
        }
        r = (slong)n_randint(state, (ulong)m + 1);
        fd = rs_fiber_dim(d, L, r);
        ck_assert_int_eq(fd, rs_fiber_dim(dt, L, r));
        rs_barcode_init(B, L);
        for (k = 0; k < 20; k++) {
            ck_assert(rs_barcode_randtest(B, d, L, r, state));
            ck_assert(rs_barcode_is_valid(B, d, r));
            ck_assert_int_le(rs_barcode_dim(B), fd);
        }
        rs_barcode_clear(B);
    }
    rs_rand_clear(state);
}
END_TEST

START_TEST(test_dims_check)
{
    rs_error_t err;
    slong ok[] = {2, 0, 3}, neg[] = {2, -1, 3},
          huge[] = {RS_MAX_TOTAL_WIDTH, 1};
    rs_error_init(err);
    ck_assert_int_eq(rs_dims_check(ok, 2, "--dims", err), RS_OK);
    ck_assert_int_eq(rs_dims_check(ok, 0, "--dims", err), RS_EINPUT);
    ck_assert_int_eq(rs_dims_check(neg, 2, "--dims", err), RS_EINPUT);
    ck_assert(strstr(err->msg, "--dims") != NULL);
    ck_assert_int_eq(rs_dims_check(huge, 1, "--dims", err), RS_ELIMIT);
}
END_TEST

START_TEST(test_print)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    rs_barcode_t B;
    slong bars[] = {0, 0, 1, 1, 2, 2, 0, 2, 1};
    rs_barcode_init(B, 2);
    set_bars(B, 2, bars, 3);
    rs_barcode_fprint(f, B);
    fputc('|', f);
    rs_barcode_fprint_arg(f, B);
    fclose(f);
    ck_assert_str_eq(buf, "[0,0] + [0,2] + 2[1,2]|0-0,0-2,1-2x2");
    free(buf);
    rs_barcode_clear(B);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("barcode");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 0);
    tcase_add_test(tc, test_all_small_fibers);
    tcase_add_test(tc, test_merge_rectangles);
    tcase_add_test(tc, test_worked_examples);
    tcase_add_test(tc, test_example_tables);
    tcase_add_test(tc, test_smoothness_examples);
    tcase_add_test(tc, test_permutation_invariance);
    tcase_add_test(tc, test_fiber_dim_large);
    tcase_add_test(tc, test_dims_check);
    tcase_add_test(tc, test_print);
    suite_add_tcase(s, tc);
    return rs_test_run(s) ? EXIT_FAILURE : EXIT_SUCCESS;
}
