/* Tests of the strata module: enumeration against the brute-force oracle
   of testutil, the counting programme against both, the local Hasse rule
   against the naive transitive reduction, the sorted order, the summary,
   the worked examples of docs/math.md section 9 and docs/examples.md, and the
   invariances of docs/math.md section 8. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* ---- helpers --------------------------------------------------------- */

static int oracle_count_visit(const rs_barcode_t B, void *data)
{
    (void)B;
    (*(slong *)data)++;
    return 0;
}

static void oracle_count_cb(const rs_barcode_t B, void *data)
{
    oracle_count_visit(B, data);
}

static slong oracle_count(const slong *d, slong L, slong r)
{
    slong n = 0;
    rs_test_all_barcodes(d, L, r, oracle_count_cb, &n);
    return n;
}

/* Store membership of every oracle barcode. */
typedef struct {
    const rs_strata_struct *S;
    slong missing;
} member_state;

static void member_cb(const rs_barcode_t B, void *data)
{
    member_state *m = data;
    rs_ranks_t R;
    rs_ranks_init(R, B->L);
    rs_ranks_from_barcode(R, B);
    if (rs_strata_find(m->S, R) < 0)
        m->missing++;
    rs_ranks_clear(R);
}

/* Checks made on every stratum the enumerator visits. */
typedef struct {
    const slong *d;
    slong L, r, n;
    rs_ranks_t prev; /* previous rank list, for the enumeration order */
} visit_state;

/* Whether R comes after P in enumeration order (r_10, r_20, r_21, ...). */
static int enum_order_after(const rs_ranks_t R, const rs_ranks_t P)
{
    slong L = R->L, i, j;
    for (j = 1; j <= L; j++)
        for (i = 0; i < j; i++)
            if (rs_ranks_get(R, i, j) != rs_ranks_get(P, i, j))
                return rs_ranks_get(R, i, j) > rs_ranks_get(P, i, j);
    return 0;
}

static int check_visit(void *data, const rs_barcode_t B, const rs_ranks_t R,
                       slong dim)
{
    visit_state *v = data;
    rs_ranks_t R2;
    ck_assert(rs_barcode_is_valid(B, v->d, v->r));
    rs_ranks_init(R2, v->L);
    rs_ranks_from_barcode(R2, B);
    ck_assert(rs_ranks_equal(R, R2));
    rs_ranks_clear(R2);
    ck_assert(rs_ranks_is_valid(R, v->d, v->r));
    ck_assert_int_eq(dim, rs_barcode_dim(B));
    ck_assert_int_eq(dim, rs_ranks_dim(R));
    if (v->n > 0)
        ck_assert(enum_order_after(R, v->prev));
    rs_ranks_set(v->prev, R);
    v->n++;
    return 0;
}

static void fill_sorted(rs_strata_t S, const slong *d, slong L, slong r)
{
    rs_error_t err;
    rs_error_init(err);
    rs_strata_init(S, d, L, r);
    ck_assert_int_eq(rs_strata_fill(S, 0, err), RS_OK);
    rs_strata_sort(S);
}

static void covers_local(rs_covers_t C, const rs_strata_t S)
{
    rs_error_t err;
    rs_error_init(err);
    rs_covers_init(C);
    ck_assert_int_eq(rs_strata_covers(C, S, err), RS_OK);
}

static int covers_equal(const rs_covers_t A, const rs_covers_t B)
{
    return A->n == B->n && (A->n == 0 || memcmp(A->pairs, B->pairs,
                                                2 * A->n * sizeof(slong)) == 0);
}

/* ---- every small fiber ----------------------------------------------- */

