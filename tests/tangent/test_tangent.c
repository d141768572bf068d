/* Tests of the structured tangent and normal bases (docs/math.md section 6) and
   of their independent check, at random planted points of known strata and
   on every stratum of small fibers. */
#include <flint/fmpq_vec.h>

#include "../flow/planted.h"

typedef struct {
    rs_flow_t F;
    rs_rank1_basis_t T, Nb;
} geometry;

static void geometry_init(geometry *g, rs_net_t N, const rs_barcode_t B)
{
    rs_error_t err;
    rs_error_init(err);
    rs_flow_init(g->F);
    ck_assert_msg(rs_flow_compute(g->F, N, B, err) == RS_OK, "%s", err->msg);
    rs_rank1_basis_init(g->T, RS_RANK1_TANGENT);
    rs_rank1_basis_init(g->Nb, RS_RANK1_NORMAL);
    rs_tangent_basis(g->T, g->F);
    rs_normal_basis(g->Nb, g->F);
}

static void geometry_clear(geometry *g)
{
    rs_flow_clear(g->F);
    rs_rank1_basis_clear(g->T);
    rs_rank1_basis_clear(g->Nb);
}

static void assert_check(rs_net_t N, const rs_barcode_t B, geometry *g)
{
    rs_tangent_check_t c;
    rs_tangent_check(&c, N, B, g->F, g->T, g->Nb);
    ck_assert_int_eq(c.N, rs_net_num_params(N));
    ck_assert_int_eq(c.dim_formula, rs_barcode_dim(B));
    ck_assert(c.spans_equal);
    ck_assert(c.orthogonal);
    ck_assert_int_eq(c.dim_independent, c.dim_formula);
    ck_assert_int_eq(c.tangent_len, c.dim_formula);
    ck_assert_int_eq(c.tangent_rank, c.tangent_len);
    ck_assert_int_eq(c.normal_len, rs_barcode_codim(B));
    ck_assert_int_eq(c.normal_rank, c.normal_len);
    ck_assert_int_eq(c.tangent_len + c.normal_len, c.N);
    ck_assert(rs_tangent_check_passed(&c));
}

/* d mu(X) = sum_k W_{Lk} X_k W_{k-1,0} for X in weight-space coordinates. */
static void dmu(fmpq_mat_t D, rs_net_t N, const fmpq *x)
{
    slong L = N->L, k, off = 0, i, j;
    fmpq_mat_zero(D);
    for (k = 1; k <= L; k++) {
        slong rows = N->d[k], cols = N->d[k - 1];
        fmpq_mat_t X, P, Q;
        fmpq_mat_init(X, rows, cols);
        for (i = 0; i < rows; i++)
            for (j = 0; j < cols; j++)
                fmpq_set(fmpq_mat_entry(X, i, j), x + off + i * cols + j);
        off += rows * cols;
        fmpq_mat_init(P, rows, N->d[0]);
        fmpq_mat_init(Q, N->d[L], N->d[0]);
        fmpq_mat_mul(P, X, rs_net_product(N, k - 1, 0));
        fmpq_mat_mul(Q, rs_net_product(N, L, k), P);
        fmpq_mat_add(D, D, Q);
        fmpq_mat_clear(X);
        fmpq_mat_clear(P);
        fmpq_mat_clear(Q);
    }
}

/* X in weight-space coordinates of N, rewritten for the transpose network:
   its W_k block becomes the transposed W_{L+1-k} block. */
static void transpose_vec(fmpq *y, const rs_net_t N, const fmpq *x)
{
    slong L = N->L, k, i, j, off = 0, toff;
    for (k = 1; k <= L; k++) {
        slong rows = N->d[k], cols = N->d[k - 1], m;
        /* the transpose's layer L+1-k block starts after its first L-k */
        toff = 0;
        for (m = L; m > k; m--)
            toff += N->d[m] * N->d[m - 1];
        for (i = 0; i < rows; i++)
            for (j = 0; j < cols; j++)
                fmpq_set(y + toff + j * rows + i, x + off + i * cols + j);
        off += rows * cols;
    }
}

