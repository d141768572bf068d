#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

int rs_test_long(void)
{
    const char *v = getenv("RS_TEST_LONG");
    return v != NULL && strcmp(v, "0") != 0 && v[0] != '\0';
}

ulong rs_test_seed(void)
{
    const char *v = getenv("RS_TEST_SEED");
    return v ? strtoul(v, NULL, 10) : 20261127UL;
}

void rs_test_rand_init(flint_rand_t state)
{
    rs_rand_init(state);
    rs_rand_seed(state, rs_test_seed(), rs_test_seed() * 7919 + 17);
}

void rs_test_rand_invertible_q(fmpq_mat_t G, flint_rand_t state,
                               flint_bitcnt_t bits)
{
    slong n = fmpq_mat_nrows(G), i, j;
    fmpz_mat_t Z;
    fmpz_mat_init(Z, n, n);
    rs_zmat_randunimodular(Z, state, bits);
    fmpz_t s;
    fmpz_init(s);
    for (i = 0; i < n; i++) {
        fmpz_set_si(s, 1 + (slong)n_randint(state, 5));
        for (j = 0; j < n; j++)
            fmpq_set_fmpz_frac(fmpq_mat_entry(G, i, j), fmpz_mat_entry(Z, i, j),
                               s);
    }
    fmpz_clear(s);
    fmpz_mat_clear(Z);
}

void rs_test_rand_rank_z(fmpz_mat_t A, slong r, flint_rand_t state,
                         flint_bitcnt_t bits)
{
    slong m = fmpz_mat_nrows(A), n = fmpz_mat_ncols(A), i;
    fmpz_mat_t P, Q, D, T;
    fmpz_mat_init(P, m, m);
    fmpz_mat_init(Q, n, n);
    fmpz_mat_init(D, m, n);
    fmpz_mat_init(T, m, n);
    rs_zmat_randunimodular(P, state, bits);
    rs_zmat_randunimodular(Q, state, bits);
    for (i = 0; i < r; i++)
        fmpz_one(fmpz_mat_entry(D, i, i));
    fmpz_mat_mul(T, P, D);
    fmpz_mat_mul(A, T, Q);
    fmpz_mat_clear(P);
    fmpz_mat_clear(Q);
    fmpz_mat_clear(D);
    fmpz_mat_clear(T);
}

void rs_test_rand_rank_q(fmpq_mat_t A, slong r, flint_rand_t state,
                         flint_bitcnt_t bits)
{
    slong m = fmpq_mat_nrows(A), n = fmpq_mat_ncols(A), i, j;
    fmpz_mat_t Z;
    fmpz_mat_init(Z, m, n);
    rs_test_rand_rank_z(Z, r, state, bits);
    fmpq_t s;
    fmpq_init(s);
    for (i = 0; i < m; i++) {
        /* scale each row by a random nonzero rational: the rank is unchanged */
        fmpq_set_si(s, 1 + (slong)n_randint(state, 3), 1 + n_randint(state, 4));
        for (j = 0; j < n; j++) {
            fmpq_set_fmpz_frac(fmpq_mat_entry(A, i, j), fmpz_mat_entry(Z, i, j),
                               fmpq_denref(s));
            fmpq_mul_fmpz(fmpq_mat_entry(A, i, j), fmpq_mat_entry(A, i, j),
                          fmpq_numref(s));
        }
    }
    fmpq_clear(s);
    fmpz_mat_clear(Z);
}

/* ---- barcodes by brute force ------------------------------------------ */

typedef struct {
    const slong *d;
    slong L, r;
    slong *alive; /* alive[k * (L + 1) + i]: strands of birth i alive at k */
    rs_barcode_struct *B;
    void (*f)(const rs_barcode_t, void *);
    void *data;
    slong count;
} enum_state;

static void enum_layer(enum_state *s, slong k);

/* Choose how many strands of each birth i <= k continue from k to k + 1. */
static void enum_continue(enum_state *s, slong k, slong i, slong budget)
{
    slong L = s->L, *a = s->alive + k * (L + 1), *n = a + (L + 1);
    if (i > k) {
        n[k + 1] = budget; /* newborns fill the rest of layer k + 1 */
        enum_layer(s, k + 1);
        return;
    }
    slong lo = 0, hi = FLINT_MIN(a[i], budget), c;
    if (i == 0 && k + 1 == L) {
        lo = hi = s->r;
        if (a[0] < s->r || budget < s->r)
            return;
    } else if (i == 0) {
        lo = s->r;
    }
    for (c = lo; c <= hi; c++) {
        n[i] = c;
        rs_barcode_set_entry(s->B, i, k, a[i] - c);
        enum_continue(s, k, i + 1, budget - c);
    }
    rs_barcode_set_entry(s->B, i, k, 0);
}

static void enum_layer(enum_state *s, slong k)
{
    slong L = s->L, i;
    if (k == L) {
        slong *a = s->alive + L * (L + 1);
        for (i = 0; i <= L; i++)
            rs_barcode_set_entry(s->B, i, L, a[i]);
        s->count++;
        if (s->f)
            s->f(s->B, s->data);
        return;
    }
    enum_continue(s, k, 0, s->d[k + 1]);
}

slong rs_test_all_barcodes(const slong *d, slong L, slong r,
                           void (*f)(const rs_barcode_t B, void *data),
                           void *data)
{
    enum_state s;
    rs_barcode_t B;
    slong k;
    for (k = 0; k <= L; k++)
        if (d[k] < r)
            return 0;
    rs_barcode_init(B, L);
    s.d = d;
    s.L = L;
    s.r = r;
    s.alive = flint_calloc((L + 1) * (L + 1), sizeof(slong));
    s.alive[0] = d[0];
    s.B = B;
    s.f = f;
    s.data = data;
    s.count = 0;
    enum_layer(&s, 0);
    flint_free(s.alive);
    rs_barcode_clear(B);
    return s.count;
}

void rs_test_for_all_shapes(slong lo, slong hi, slong maxL,
                            void (*f)(const slong *d, slong L, slong r))
{
    slong L, d[16], k, r;
    for (L = 1; L <= maxL && L < 16; L++) {
        for (k = 0; k <= L; k++)
            d[k] = lo;
        for (;;) {
            slong m = d[0];
            for (k = 1; k <= L; k++)
                m = FLINT_MIN(m, d[k]);
            for (r = 0; r <= m; r++)
                f(d, L, r);
            for (k = 0; k <= L && d[k] == hi; k++)
                d[k] = lo;
            if (k > L)
                break;
            d[k]++;
        }
    }
}

int rs_test_run(Suite *s)
{
    SRunner *sr = srunner_create(s);
    int failed;
    fprintf(stderr, "(random seed %lu; set RS_TEST_SEED to change)\n",
            rs_test_seed());
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed;
}