static void check_fiber(const slong *d, slong L, slong r)
{
    rs_strata_t S;
    rs_covers_t C, C2;
    rs_strata_summary_t sum;
    visit_state v;
    member_state m;
    fmpz_t c;
    rs_error_t err;
    rs_barcode_t B, Bmin;
    rs_ranks_t R, R2;
    slong visited, id, k, nmin = 0, nmax = 0, *has_up, *has_down;

    rs_error_init(err);
    v.d = d;
    v.L = L;
    v.r = r;
    v.n = 0;
    rs_ranks_init(v.prev, L);
    ck_assert_int_eq(rs_strata_enumerate(&visited, d, L, r, check_visit, &v),
                     0);
    ck_assert_int_eq(visited, v.n);
    rs_ranks_clear(v.prev);

    /* count: enumeration = oracle = programme */
    ck_assert_int_eq(visited, oracle_count(d, L, r));
    fmpz_init(c);
    ck_assert_int_eq(rs_strata_count(c, d, L, r, 0, NULL, err), RS_OK);
    ck_assert(fmpz_equal_si(c, visited));
    fmpz_clear(c);

    /* the store holds them all, pairwise distinct */
    fill_sorted(S, d, L, r);
    ck_assert_int_eq(S->n, visited);
    m.S = S;
    m.missing = 0;
    rs_test_all_barcodes(d, L, r, member_cb, &m);
    ck_assert_int_eq(m.missing, 0);

    /* sorted order: decreasing dim, then increasing rank list */
    rs_ranks_init(R, L);
    rs_ranks_init(R2, L);
    for (id = 1; id < S->n; id++) {
        slong i, j, cmp = 0;
        ck_assert_int_ge(rs_strata_dim(S, id - 1), rs_strata_dim(S, id));
        if (rs_strata_dim(S, id - 1) != rs_strata_dim(S, id))
            continue;
        rs_strata_get_ranks(R, S, id - 1);
        rs_strata_get_ranks(R2, S, id);
        for (i = 0; i < L && cmp == 0; i++)
            for (j = i + 1; j <= L && cmp == 0; j++)
                cmp = rs_ranks_get(R, i, j) - rs_ranks_get(R2, i, j);
        ck_assert_int_lt(cmp, 0);
    }
    for (id = 0; id < S->n; id++) {
        rs_strata_get_ranks(R, S, id);
        ck_assert_int_eq(rs_strata_find(S, R), id);
    }
    rs_ranks_clear(R);
    rs_ranks_clear(R2);

    /* local Hasse rule = naive transitive reduction */
    covers_local(C, S);
    rs_covers_init(C2);
    rs_strata_covers_naive(C2, S);
    ck_assert(covers_equal(C, C2));

    /* covers raise the dimension; one minimal stratum; maximal = no
       upper cover = no merge move */
    has_up = flint_calloc(S->n, sizeof(slong));
    has_down = flint_calloc(S->n, sizeof(slong));
    for (k = 0; k < C->n; k++) {
        slong lo = rs_covers_lower(C, k), up = rs_covers_upper(C, k);
        ck_assert_int_lt(rs_strata_dim(S, lo), rs_strata_dim(S, up));
        has_up[lo] = 1;
        has_down[up] = 1;
        if (k > 0)
            ck_assert(rs_covers_lower(C, k - 1) < lo ||
                      (rs_covers_lower(C, k - 1) == lo &&
                       rs_covers_upper(C, k - 1) < up));
    }
    rs_strata_summary(&sum, S);
    rs_barcode_init(B, L);
    rs_barcode_init(Bmin, L);
    rs_barcode_set_minimal(Bmin, d, L, r);
    for (id = 0; id < S->n; id++) {
        rs_strata_get_barcode(B, S, id);
        ck_assert_int_eq(!has_up[id], rs_barcode_is_maximal(B));
        ck_assert_int_eq(rs_strata_num_merges(S, id) == 0, !has_up[id]);
        nmax += !has_up[id];
        if (!has_down[id]) {
            nmin++;
            ck_assert(rs_barcode_equal(B, Bmin));
            ck_assert_int_eq(sum.minimal, id);
        }
    }
    ck_assert_int_eq(nmin, 1);
    ck_assert_int_eq(sum.maximal, nmax);
    ck_assert_int_eq(sum.count, S->n);
    ck_assert_int_eq(sum.fiber_dim, rs_fiber_dim(d, L, r));
    ck_assert_int_eq(sum.fiber_dim, rs_strata_dim(S, 0));
    ck_assert_int_eq(sum.weight_space_dim, rs_weight_space_dim(d, L));
    for (id = 0, k = 0; id < S->n; id++)
        k += rs_strata_dim(S, id) == sum.fiber_dim;
    ck_assert_int_eq(sum.top, k);

    rs_barcode_clear(B);
    rs_barcode_clear(Bmin);
    flint_free(has_up);
    flint_free(has_down);
    rs_covers_clear(C);
    rs_covers_clear(C2);
    rs_strata_clear(S);
}

START_TEST(test_all_small_fibers)
{
    /* every (d, r), d in {1,2,3}^{L+1}, L <= 4 */
    rs_test_for_all_shapes(1, 3, 4, check_fiber);
}
END_TEST

START_TEST(test_all_small_fibers_long)
{
    /* L = 5 (up to 3526 strata per fiber), only in the long run */
    slong d[6], k, r, m, j;
    if (!rs_test_long())
        return;
    for (k = 0; k < 729; k++) {
        slong x = k;
        for (j = 0; j <= 5; j++, x /= 3)
            d[j] = 1 + x % 3;
        m = d[0];
        for (j = 1; j <= 5; j++)
            m = FLINT_MIN(m, d[j]);
        for (r = 0; r <= m; r++)
            check_fiber(d, 5, r);
    }
}
END_TEST

