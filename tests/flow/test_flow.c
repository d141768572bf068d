/* Tests of flow bases (docs/math.md section 5) at random planted points of
   known strata. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <flint/fmpq_vec.h>

#include "planted.h"

/* The barcode of N computed from its ranks. */
static void barcode_of(rs_barcode_t B, rs_net_t N)
{
    rs_ranks_t R;
    rs_ranks_init(R, N->L);
    rs_net_ranks(R, N);
    rs_barcode_from_ranks(B, R);
    rs_ranks_clear(R);
}

/* W_{k+1} v_s^(k) = v_s^(k+1) or 0, and W_{k+1}^T phi_s^(k+1) = phi_s^(k)
   or 0, strand by strand through the accessors (independently of the
   matrix form used by rs_flow_verify); and each V_k has full rank. */
static void check_identities(const rs_flow_t F, rs_net_t N)
{
    slong L = F->L, s, k, i, j;
    fmpq_t x, y;
    fmpq_init(x);
    fmpq_init(y);
    for (k = 0; k <= L; k++)
        ck_assert_int_eq(rs_qmat_rank(F->V + k), N->d[k]);
    for (s = 0; s < rs_flow_num_strands(F); s++) {
        slong a = rs_flow_birth(F, s), b = rs_flow_death(F, s);
        for (k = a; k <= b && k < L; k++) {
            const fmpq_mat_struct *W = rs_net_weight(N, k + 1);
            for (i = 0; i < N->d[k + 1]; i++) {
                fmpq_zero(x);
                for (j = 0; j < N->d[k]; j++) {
                    fmpq_mul(y, fmpq_mat_entry(W, i, j),
                             rs_flow_v_entry(F, s, k, j));
                    fmpq_add(x, x, y);
                }
                if (k < b)
                    ck_assert(fmpq_equal(x, rs_flow_v_entry(F, s, k + 1, i)));
                else
                    ck_assert(fmpq_is_zero(x));
            }
        }
        for (k = a - 1; k < b; k++) {
            const fmpq_mat_struct *W;
            if (k < 0)
                continue;
            W = rs_net_weight(N, k + 1);
            for (j = 0; j < N->d[k]; j++) {
                fmpq_zero(x);
                for (i = 0; i < N->d[k + 1]; i++) {
                    fmpq_mul(y, fmpq_mat_entry(W, i, j),
                             rs_flow_phi_entry(F, s, k + 1, i));
                    fmpq_add(x, x, y);
                }
                if (k >= a)
                    ck_assert(fmpq_equal(x, rs_flow_phi_entry(F, s, k, j)));
                else
                    ck_assert(fmpq_is_zero(x));
            }
        }
    }
    fmpq_clear(x);
    fmpq_clear(y);
}

/* The strands of F are those of B in canonical order. */
static void check_strands(const rs_flow_t F, const rs_barcode_t B)
{
    slong L = B->L, s, n = rs_flow_num_strands(F), k, p;
    rs_barcode_t C;
    ck_assert_int_eq(n, rs_barcode_num_strands(B));
    rs_barcode_init(C, L);
    for (s = 0; s < n; s++) {
        slong a = rs_flow_birth(F, s), b = rs_flow_death(F, s);
        rs_barcode_set_entry(C, a, b, rs_barcode_get(C, a, b) + 1);
        if (s > 0 && !rs_flow_is_full(F, s)) {
            slong a0 = rs_flow_birth(F, s - 1), b0 = rs_flow_death(F, s - 1);
            ck_assert(rs_flow_is_full(F, s - 1) || a0 < a ||
                      (a0 == a && b0 <= b));
        }
        if (s > 0 && rs_flow_is_full(F, s))
            ck_assert(rs_flow_is_full(F, s - 1));
    }
    ck_assert(rs_barcode_equal(C, B));
    for (k = 0; k <= L; k++)
        for (p = 0; p < F->d[k]; p++)
            ck_assert_int_eq(rs_flow_pos(F, rs_flow_strand_at(F, k, p), k), p);
    rs_barcode_clear(C);
}

/* At the canonical point the construction gives the unit vectors. */
START_TEST(test_canonical)
{
    flint_rand_t st;
    slong iter, k, d[16], L, r;
    rs_test_rand_init(st);
    for (iter = 0; iter < 300; iter++) {
        rs_barcode_t B, B2;
        rs_net_t N;
        rs_flow_t F, C;
        rs_error_t err;
        planted_shape(d, &L, &r, 5, 4, st);
        rs_barcode_init(B, L);
        rs_barcode_init(B2, L);
        ck_assert(rs_barcode_randtest(B, d, L, r, st));
        rs_net_init_empty(N);
        rs_net_set_canonical(N, B);
        barcode_of(B2, N);
        ck_assert(rs_barcode_equal(B, B2));
        rs_flow_init(F);
        rs_flow_init(C);
        rs_error_init(err);
        ck_assert_int_eq(rs_flow_compute(F, N, B, err), RS_OK);
        rs_flow_set_canonical(C, B);
        ck_assert_int_eq(rs_flow_verify(C, N, err), RS_OK);
        for (k = 0; k <= L; k++) {
            ck_assert(fmpq_mat_is_one(F->V + k));
            ck_assert(fmpq_mat_is_one(F->Phi + k));
        }
        check_strands(F, B);
        rs_flow_clear(F);
        rs_flow_clear(C);
        rs_net_clear(N);
        rs_barcode_clear(B);
        rs_barcode_clear(B2);
    }
    rs_rand_clear(st);
}
END_TEST

