/* Tests of the figure module and of the barcode string forms: the layered
   layout on random graphs (rows strictly by key, boxes of a row apart, no
   edge sampled along its spline inside a box other than its ends, edges
   starting and ending on their boxes), the Hasse figures of the example
   fibers, label parsing, and every printed barcode form read back. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* The facts every layout must satisfy. */
static void check_layout(const rs_layout_t Y, const slong *key, slong n,
                         slong ne, const slong *ends)
{
    slong v, u, k, s;
    for (v = 0; v < n; v++)
        for (u = 0; u < n; u++) {
            if (key[v] == key[u])
                ck_assert(Y->y[v] == Y->y[u]);
            if (key[v] < key[u]) /* strictly below, boxes included */
                ck_assert(Y->y[v] + Y->h[v] / 2 < Y->y[u] - Y->h[u] / 2);
            if (u != v && key[v] == key[u]) /* apart in a row */
                ck_assert(fabs(Y->x[v] - Y->x[u]) >=
                          (Y->w[v] + Y->w[u]) / 2 - 1e-9);
        }
    for (v = 0; v < n; v++)
        ck_assert(Y->x[v] - Y->w[v] / 2 >= Y->left - 1e-9 &&
                  Y->x[v] + Y->w[v] / 2 <= Y->width + 1e-9 &&
                  Y->y[v] - Y->h[v] / 2 >= -1e-9 &&
                  Y->y[v] + Y->h[v] / 2 <= Y->height + 1e-9);
    ck_assert_int_eq(Y->ne, ne);
    for (k = 0; k < ne; k++) {
        slong a = ends[2 * k], b = ends[2 * k + 1];
        double px, py;
        ck_assert(Y->lo[k] == a && Y->hi[k] == b);
        ck_assert_int_eq((Y->path_off[k + 1] - Y->path_off[k] - 1) % 3, 0);
        /* starts on the top of a's box, ends on the bottom of b's */
        rs_layout_edge_point(&px, &py, Y, k, 0.0);
        ck_assert(fabs(py - (Y->y[a] + Y->h[a] / 2)) < 1e-9);
        ck_assert(fabs(px - Y->x[a]) <= Y->w[a] / 2);
        rs_layout_edge_point(&px, &py, Y, k, 1.0);
        ck_assert(fabs(py - (Y->y[b] - Y->h[b] / 2)) < 1e-9);
        ck_assert(fabs(px - Y->x[b]) <= Y->w[b] / 2);
        for (s = 0; s <= 120; s++) {
            rs_layout_edge_point(&px, &py, Y, k, (double)s / 120.0);
            for (v = 0; v < n; v++)
                if (v != a && v != b)
                    ck_assert_msg(!(fabs(px - Y->x[v]) < Y->w[v] / 2 - 1e-6 &&
                                    fabs(py - Y->y[v]) < Y->h[v] / 2 - 1e-6),
                                  "edge %ld (%ld-%ld) enters box %ld", (long)k,
                                  (long)a, (long)b, (long)v);
        }
    }
}

START_TEST(test_layout_random)
{
    flint_rand_t state;
    slong iter;
    rs_test_rand_init(state);
    for (iter = 0; iter < 200; iter++) {
        slong n = 1 + n_randint(state, 24), ne = 0, k, v, nk;
        slong *key = flint_malloc(n * sizeof(slong));
        slong *ends = flint_malloc(2 * n * n * sizeof(slong));
        double *w = flint_malloc(n * sizeof(double));
        double *h = flint_malloc(n * sizeof(double));
        rs_layout_t Y;
        rs_error_t err;
        nk = 1 + n_randint(state, 8);
        for (v = 0; v < n; v++) {
            key[v] = (slong)n_randint(state, nk) * 3 - 5; /* gaps, negatives */
            w[v] = 5.0 + (double)n_randint(state, 200);
            h[v] = 5.0 + (double)n_randint(state, 60);
        }
        for (v = 0; v < n; v++)
            for (k = 0; k < n; k++)
                if (key[v] < key[k] && n_randint(state, 4) == 0) {
                    ends[2 * ne] = v;
                    ends[2 * ne + 1] = k;
                    ne++;
                }
        rs_error_init(err);
        rs_layout_init(Y);
        ck_assert_int_eq(
            rs_layout_compute(Y, n, key, w, h, ne, ends, NULL, err), RS_OK);
        check_layout(Y, key, n, ne, ends);
        rs_layout_clear(Y);
        flint_free(key);
        flint_free(ends);
        flint_free(w);
        flint_free(h);
    }
    rs_rand_clear(state);
}
END_TEST

START_TEST(test_layout_errors)
{
    slong key[2] = {1, 1}, ends[2] = {0, 1};
    double w[2] = {10, 10}, h[2] = {10, 10};
    rs_layout_t Y;
    rs_error_t err;
    rs_error_init(err);
    rs_layout_init(Y);
    /* an edge within a row, then one naming no vertex */
    ck_assert_int_eq(rs_layout_compute(Y, 2, key, w, h, 1, ends, NULL, err),
                     RS_EINPUT);
    ck_assert(strstr(err->msg, "upwards") != NULL);
    key[1] = 2;
    ends[1] = 7;
    ck_assert_int_eq(rs_layout_compute(Y, 2, key, w, h, 1, ends, NULL, err),
                     RS_EINPUT);
    ends[1] = 1;
    ck_assert_int_eq(rs_layout_compute(Y, 2, key, w, h, 1, ends, NULL, err),
                     RS_OK);
    ck_assert_int_eq(Y->nrows, 2);
    ck_assert_int_eq(Y->crossings, 0);
    rs_layout_clear(Y);
    /* nothing at all */
    ck_assert_int_eq(rs_layout_compute(Y, 0, key, w, h, 0, ends, NULL, err),
                     RS_OK);
    rs_layout_clear(Y);
}
END_TEST