/* ---- counts on their own ------------------------------------------- */

static void check_count_only(const slong *d, slong L, slong r)
{
    fmpz_t c;
    rs_error_t err;
    slong visited;
    rs_error_init(err);
    fmpz_init(c);
    ck_assert_int_eq(rs_strata_count(c, d, L, r, 0, NULL, err), RS_OK);
    rs_strata_enumerate(&visited, d, L, r, NULL, NULL);
    ck_assert(fmpz_equal_si(c, visited));
    fmpz_clear(c);
}

START_TEST(test_count_with_zero_widths)
{
    /* widths 0..3 (a zero width splits the programme into a product) */
    rs_test_for_all_shapes(0, 3, 4, check_count_only);
}
END_TEST

START_TEST(test_count_random_shapes)
{
    flint_rand_t state;
    slong t, k, d[12], L, r, m, trials = rs_test_long() ? 400 : 60;
    rs_test_rand_init(state);
    for (t = 0; t < trials; t++) {
        L = 1 + (slong)n_randint(state, 7);
        for (k = 0; k <= L; k++)
            d[k] = (slong)n_randint(state, L <= 4 ? 8 : 5);
        m = d[0];
        for (k = 1; k <= L; k++)
            m = FLINT_MIN(m, d[k]);
        r = (slong)n_randint(state, m + 1);
        check_count_only(d, L, r);
    }
    rs_rand_clear(state);
}
END_TEST

START_TEST(test_count_bars)
{
    /* C(e) counts multisets of all bars; it sums the strata counts of
       (e, r) over r (remove the [0, L] bars) */
    slong e[6] = {3, 2, 3, 2, 3, 1}, L = 5, r, k, d[6];
    fmpz_t c, total, x;
    rs_error_t err;
    rs_error_init(err);
    fmpz_init(c);
    fmpz_init(total);
    fmpz_init(x);
    ck_assert_int_eq(rs_strata_count_bars(c, e, L, 0, NULL, err), RS_OK);
    for (r = 0; r <= 1; r++) {
        for (k = 0; k <= L; k++)
            d[k] = e[k];
        ck_assert_int_eq(rs_strata_count(x, d, L, r, 0, NULL, err), RS_OK);
        fmpz_add(total, total, x);
    }
    ck_assert(fmpz_equal(c, total));
    e[2] = -1;
    ck_assert_int_eq(rs_strata_count_bars(c, e, L, 0, NULL, err), RS_OK);
    ck_assert(fmpz_is_zero(c));
    fmpz_clear(c);
    fmpz_clear(total);
    fmpz_clear(x);
}
END_TEST

START_TEST(test_count_closed_forms)
{
    /* widths all 1, r = 0: a barcode is a composition of [0, L] into
       intervals other than [0, L] itself, so 2^L - 1 strata; L = 1: one
       stratum for every (d, r); L = 2: pairs (x, y) = (w_01, w_12) with
       x <= e_0, y <= e_2, x + y <= e_1 */
    slong d[301], L, k, r, x, y, n;
    fmpz_t c, expect;
    rs_error_t err;
    rs_error_init(err);
    fmpz_init(c);
    fmpz_init(expect);
    for (L = 1; L <= 300; L += 37) {
        for (k = 0; k <= L; k++)
            d[k] = 1;
        ck_assert_int_eq(rs_strata_count(c, d, L, 0, 0, NULL, err), RS_OK);
        fmpz_one(expect);
        fmpz_mul_2exp(expect, expect, L);
        fmpz_sub_ui(expect, expect, 1);
        ck_assert(fmpz_equal(c, expect));
    }
    d[0] = 1000;
    d[1] = 2000;
    ck_assert_int_eq(rs_strata_count(c, d, 1, 700, 0, NULL, err), RS_OK);
    ck_assert(fmpz_is_one(c));
    d[0] = 13;
    d[1] = 17;
    d[2] = 9;
    for (r = 0; r <= 9; r++) {
        n = 0;
        for (x = 0; x <= d[0] - r; x++)
            for (y = 0; y <= d[2] - r; y++)
                n += x + y <= d[1] - r;
        ck_assert_int_eq(rs_strata_count(c, d, 2, r, 0, NULL, err), RS_OK);
        ck_assert(fmpz_equal_si(c, n));
    }
    fmpz_clear(c);
    fmpz_clear(expect);
}
END_TEST