/* Random planted points, with arbitrary or fiber-preserving end moves. */
START_TEST(test_planted)
{
    flint_rand_t st;
    slong iter, n = rs_test_long() ? 3000 : 300;
    rs_test_rand_init(st);
    for (iter = 0; iter < n; iter++) {
        rs_barcode_t B, B2;
        rs_net_t N;
        rs_flow_t F;
        rs_error_t err;
        rs_barcode_init(B, 1);
        rs_barcode_init(B2, 1);
        rs_net_init_empty(N);
        planted_random(N, B, 4, iter < n / 2 ? 3 : 5, st);
        barcode_of(B2, N);
        ck_assert(rs_barcode_equal(B, B2));
        rs_flow_init(F);
        rs_error_init(err);
        ck_assert_msg(rs_flow_compute(F, N, B, err) == RS_OK, "%s", err->msg);
        check_strands(F, B);
        check_identities(F, N);
        rs_flow_clear(F);
        rs_net_clear(N);
        rs_barcode_clear(B);
        rs_barcode_clear(B2);
    }
    rs_rand_clear(st);
}
END_TEST

/* A wrong barcode, or a corrupted basis, is an internal error. */
START_TEST(test_failures)
{
    flint_rand_t st;
    slong iter, hits = 0;
    rs_test_rand_init(st);
    for (iter = 0; iter < 200; iter++) {
        rs_barcode_t B, B2;
        rs_net_t N;
        rs_flow_t F;
        rs_error_t err;
        slong d[16], L, r, k;
        planted_shape(d, &L, &r, 4, 3, st);
        rs_barcode_init(B, L);
        rs_barcode_init(B2, L);
        ck_assert(rs_barcode_randtest(B, d, L, r, st));
        ck_assert(rs_barcode_randtest(B2, d, L, r, st));
        rs_net_init_empty(N);
        planted_point(N, B, 0, st);
        rs_flow_init(F);
        rs_error_init(err);
        if (!rs_barcode_equal(B, B2)) {
            hits++;
            ck_assert_int_eq(rs_flow_compute(F, N, B2, err), RS_EINTERNAL);
            ck_assert(strstr(err->msg, "internal error") != NULL);
        }
        rs_error_init(err);
        ck_assert_int_eq(rs_flow_compute(F, N, B, err), RS_OK);
        /* perturb one entry of one basis vector */
        for (k = 0; k <= L; k++)
            if (N->d[k] > 0) {
                fmpq_mat_struct *V = F->V + k;
                slong i = n_randint(st, N->d[k]), j = n_randint(st, N->d[k]);
                fmpq_add_si(fmpq_mat_entry(V, i, j), fmpq_mat_entry(V, i, j),
                            1);
                ck_assert_int_eq(rs_flow_verify(F, N, err), RS_EINTERNAL);
                break;
            }
        rs_flow_clear(F);
        rs_net_clear(N);
        rs_barcode_clear(B);
        rs_barcode_clear(B2);
    }
    ck_assert_int_gt(hits, 20);
    rs_rand_clear(st);
}
END_TEST

/* The dual basis flows backwards: the phi's of theta, read in reverse, are
   a flow basis of the transpose network (bars [a,b] -> [L-b, L-a]). */