/* Whether some Y (d_L x d_0) has X_L W_L^T = Y W^T and W_1^T X_1 = W^T Y:
   the end conditions of the normal space (docs/math.md section 6), a linear
   system in Y decided by exact ranks. */
static int normal_ends_solvable(rs_net_t N, const fmpq_mat_struct *X)
{
    slong L = N->L, dL = N->d[L], d0 = N->d[0], a, b, c, row = 0;
    slong neq = dL * dL + d0 * d0, nunk = dL * d0;
    const fmpq_mat_struct *W = rs_net_product(N, L, 0);
    fmpq_mat_t S, Sa, R1, R2, T;
    int ok;
    fmpq_mat_init(S, neq, nunk);
    fmpq_mat_init(Sa, neq, nunk + 1);
    fmpq_mat_init(R1, dL, dL);
    fmpq_mat_init(R2, d0, d0);
    fmpq_mat_init(T, N->d[L - 1], dL);
    fmpq_mat_transpose(T, rs_net_weight(N, L));
    fmpq_mat_mul(R1, X + L, T);
    fmpq_mat_clear(T);
    fmpq_mat_init(T, d0, N->d[1]);
    fmpq_mat_transpose(T, rs_net_weight(N, 1));
    fmpq_mat_mul(R2, T, X + 1);
    fmpq_mat_clear(T);
    for (a = 0; a < dL; a++) /* (Y W^T)[a,c] = sum_b Y[a,b] W[c,b] */
        for (c = 0; c < dL; c++, row++) {
            for (b = 0; b < d0; b++)
                fmpq_set(fmpq_mat_entry(S, row, a * d0 + b),
                         fmpq_mat_entry(W, c, b));
            fmpq_set(fmpq_mat_entry(Sa, row, nunk), fmpq_mat_entry(R1, a, c));
        }
    for (a = 0; a < d0; a++) /* (W^T Y)[a,c] = sum_b W[b,a] Y[b,c] */
        for (c = 0; c < d0; c++, row++) {
            for (b = 0; b < dL; b++)
                fmpq_set(fmpq_mat_entry(S, row, b * d0 + c),
                         fmpq_mat_entry(W, b, a));
            fmpq_set(fmpq_mat_entry(Sa, row, nunk), fmpq_mat_entry(R2, a, c));
        }
    for (a = 0; a < neq; a++)
        for (b = 0; b < nunk; b++)
            fmpq_set(fmpq_mat_entry(Sa, a, b), fmpq_mat_entry(S, a, b));
    ok = rs_qmat_rank(S) == rs_qmat_rank(Sa);
    fmpq_mat_clear(S);
    fmpq_mat_clear(Sa);
    fmpq_mat_clear(R1);
    fmpq_mat_clear(R2);
    return ok;
}

/* Every check on random planted points, tangent vectors killed by d mu,
   and dense vectors consistent with the dense matrix. */
START_TEST(test_planted)
{
    flint_rand_t st;
    slong iter, n = rs_test_long() ? 1500 : 150;
    rs_test_rand_init(st);
    for (iter = 0; iter < n; iter++) {
        rs_barcode_t B;
        rs_net_t N;
        geometry g;
        fmpq_mat_t D, M;
        fmpq *x;
        slong t, i, np;
        rs_barcode_init(B, 1);
        rs_net_init_empty(N);
        planted_random(N, B, iter < n / 2 ? 4 : 5, iter < n / 2 ? 3 : 5, st);
        geometry_init(&g, N, B);
        assert_check(N, B, &g);
        np = rs_net_num_params(N);
        x = _fmpq_vec_init(FLINT_MAX(np, 1));
        fmpq_mat_init(D, N->d[N->L], N->d[0]);
        fmpq_mat_init(M, 0, 0);
        rs_rank1_basis_dense(M, g.T, g.F);
        for (t = 0; t < rs_rank1_basis_len(g.T); t++) {
            rs_rank1_basis_get_vec(x, g.T, g.F, t);
            for (i = 0; i < np; i++)
                ck_assert(fmpq_equal(x + i, fmpq_mat_entry(M, i, t)));
            dmu(D, N, x);
            ck_assert(fmpq_mat_is_zero(D));
        }
        fmpq_mat_clear(M);
        fmpq_mat_clear(D);
        _fmpq_vec_clear(x, FLINT_MAX(np, 1));
        geometry_clear(&g);
        rs_net_clear(N);
        rs_barcode_clear(B);
    }
    rs_rand_clear(st);
}
END_TEST