START_TEST(test_count_large)
{
    /* counts of the benchmarks of issue 3 (strata listed there), the count
       invariant under reversing the widths (transpose), and the work bound
       refusing */
    slong d1[6] = {10, 10, 10, 10, 10, 10}, d2[7] = {6, 6, 6, 6, 6, 6, 6};
    slong d3[8] = {9, 4, 7, 5, 8, 6, 4, 9}, d3r[8], k, visited;
    fmpz_t c, c2;
    rs_error_t err;
    rs_error_init(err);
    fmpz_init(c);
    fmpz_init(c2);
    ck_assert_int_eq(rs_strata_count(c, d1, 5, 3, 0, NULL, err), RS_OK);
    ck_assert(fmpz_equal_si(c, 1588344));
    ck_assert_int_eq(rs_strata_count(c, d2, 6, 2, 0, NULL, err), RS_OK);
    ck_assert(fmpz_equal_si(c, 226014));
    for (k = 0; k < 8; k++)
        d3r[k] = d3[7 - k];
    ck_assert_int_eq(rs_strata_count(c, d3, 7, 2, 0, NULL, err), RS_OK);
    ck_assert_int_eq(rs_strata_count(c2, d3r, 7, 2, 0, NULL, err), RS_OK);
    ck_assert(fmpz_equal(c, c2));
    if (rs_test_long()) {
        rs_strata_enumerate(&visited, d3, 7, 2, NULL, NULL);
        ck_assert(fmpz_equal_si(c, visited));
        rs_strata_enumerate(&visited, d1, 5, 3, NULL, NULL);
        ck_assert_int_eq(visited, 1588344);
    }
    ck_assert_int_eq(rs_strata_count(c, d1, 5, 0, 10, NULL, err), RS_ELIMIT);
    ck_assert(strstr(err->msg, "--max-work") != NULL);
    fmpz_clear(c);
    fmpz_clear(c2);
}
END_TEST

/* ---- the store ------------------------------------------------------- */

START_TEST(test_store)
{
    slong d[4] = {300, 2, 70000, 1}, L = 3, id;
    rs_strata_t S;
    rs_ranks_t R;
    rs_error_t err;
    fmpz_t c;
    rs_error_init(err);
    fmpz_init(c);
    /* widths above 255 and 65535 need wider packed entries */
    rs_strata_init(S, d, L, 0);
    ck_assert_int_eq(S->width, 4);
    ck_assert_int_eq(rs_strata_fill(S, 0, err), RS_OK);
    ck_assert_int_eq(rs_strata_count(c, d, L, 0, 0, NULL, err), RS_OK);
    ck_assert(fmpz_equal_si(c, S->n));
    rs_ranks_init(R, L);
    for (id = 0; id < S->n; id++) {
        rs_strata_get_ranks(R, S, id);
        ck_assert_int_eq(rs_strata_add(S, R, 0), id); /* no duplicates */
        ck_assert_int_eq(rs_strata_rank_entry(S, id, 0, 1),
                         rs_ranks_get(R, 0, 1));
    }
    rs_ranks_set_entry(R, 0, 1, 5);
    ck_assert_int_eq(rs_strata_find(S, R), -1);
    rs_ranks_clear(R);
    rs_strata_clear(S);
    /* the bound refuses with the exact count */
    d[0] = 3;
    d[1] = 3;
    d[2] = 3;
    d[3] = 3;
    rs_strata_init(S, d, L, 0);
    ck_assert_int_eq(S->width, 1);
    ck_assert_int_eq(rs_strata_fill(S, 20, err), RS_ELIMIT);
    ck_assert_int_eq(S->n, 0);
    ck_assert(strstr(err->msg, "has 77 strata") != NULL);
    ck_assert_int_eq(rs_strata_fill(S, 77, err), RS_OK);
    ck_assert_int_eq(S->n, 77);
    rs_strata_clear(S);
    fmpz_clear(c);
}
END_TEST

/* ---- worked examples ------------------------------------------------- */

/* A table of docs/examples.md: rows in the printed order (which is the sorted
   order), each "rank list in the order 10,21,32,..,20,31,..,L0 | barcode |
   dim | components | covered by S-numbers with codimension". */
typedef struct {
    slong L, d[5], r;
    const char *rows[17];
} example;