START_TEST(test_transpose)
{
    flint_rand_t st;
    slong iter;
    rs_test_rand_init(st);
    for (iter = 0; iter < 200; iter++) {
        rs_barcode_t B, BT;
        rs_net_t N, NT;
        rs_flow_t F, FT;
        rs_error_t err;
        slong L, s, t, k, i, n;
        slong *map;
        rs_barcode_init(B, 1);
        rs_net_init_empty(N);
        planted_random(N, B, 4, 4, st);
        L = B->L;
        rs_barcode_init(BT, L);
        rs_barcode_transpose(BT, B);
        rs_net_init_empty(NT);
        rs_net_transpose(NT, N);
        rs_flow_init(F);
        rs_flow_init(FT);
        rs_error_init(err);
        ck_assert_int_eq(rs_flow_compute(F, N, B, err), RS_OK);
        rs_flow_set_canonical(FT, BT);
        /* the i-th strand of [a,b] is the i-th strand of [L-b,L-a] */
        n = rs_flow_num_strands(F);
        map = flint_malloc(FLINT_MAX(n, 1) * sizeof(slong));
        for (s = 0; s < n; s++) {
            slong a = rs_flow_birth(F, s), b = rs_flow_death(F, s), c = 0;
            for (t = 0; t < s; t++)
                c += rs_flow_birth(F, t) == a && rs_flow_death(F, t) == b;
            for (t = 0; t < n; t++)
                if (rs_flow_birth(FT, t) == L - b &&
                    rs_flow_death(FT, t) == L - a && c-- == 0)
                    break;
            ck_assert_int_lt(t, n);
            map[s] = t;
        }
        for (s = 0; s < n; s++)
            for (k = rs_flow_birth(F, s); k <= rs_flow_death(F, s); k++) {
                slong pt = rs_flow_pos(FT, map[s], L - k);
                for (i = 0; i < N->d[k]; i++) {
                    fmpq_set(fmpq_mat_entry(FT->V + L - k, i, pt),
                             rs_flow_phi_entry(F, s, k, i));
                    fmpq_set(fmpq_mat_entry(FT->Phi + L - k, pt, i),
                             rs_flow_v_entry(F, s, k, i));
                }
            }
        ck_assert_int_eq(rs_flow_verify(FT, NT, err), RS_OK);
        flint_free(map);
        rs_flow_clear(F);
        rs_flow_clear(FT);
        rs_net_clear(N);
        rs_net_clear(NT);
        rs_barcode_clear(B);
        rs_barcode_clear(BT);
    }
    rs_rand_clear(st);
}
END_TEST

/* Lines of s that start with `start`, contain `has` and not `hasnt`. */
static slong count_lines(const char *s, const char *start, const char *has,
                         const char *hasnt)
{
    slong n = 0;
    while (*s != '\0') {
        const char *e = strchr(s, '\n');
        size_t len = e ? (size_t)(e - s) : strlen(s);
        char *line = strndup(s, len);
        n += strncmp(line, start, strlen(start)) == 0 &&
             strstr(line, has) != NULL && strstr(line, hasnt) == NULL;
        free(line);
        s += len + (e != NULL);
    }
    return n;
}

static slong count_substr(const char *s, const char *t)
{
    slong n = 0;
    while ((s = strstr(s, t)) != NULL) {
        n++;
        s += strlen(t);
    }
    return n;
}

/* The diagrams have one dot per basis vector, one arrow per W v = v' and
   one death mark per strand dying before L. */
START_TEST(test_diagram)
{
    flint_rand_t st;
    slong iter;
    rs_test_rand_init(st);
    for (iter = 0; iter < 100; iter++) {
        rs_barcode_t B;
        rs_flow_t F;
        char *buf = NULL;
        size_t len = 0;
        FILE *f;
        slong s, arrows = 0, deaths = 0, dots = 0, d[16], L, r, k;
        planted_shape(d, &L, &r, 5, 4, st);
        rs_barcode_init(B, L);
        ck_assert(rs_barcode_randtest(B, d, L, r, st));
        rs_flow_init(F);
        rs_flow_set_canonical(F, B);
        for (s = 0; s < rs_flow_num_strands(F); s++) {
            arrows += rs_flow_death(F, s) - rs_flow_birth(F, s);
            deaths += rs_flow_death(F, s) < L;
        }
        for (k = 0; k <= L; k++)
            dots += d[k];
        f = open_memstream(&buf, &len);
        rs_flow_fprint_diagram(f, F, "");
        fclose(f);
        ck_assert_int_eq(count_substr(buf, "o"), dots);
        ck_assert_int_eq(count_substr(buf, "-->"), arrows);
        ck_assert_int_eq(count_substr(buf, "--x"), deaths);
        free(buf);
        buf = NULL;
        f = open_memstream(&buf, &len);
        rs_flow_fprint_dot(f, F);
        fclose(f);
        /* one visible node per basis vector, an arrow per W v = v', a
           marked arrow per death */
        ck_assert_int_eq(count_substr(buf, "tooltip=\"v_"), dots);
        ck_assert_int_eq(count_lines(buf, "  v", " -> v", "style=invis"),
                         arrows);
        ck_assert_int_eq(count_substr(buf, "arrowhead=tee"), deaths);
        free(buf);
        rs_flow_clear(F);
        rs_barcode_clear(B);
    }
    rs_rand_clear(st);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("flow");
    TCase *tc = tcase_create("flow");
    tcase_set_timeout(tc, 0);
    tcase_add_test(tc, test_canonical);
    tcase_add_test(tc, test_planted);
    tcase_add_test(tc, test_failures);
    tcase_add_test(tc, test_transpose);
    tcase_add_test(tc, test_diagram);
    suite_add_tcase(s, tc);
    return rs_test_run(s) ? 1 : 0;
}