/* The normal vectors satisfy the characterisation of docs/math.md section 6 at
   the hidden layers, X_m W_m^T = W_{m+1}^T X_{m+1}, and at the ends for
   some Y: X_L W_L^T = Y W^T and W_1^T X_1 = W^T Y. */
START_TEST(test_normal_equations)
{
    flint_rand_t st;
    slong iter;
    rs_test_rand_init(st);
    for (iter = 0; iter < 100; iter++) {
        rs_barcode_t B;
        rs_net_t N;
        geometry g;
        slong t, L, m, i, j, np, off;
        fmpq *x;
        rs_barcode_init(B, 1);
        rs_net_init_empty(N);
        planted_random(N, B, 4, 3, st);
        L = B->L;
        geometry_init(&g, N, B);
        np = rs_net_num_params(N);
        x = _fmpq_vec_init(FLINT_MAX(np, 1));
        for (t = 0; t < rs_rank1_basis_len(g.Nb); t++) {
            fmpq_mat_struct *X =
                flint_malloc((L + 1) * sizeof(fmpq_mat_struct));
            rs_rank1_basis_get_vec(x, g.Nb, g.F, t);
            for (m = 1, off = 0; m <= L; m++) {
                fmpq_mat_init(X + m, N->d[m], N->d[m - 1]);
                for (i = 0; i < N->d[m]; i++)
                    for (j = 0; j < N->d[m - 1]; j++)
                        fmpq_set(fmpq_mat_entry(X + m, i, j),
                                 x + off + i * N->d[m - 1] + j);
                off += N->d[m] * N->d[m - 1];
            }
            for (m = 1; m < L; m++) {
                fmpq_mat_t A, Bm, Wt, Wt1;
                fmpq_mat_init(Wt, N->d[m - 1], N->d[m]);
                fmpq_mat_transpose(Wt, rs_net_weight(N, m));
                fmpq_mat_init(Wt1, N->d[m], N->d[m + 1]);
                fmpq_mat_transpose(Wt1, rs_net_weight(N, m + 1));
                fmpq_mat_init(A, N->d[m], N->d[m]);
                fmpq_mat_init(Bm, N->d[m], N->d[m]);
                fmpq_mat_mul(A, X + m, Wt);
                fmpq_mat_mul(Bm, Wt1, X + m + 1);
                ck_assert(fmpq_mat_equal(A, Bm));
                fmpq_mat_clear(A);
                fmpq_mat_clear(Bm);
                fmpq_mat_clear(Wt);
                fmpq_mat_clear(Wt1);
            }
            ck_assert(normal_ends_solvable(N, X));
            for (m = 1; m <= L; m++)
                fmpq_mat_clear(X + m);
            flint_free(X);
        }
        _fmpq_vec_clear(x, FLINT_MAX(np, 1));
        geometry_clear(&g);
        rs_net_clear(N);
        rs_barcode_clear(B);
    }
    rs_rand_clear(st);
}
END_TEST

/* Transposing the network maps tangent spaces to tangent spaces: the
   transposed structured tangent basis of theta spans the tangent space of
   theta^T, both the structured one and the independently computed one. */