static const example examples[] = {
    {2,
     {1, 1, 1},
     0,
     {"0,1,0|[0,0] + [1,2]|1|2|-", "1,0,0|[0,1] + [2,2]|1|2|-",
      "0,0,0|[0,0] + [1,1] + [2,2]|0|1|1(1),2(1)", NULL}},
    {2, {1, 1, 1}, 1, {"1,1,1|[0,2]|1|2|-", NULL}},
    {2,
     {1, 2, 1},
     0,
     {"1,1,0|[0,1] + [1,2]|3|2|-", "0,1,0|[0,0] + [1,1] + [1,2]|2|1|1(1)",
      "1,0,0|[0,1] + [1,1] + [2,2]|2|1|1(1)",
      "0,0,0|[0,0] + 2[1,1] + [2,2]|0|1|2(2),3(2)", NULL}},
    {2, {1, 2, 1}, 1, {"1,1,1|[0,2] + [1,1]|3|1|-", NULL}},
    {2,
     {2, 1, 2},
     0,
     {"0,1,0|2[0,0] + [1,2] + [2,2]|2|1|-",
      "1,0,0|[0,0] + [0,1] + 2[2,2]|2|1|-",
      "0,0,0|2[0,0] + [1,1] + 2[2,2]|0|1|1(2),2(2)", NULL}},
    {2, {2, 1, 2}, 1, {"1,1,1|[0,0] + [0,2] + [2,2]|1|2|-", NULL}},
    {2,
     {1, 2, 2},
     0,
     {"0,2,0|[0,0] + 2[1,2]|4|2|-", "1,1,0|[0,1] + [1,2] + [2,2]|4|1|-",
      "0,1,0|[0,0] + [1,1] + [1,2] + [2,2]|3|1|1(1),2(1)",
      "1,0,0|[0,1] + [1,1] + 2[2,2]|2|1|2(2)",
      "0,0,0|[0,0] + 2[1,1] + 2[2,2]|0|1|3(3),4(2)", NULL}},
    {2,
     {1, 2, 2},
     1,
     {"1,2,1|[0,2] + [1,2]|4|2|-", "1,1,1|[0,2] + [1,1] + [2,2]|3|1|1(1)",
      NULL}},
    {2,
     {2, 2, 2},
     0,
     {"1,1,0|[0,0] + [0,1] + [1,2] + [2,2]|5|1|-",
      "0,2,0|2[0,0] + 2[1,2]|4|2|-", "2,0,0|2[0,1] + 2[2,2]|4|2|-",
      "0,1,0|2[0,0] + [1,1] + [1,2] + [2,2]|3|1|1(2),2(1)",
      "1,0,0|[0,0] + [0,1] + [1,1] + 2[2,2]|3|1|1(2),3(1)",
      "0,0,0|2[0,0] + 2[1,1] + 2[2,2]|0|1|4(3),5(3)", NULL}},
    {2,
     {2, 2, 2},
     1,
     {"1,2,1|[0,0] + [0,2] + [1,2]|4|2|-", "2,1,1|[0,1] + [0,2] + [2,2]|4|2|-",
      "1,1,1|[0,0] + [0,2] + [1,1] + [2,2]|3|1|1(1),2(1)", NULL}},
    {2, {2, 2, 2}, 2, {"2,2,2|2[0,2]|4|2|-", NULL}},
    {3,
     {1, 1, 1, 1},
     0,
     {"0,1,1,0,1,0|[0,0] + [1,3]|2|4|-", "1,0,1,0,0,0|[0,1] + [2,3]|2|4|-",
      "1,1,0,1,0,0|[0,2] + [3,3]|2|4|-",
      "0,0,1,0,0,0|[0,0] + [1,1] + [2,3]|1|2|1(1),2(1)",
      "0,1,0,0,0,0|[0,0] + [1,2] + [3,3]|1|2|1(1),3(1)",
      "1,0,0,0,0,0|[0,1] + [2,2] + [3,3]|1|2|2(1),3(1)",
      "0,0,0,0,0,0|[0,0] + [1,1] + [2,2] + [3,3]|0|1|4(1),5(1),6(1)", NULL}},
    {3, {1, 1, 1, 1}, 1, {"1,1,1,1,1,1|[0,3]|2|4|-", NULL}},
    {3,
     {2, 1, 1, 2},
     0,
     {"1,0,1,0,0,0|[0,0] + [0,1] + [2,3] + [3,3]|4|1|-",
      "0,1,1,0,1,0|2[0,0] + [1,3] + [3,3]|3|2|-",
      "1,1,0,1,0,0|[0,0] + [0,2] + 2[3,3]|3|2|-",
      "0,0,1,0,0,0|2[0,0] + [1,1] + [2,3] + [3,3]|2|1|1(2),2(1)",
      "1,0,0,0,0,0|[0,0] + [0,1] + [2,2] + 2[3,3]|2|1|1(2),3(1)",
      "0,1,0,0,0,0|2[0,0] + [1,2] + 2[3,3]|1|2|2(2),3(2)",
      "0,0,0,0,0,0|2[0,0] + [1,1] + [2,2] + 2[3,3]|0|1|4(2),5(2),6(1)", NULL}},
    {3,
     {1, 2, 2, 1},
     0,
     {"1,2,1,1,1,0|[0,2] + [1,3]|7|4|-",
      "0,2,1,0,1,0|[0,0] + [1,2] + [1,3]|6|2|1(1)",
      "1,1,1,0,1,0|[0,1] + [1,3] + [2,2]|6|2|1(1)",
      "1,1,1,1,0,0|[0,2] + [1,1] + [2,3]|6|2|1(1)",
      "1,2,0,1,0,0|[0,2] + [1,2] + [3,3]|6|2|1(1)",
      "0,1,1,0,1,0|[0,0] + [1,1] + [1,3] + [2,2]|5|1|2(1),3(1)",
      "1,1,1,0,0,0|[0,1] + [1,2] + [2,3]|5|2|3(1),4(1)",
      "1,1,0,1,0,0|[0,2] + [1,1] + [2,2] + [3,3]|5|1|4(1),5(1)",
      "0,1,1,0,0,0|[0,0] + [1,1] + [1,2] + [2,3]|4|1|6(1),7(1)",
      "0,2,0,0,0,0|[0,0] + 2[1,2] + [3,3]|4|2|2(2),5(2)",
      "1,0,1,0,0,0|[0,1] + [1,1] + [2,2] + [2,3]|4|1|7(1)",
      "1,1,0,0,0,0|[0,1] + [1,2] + [2,2] + [3,3]|4|1|7(1),8(1)",
      "0,1,0,0,0,0|[0,0] + [1,1] + [1,2] + [2,2] + [3,3]|3|1|9(1),10(1),"
      "12(1)",
      "0,0,1,0,0,0|[0,0] + 2[1,1] + [2,2] + [2,3]|2|1|9(2),11(2)",
      "1,0,0,0,0,0|[0,1] + [1,1] + 2[2,2] + [3,3]|2|1|11(2),12(2)",
      "0,0,0,0,0,0|[0,0] + 2[1,1] + 2[2,2] + [3,3]|0|1|13(3),14(2),15(2)",
      NULL}},
    {3,
     {1, 2, 2, 1},
     1,
     {"1,2,1,1,1,1|[0,3] + [1,2]|7|2|-",
      "1,1,1,1,1,1|[0,3] + [1,1] + [2,2]|6|1|1(1)", NULL}},
    {3,
     {2, 2, 2, 2},
     1,
     {"1,2,2,1,2,1|[0,0] + [0,3] + [1,3]|8|4|-",
      "2,1,2,1,1,1|[0,1] + [0,3] + [2,3]|8|4|-",
      "2,2,1,2,1,1|[0,2] + [0,3] + [3,3]|8|4|-",
      "1,1,2,1,1,1|[0,0] + [0,3] + [1,1] + [2,3]|7|2|1(1),2(1)",
      "1,2,1,1,1,1|[0,0] + [0,3] + [1,2] + [3,3]|7|2|1(1),3(1)",
      "2,1,1,1,1,1|[0,1] + [0,3] + [2,2] + [3,3]|7|2|2(1),3(1)",
      "1,1,1,1,1,1|[0,0] + [0,3] + [1,1] + [2,2] + [3,3]|6|1|4(1),5(1),"
      "6(1)",
      NULL}},
};