/* The five example fibers of the issue, in both readings and with every
   label: rows by dimension, ids as stored, covers as edges. */
START_TEST(test_hasse_examples)
{
    static const slong dims[5][5] = {
        {2, 2, 2}, {2, 2, 2, 2}, {1, 2, 2, 1}, {3, 3, 3}, {2, 3, 2, 3}};
    static const slong Ls[5] = {2, 3, 3, 2, 3}, rs[5] = {0, 0, 0, 1, 1};
    slong e, k, v;
    int codim;
    for (e = 0; e < 5; e++)
        for (codim = 0; codim < 2; codim++) {
            rs_strata_t S;
            rs_covers_t C;
            rs_hasse_figure_t F;
            rs_error_t err;
            slong *key, *ends;
            rs_error_init(err);
            rs_strata_init(S, dims[e], Ls[e], rs[e]);
            rs_covers_init(C);
            ck_assert_int_eq(rs_strata_fill(S, 0, err), RS_OK);
            rs_strata_sort(S);
            ck_assert_int_eq(rs_strata_covers(C, S, err), RS_OK);
            ck_assert_int_eq(
                rs_hasse_figure_init(F, S, C, codim ? 127 : 0, codim, err),
                RS_OK);
            key = flint_malloc(S->n * sizeof(slong));
            ends = flint_malloc((2 * C->n + 1) * sizeof(slong));
            for (v = 0; v < S->n; v++)
                key[v] = codim ? -S->dim[v] : S->dim[v];
            for (k = 0; k < C->n; k++) {
                ends[2 * k] = C->pairs[2 * k + codim];
                ends[2 * k + 1] = C->pairs[2 * k + 1 - codim];
            }
            check_layout(F->Y, key, S->n, C->n, ends);
            flint_free(key);
            flint_free(ends);
            rs_hasse_figure_clear(F);
            rs_covers_clear(C);
            rs_strata_clear(S);
        }
}
END_TEST

START_TEST(test_labels)
{
    int lab = 0;
    rs_error_t err;
    rs_error_init(err);
    ck_assert_int_eq(
        rs_label_parse(&lab, "id,glyph,components", "--label", err), RS_OK);
    ck_assert_int_eq(lab, RS_LABEL_ID | RS_LABEL_GLYPH | RS_LABEL_COMPONENTS);
    ck_assert_int_eq(rs_label_parse(&lab, "id,,dim", "--label", err),
                     RS_EINPUT);
    ck_assert(strstr(err->msg, "character 4") != NULL);
    ck_assert_int_eq(rs_label_parse(&lab, "", "--label", err), RS_EINPUT);
}
END_TEST

/* Every printed form of random barcodes reads back equal; malformed
   values are refused with the offset of the fault, leaving B alone. */
START_TEST(test_barcode_str)
{
    flint_rand_t state;
    slong iter, k;
    static const struct {
        const char *s;
        size_t pos;
    } bad[] = {
        {"[0,0] + [1,3]", 11}, {"2[0,0],[1,2]", 6}, {"[[0,0,1],[1,2,1]", 16},
        {"[[0,0,0]]", 6},      {"0[0,0]", 0},       {"1-0", 0},
        {"0-1,", 4},           {"[0,1", 4},         {"  ", 2},
        {"[[0,1,1]] x", 10}};
    rs_test_rand_init(state);
    for (iter = 0; iter < 2000; iter++) {
        slong L = 1 + n_randint(state, 6), i, j;
        int form;
        rs_barcode_t B, C;
        rs_error_t err;
        rs_error_init(err);
        rs_barcode_init(B, L);
        rs_barcode_init(C, 1);
        for (i = 0; i <= L; i++)
            for (j = i; j <= L; j++)
                if (n_randint(state, 3) == 0)
                    rs_barcode_set_entry(B, i, j, 1 + n_randint(state, 12));
        for (form = RS_BARCODE_SUM; form <= RS_BARCODE_JSON; form++) {
            char *s = rs_barcode_get_str(B, form);
            ck_assert_msg(rs_barcode_set_str(C, L, s, NULL, err) == RS_OK,
                          "%s: %s", s, err->msg);
            ck_assert(rs_barcode_equal(B, C));
            flint_free(s);
        }
        rs_barcode_clear(B);
        rs_barcode_clear(C);
    }
    for (k = 0; k < (slong)(sizeof bad / sizeof bad[0]); k++) {
        rs_barcode_t B;
        rs_error_t err;
        size_t pos = 999;
        rs_error_init(err);
        rs_barcode_init(B, 2);
        rs_barcode_set_entry(B, 0, 1, 3);
        ck_assert_msg(rs_barcode_set_str(B, 2, bad[k].s, &pos, err) != RS_OK,
                      "%s accepted", bad[k].s);
        ck_assert_msg(pos == bad[k].pos, "%s: position %ld, expected %ld (%s)",
                      bad[k].s, (long)pos, (long)bad[k].pos, err->msg);
        ck_assert_int_eq(rs_barcode_get(B, 0, 1), 3);
        rs_barcode_clear(B);
    }
    rs_rand_clear(state);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("format");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 0);
    tcase_add_test(tc, test_layout_random);
    tcase_add_test(tc, test_layout_errors);
    tcase_add_test(tc, test_hasse_examples);
    tcase_add_test(tc, test_labels);
    tcase_add_test(tc, test_barcode_str);
    suite_add_tcase(s, tc);
    return rs_test_run(s) ? EXIT_FAILURE : EXIT_SUCCESS;
}