START_TEST(test_transpose)
{
    flint_rand_t st;
    slong iter;
    rs_test_rand_init(st);
    for (iter = 0; iter < 100; iter++) {
        rs_barcode_t B, BT;
        rs_net_t N, NT;
        geometry g, gt;
        fmpq_mat_t Y, M, G;
        rs_qspace_t U, V, W;
        fmpq *x, *y;
        slong t, i, np, dim;
        rs_barcode_init(B, 1);
        rs_net_init_empty(N);
        planted_random(N, B, 4, 3, st);
        rs_barcode_init(BT, B->L);
        rs_barcode_transpose(BT, B);
        rs_net_init_empty(NT);
        rs_net_transpose(NT, N);
        geometry_init(&g, N, B);
        geometry_init(&gt, NT, BT);
        np = rs_net_num_params(N);
        dim = rs_rank1_basis_len(g.T);
        ck_assert_int_eq(dim, rs_rank1_basis_len(gt.T));
        x = _fmpq_vec_init(FLINT_MAX(np, 1));
        y = _fmpq_vec_init(FLINT_MAX(np, 1));
        fmpq_mat_init(Y, np, dim);
        for (t = 0; t < dim; t++) {
            rs_rank1_basis_get_vec(x, g.T, g.F, t);
            transpose_vec(y, N, x);
            for (i = 0; i < np; i++)
                fmpq_set(fmpq_mat_entry(Y, i, t), y + i);
        }
        fmpq_mat_init(M, 0, 0);
        fmpq_mat_init(G, 0, 0);
        rs_rank1_basis_dense(M, gt.T, gt.F);
        rs_tangent_generators(G, NT);
        rs_qspace_init(U, np);
        rs_qspace_init(V, np);
        rs_qspace_init(W, np);
        rs_qspace_colspace(U, Y);
        rs_qspace_colspace(V, M);
        rs_qspace_colspace(W, G);
        ck_assert_int_eq(rs_qspace_dim(U), dim);
        ck_assert(rs_qspace_equal(U, V));
        ck_assert(rs_qspace_equal(U, W));
        rs_qspace_clear(U);
        rs_qspace_clear(V);
        rs_qspace_clear(W);
        fmpq_mat_clear(Y);
        fmpq_mat_clear(M);
        fmpq_mat_clear(G);
        _fmpq_vec_clear(x, FLINT_MAX(np, 1));
        _fmpq_vec_clear(y, FLINT_MAX(np, 1));
        geometry_clear(&g);
        geometry_clear(&gt);
        rs_net_clear(N);
        rs_net_clear(NT);
        rs_barcode_clear(B);
        rs_barcode_clear(BT);
    }
    rs_rand_clear(st);
}
END_TEST

/* The worked example of the issue: d = (2,2,2), W = diag(1,0) has three
   strata with tangent dimensions 4, 4, 3 and normal dimensions 4, 4, 5. */
START_TEST(test_worked_example)
{
    static const slong bars[3][4][2] = {{{0, 0}, {0, 2}, {1, 2}, {-1, -1}},
                                        {{0, 1}, {0, 2}, {2, 2}, {-1, -1}},
                                        {{0, 0}, {0, 2}, {1, 1}, {2, 2}}};
    static const slong tdim[3] = {4, 4, 3}, ndim[3] = {4, 4, 5};
    flint_rand_t st;
    slong s, i, rep;
    rs_test_rand_init(st);
    for (s = 0; s < 3; s++)
        for (rep = 0; rep < 20; rep++) {
            rs_barcode_t B;
            rs_net_t N;
            geometry g;
            const fmpq_mat_struct *W;
            rs_barcode_init(B, 2);
            for (i = 0; i < 4 && bars[s][i][0] >= 0; i++)
                rs_barcode_set_entry(B, bars[s][i][0], bars[s][i][1], 1);
            rs_net_init_empty(N);
            if (rep == 0)
                rs_net_set_canonical(N, B);
            else
                planted_point(N, B, 1, st); /* keeps W */
            W = rs_net_product(N, 2, 0);
            ck_assert(fmpq_is_one(fmpq_mat_entry(W, 0, 0)));
            ck_assert(fmpq_is_zero(fmpq_mat_entry(W, 0, 1)));
            ck_assert(fmpq_is_zero(fmpq_mat_entry(W, 1, 0)));
            ck_assert(fmpq_is_zero(fmpq_mat_entry(W, 1, 1)));
            geometry_init(&g, N, B);
            ck_assert_int_eq(rs_rank1_basis_len(g.T), tdim[s]);
            ck_assert_int_eq(rs_rank1_basis_len(g.Nb), ndim[s]);
            assert_check(N, B, &g);
            geometry_clear(&g);
            rs_net_clear(N);
            rs_barcode_clear(B);
        }
    rs_rand_clear(st);
}
END_TEST