static void check_example(const example *ex)
{
    rs_strata_t S;
    rs_covers_t C;
    rs_barcode_t B;
    rs_ranks_t R;
    slong L = ex->L, n = 0, id, g, i, k;
    fmpz_t comps;
    char *buf;
    size_t len;
    FILE *f;

    while (ex->rows[n] != NULL)
        n++;
    fill_sorted(S, ex->d, L, ex->r);
    ck_assert_int_eq(S->n, n);
    covers_local(C, S);
    rs_barcode_init(B, L);
    rs_ranks_init(R, L);
    fmpz_init(comps);
    for (id = 0; id < n; id++) {
        f = open_memstream(&buf, &len);
        rs_strata_get_ranks(R, S, id);
        rs_barcode_from_ranks(B, R);
        /* rank list by gap j - i, then by i */
        for (g = 1; g <= L; g++)
            for (i = 0; i + g <= L; i++)
                fprintf(f, "%s%ld", g == 1 && i == 0 ? "" : ",",
                        (long)rs_ranks_get(R, i, i + g));
        fputc('|', f);
        rs_barcode_fprint(f, B);
        rs_barcode_components(comps, B);
        fprintf(f, "|%ld|", (long)rs_strata_dim(S, id));
        fmpz_fprint(f, comps);
        fputc('|', f);
        for (k = 0, i = 0; k < C->n; k++)
            if (rs_covers_lower(C, k) == id) {
                slong up = rs_covers_upper(C, k);
                fprintf(f, "%s%ld(%ld)", i++ ? "," : "", (long)up + 1,
                        (long)(rs_strata_dim(S, up) - rs_strata_dim(S, id)));
            }
        if (i == 0)
            fputc('-', f);
        fclose(f);
        ck_assert_str_eq(buf, ex->rows[id]);
        free(buf);
    }
    fmpz_clear(comps);
    rs_barcode_clear(B);
    rs_ranks_clear(R);
    rs_covers_clear(C);
    rs_strata_clear(S);
}

START_TEST(test_example_tables)
{
    size_t k;
    for (k = 0; k < sizeof examples / sizeof examples[0]; k++)
        check_example(examples + k);
}
END_TEST

START_TEST(test_worked_examples)
{
    /* docs/math.md section 9 */
    slong d1[4] = {1, 2, 2, 1}, d2[4] = {2, 2, 2, 2}, d3[5] = {3, 3, 3, 3, 3};
    slong d4[3] = {3, 2, 3}, dims2[7] = {8, 8, 8, 7, 7, 7, 6};
    slong dims4[3][6] = {{7, 6, 6, 4, 4, 0}, {5, 5, 3}, {4}};
    slong n4[3] = {6, 3, 1}, id, merges = 0, r;
    rs_strata_t S;
    rs_covers_t C;
    rs_strata_summary_t sum;

    fill_sorted(S, d1, 3, 0);
    covers_local(C, S);
    rs_strata_summary(&sum, S);
    ck_assert_int_eq(S->n, 16);
    ck_assert_int_eq(C->n, 27);
    for (id = 0; id < S->n; id++)
        merges += rs_strata_num_merges(S, id);
    ck_assert_int_eq(merges, 37);
    ck_assert_int_eq(sum.fiber_dim, 7);
    ck_assert_int_eq(sum.maximal, 1);
    ck_assert_int_eq(sum.top, 1);
    rs_covers_clear(C);
    rs_strata_clear(S);

    fill_sorted(S, d2, 3, 1);
    covers_local(C, S);
    ck_assert_int_eq(S->n, 7);
    ck_assert_int_eq(C->n, 9);
    for (id = 0; id < 7; id++)
        ck_assert_int_eq(rs_strata_dim(S, id), dims2[id]);
    rs_covers_clear(C);
    rs_strata_clear(S);

    fill_sorted(S, d3, 4, 0);
    covers_local(C, S);
    rs_strata_summary(&sum, S);
    ck_assert_int_eq(S->n, 535);
    ck_assert_int_eq(C->n, 1671);
    ck_assert_int_eq(sum.fiber_dim, 30);
    rs_covers_clear(C);
    rs_strata_clear(S);

    /* docs/examples.md, d = (3,2,3) */
    for (r = 0; r <= 2; r++) {
        fill_sorted(S, d4, 2, r);
        ck_assert_int_eq(S->n, n4[r]);
        for (id = 0; id < S->n; id++)
            ck_assert_int_eq(rs_strata_dim(S, id), dims4[r][id]);
        rs_strata_clear(S);
    }

    /* docs/math.md section 8: d = (2,2,2), W = 0 has maximal strata of
       dimension 5, 4, 4 */
    {
        slong d5[3] = {2, 2, 2}, nmax = 0;
        rs_barcode_t B;
        fill_sorted(S, d5, 2, 0);
        rs_barcode_init(B, 2);
        for (id = 0; id < S->n; id++) {
            rs_strata_get_barcode(B, S, id);
            if (rs_barcode_is_maximal(B))
                ck_assert_int_eq(rs_strata_dim(S, id), nmax++ ? 4 : 5);
        }
        ck_assert_int_eq(nmax, 3);
        rs_barcode_clear(B);
        rs_strata_clear(S);
    }
}
END_TEST

/* ---- invariances (docs/math.md section 8) -------------------------------- */

/* Maps every stratum of S to its image in T under `map` (a barcode map)
   and checks that it is a bijection preserving dimensions up to `shift`
   and carrying covers to covers. */