/* Every stratum of every small fiber, at its canonical point (where both
   bases have entries 0, 1, -1 only) and at one planted point. */
typedef struct {
    flint_rand_t *st;
    slong count;
} sweep_state;

static void sweep_one(const rs_barcode_t B, void *data)
{
    sweep_state *s = data;
    rs_net_t N;
    geometry g;
    fmpq_mat_t M;
    slong i, j, pass;
    for (pass = 0; pass < 2; pass++) {
        rs_net_init_empty(N);
        if (pass == 0)
            rs_net_set_canonical(N, B);
        else
            planted_point(N, B, (int)n_randint(*s->st, 2), *s->st);
        geometry_init(&g, N, B);
        assert_check(N, B, &g);
        if (pass == 0) {
            fmpq_mat_init(M, 0, 0);
            rs_rank1_basis_dense(M, g.T, g.F);
            for (i = 0; i < fmpq_mat_nrows(M); i++)
                for (j = 0; j < fmpq_mat_ncols(M); j++) {
                    const fmpq *e = fmpq_mat_entry(M, i, j);
                    ck_assert(fmpz_is_one(fmpq_denref(e)));
                    ck_assert(fmpz_bits(fmpq_numref(e)) <= 1);
                }
            rs_rank1_basis_dense(M, g.Nb, g.F);
            for (i = 0; i < fmpq_mat_nrows(M); i++)
                for (j = 0; j < fmpq_mat_ncols(M); j++) {
                    const fmpq *e = fmpq_mat_entry(M, i, j);
                    ck_assert(fmpq_is_zero(e) || fmpq_is_one(e));
                }
            fmpq_mat_clear(M);
        }
        geometry_clear(&g);
        rs_net_clear(N);
    }
    s->count++;
}

START_TEST(test_all_small_strata)
{
    flint_rand_t st;
    sweep_state s;
    slong L, k, d[8], r, hi = rs_test_long() ? 3 : 2;
    rs_test_rand_init(st);
    s.st = &st;
    s.count = 0;
    for (L = 1; L <= 3; L++) {
        for (k = 0; k <= L; k++)
            d[k] = 0;
        for (;;) {
            slong m = d[0];
            for (k = 1; k <= L; k++)
                m = FLINT_MIN(m, d[k]);
            for (r = 0; r <= m; r++)
                rs_test_all_barcodes(d, L, r, sweep_one, &s);
            for (k = 0; k <= L && d[k] == hi; k++)
                d[k] = 0;
            if (k > L)
                break;
            d[k]++;
        }
    }
    ck_assert_int_gt(s.count, 100);
    rs_rand_clear(st);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("tangent");
    TCase *tc = tcase_create("tangent");
    tcase_set_timeout(tc, 0);
    tcase_add_test(tc, test_planted);
    tcase_add_test(tc, test_normal_equations);
    tcase_add_test(tc, test_transpose);
    tcase_add_test(tc, test_worked_example);
    tcase_add_test(tc, test_all_small_strata);
    suite_add_tcase(s, tc);
    return rs_test_run(s) ? 1 : 0;
}