static void check_correspondence(const rs_strata_t S, const rs_strata_t T,
                                 void (*map)(rs_barcode_t, const rs_barcode_t,
                                             slong),
                                 slong arg, slong shift)
{
    rs_covers_t CS, CT;
    rs_barcode_t B, M;
    rs_ranks_t R;
    slong *img, id, k;
    ck_assert_int_eq(S->n, T->n);
    img = flint_malloc((S->n + 1) * sizeof(slong));
    rs_barcode_init(B, S->L);
    rs_barcode_init(M, T->L);
    rs_ranks_init(R, T->L);
    for (id = 0; id < S->n; id++) {
        rs_strata_get_barcode(B, S, id);
        map(M, B, arg);
        rs_ranks_from_barcode(R, M);
        img[id] = rs_strata_find(T, R);
        ck_assert_int_ge(img[id], 0);
        ck_assert_int_eq(rs_strata_dim(T, img[id]),
                         rs_strata_dim(S, id) + shift);
    }
    covers_local(CS, S);
    covers_local(CT, T);
    ck_assert_int_eq(CS->n, CT->n);
    for (k = 0; k < CS->n; k++) {
        slong lo = img[rs_covers_lower(CS, k)],
              up = img[rs_covers_upper(CS, k)], j;
        for (j = 0; j < CT->n; j++)
            if (rs_covers_lower(CT, j) == lo && rs_covers_upper(CT, j) == up)
                break;
        ck_assert_int_lt(j, CT->n);
    }
    rs_covers_clear(CS);
    rs_covers_clear(CT);
    rs_barcode_clear(B);
    rs_barcode_clear(M);
    rs_ranks_clear(R);
    flint_free(img);
}

static void map_transpose(rs_barcode_t M, const rs_barcode_t B, slong arg)
{
    (void)arg;
    rs_barcode_transpose(M, B);
}

static void map_reduce(rs_barcode_t M, const rs_barcode_t B, slong arg)
{
    (void)arg;
    rs_barcode_reduce(M, B);
}

static void check_invariances(const slong *d, slong L, slong r)
{
    rs_strata_t S, T;
    slong dt[8], k;
    for (k = 0; k <= L; k++)
        dt[k] = d[L - k];
    fill_sorted(S, d, L, r);
    fill_sorted(T, dt, L, r);
    check_correspondence(S, T, map_transpose, 0, 0);
    rs_strata_clear(T);
    for (k = 0; k <= L; k++)
        dt[k] = d[k] - r;
    fill_sorted(T, dt, L, 0);
    check_correspondence(S, T, map_reduce, 0, -rs_reduction_shift(d, L, r));
    rs_strata_clear(T);
    rs_strata_clear(S);
}

START_TEST(test_invariances)
{
    rs_test_for_all_shapes(1, 3, 3, check_invariances);
}
END_TEST

START_TEST(test_permutation_invariance)
{
    /* r = 0: permuting d keeps codim mu^{-1}(0) and the number of
       top-dimensional strata (Pepin Lehalleur & Rimanyi) */
    slong base[5] = {1, 2, 2, 3, 3}, p[5], L = 4, k, first = 1;
    slong codim0 = 0, top0 = 0;
    /* all permutations of base in lexicographic order */
    for (k = 0; k <= L; k++)
        p[k] = base[k];
    for (;;) {
        rs_strata_t S;
        rs_strata_summary_t sum;
        slong i, j;
        fill_sorted(S, p, L, 0);
        rs_strata_summary(&sum, S);
        if (first) {
            codim0 = sum.weight_space_dim - sum.fiber_dim;
            top0 = sum.top;
            first = 0;
        }
        ck_assert_int_eq(sum.weight_space_dim - sum.fiber_dim, codim0);
        ck_assert_int_eq(sum.top, top0);
        rs_strata_clear(S);
        for (i = L - 1; i >= 0 && p[i] >= p[i + 1]; i--)
            ;
        if (i < 0)
            break;
        for (j = L; p[j] <= p[i]; j--)
            ;
        k = p[i];
        p[i] = p[j];
        p[j] = k;
        for (i++, j = L; i < j; i++, j--) {
            k = p[i];
            p[i] = p[j];
            p[j] = k;
        }
    }
}
END_TEST

int main(void)
{
    int failed;
    Suite *s = suite_create("strata");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 0);
    tcase_add_test(tc, test_all_small_fibers);
    tcase_add_test(tc, test_all_small_fibers_long);
    tcase_add_test(tc, test_count_with_zero_widths);
    tcase_add_test(tc, test_count_random_shapes);
    tcase_add_test(tc, test_count_bars);
    tcase_add_test(tc, test_count_closed_forms);
    tcase_add_test(tc, test_count_large);
    tcase_add_test(tc, test_store);
    tcase_add_test(tc, test_example_tables);
    tcase_add_test(tc, test_worked_examples);
    tcase_add_test(tc, test_invariances);
    tcase_add_test(tc, test_permutation_invariance);
    suite_add_tcase(s, tc);
    failed = rs_test_run(s);
    /* FLINT caches freed integers; release them for valgrind */
    flint_cleanup_master();
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
