/* Random moves inside a stratum: seeded, integer, exactly checked. */
#include <stdio.h>

#include <flint/fmpq_vec.h>
#include <flint/fmpz_vec.h>

#include "rankstrat/compat.h"
#include "rankstrat/moves.h"
#include "rankstrat/qspace.h"

static slong rand_small(flint_rand_t state, flint_bitcnt_t bits)
{
    slong bound = WORD(1) << (bits > 20 ? 20 : bits);
    return (slong)n_randint(state, 2 * bound + 1) - bound;
}

void rs_move_rand_invertible(fmpq_mat_t G, flint_rand_t state,
                             flint_bitcnt_t bits)
{
    static const slong diag[4] = {-2, -1, 1, 2};
    slong n = fmpq_mat_nrows(G), i, j;
    fmpz_mat_t Lo, Up, P;
    fmpz_mat_init(Lo, n, n);
    fmpz_mat_init(Up, n, n);
    fmpz_mat_init(P, n, n);
    for (i = 0; i < n; i++) {
        fmpz_one(fmpz_mat_entry(Lo, i, i));
        fmpz_set_si(fmpz_mat_entry(Up, i, i), diag[n_randint(state, 4)]);
        for (j = 0; j < i; j++) {
            fmpz_set_si(fmpz_mat_entry(Lo, i, j), rand_small(state, bits));
            fmpz_set_si(fmpz_mat_entry(Up, j, i), rand_small(state, bits));
        }
    }
    fmpz_mat_mul(P, Lo, Up);
    for (i = n - 1; i > 0; i--) {
        j = (slong)n_randint(state, (ulong)i + 1);
        if (j != i)
            fmpz_mat_swap_rows(P, NULL, i, j);
    }
    fmpq_mat_set_fmpz_mat(G, P);
    fmpz_mat_clear(Lo);
    fmpz_mat_clear(Up);
    fmpz_mat_clear(P);
}

/* x = a random integer combination of the columns of K, scaled to an
   integer vector. */
static void rand_combination(fmpz *x, const fmpq_mat_t K, flint_rand_t state)
{
    slong n = fmpq_mat_nrows(K), m = fmpq_mat_ncols(K), i, j;
    fmpq *y = _fmpq_vec_init(FLINT_MAX(n, 1));
    fmpz_t den;
    fmpq_t c;
    fmpz_init(den);
    fmpq_init(c);
    for (j = 0; j < m; j++) {
        fmpq_set_si(c, rand_small(state, 1), 1);
        if (fmpq_is_zero(c))
            continue;
        for (i = 0; i < n; i++)
            fmpq_addmul(y + i, c, fmpq_mat_entry(K, i, j));
    }
    fmpz_one(den);
    for (i = 0; i < n; i++)
        fmpz_lcm(den, den, fmpq_denref(y + i));
    for (i = 0; i < n; i++) {
        fmpz_divexact(x + i, den, fmpq_denref(y + i));
        fmpz_mul(x + i, x + i, fmpq_numref(y + i));
    }
    fmpq_clear(c);
    fmpz_clear(den);
    _fmpq_vec_clear(y, FLINT_MAX(n, 1));
}

void rs_move_rand_end_symmetry(fmpq_mat_t G, rs_net_t N, slong k,
                               flint_rand_t state)
{
    slong L = N->L, n = N->d[k], i, j;
    fmpq_mat_t A, K;
    fmpz *u = _fmpz_vec_init(FLINT_MAX(n, 1)),
         *v = _fmpz_vec_init(FLINT_MAX(n, 1));
    fmpz_t s;
    const fmpq_mat_struct *W = rs_net_product(N, L, 0);

    fmpq_mat_clear(G);
    fmpq_mat_init(G, n, n);
    fmpq_mat_one(G);
    fmpq_mat_init(K, 0, 0);
    if (k == L) { /* v in null W^T: v^T W = 0 */
        fmpq_mat_init(A, fmpq_mat_ncols(W), fmpq_mat_nrows(W));
        fmpq_mat_transpose(A, W);
    } else { /* u in null W: W u = 0 */
        fmpq_mat_init(A, fmpq_mat_nrows(W), fmpq_mat_ncols(W));
        fmpq_mat_set(A, W);
    }
    rs_qmat_nullspace(K, A);
    rand_combination(k == L ? v : u, K, state);
    for (i = 0; i < n; i++)
        fmpz_set_si(k == L ? u + i : v + i, rand_small(state, 1));
    fmpz_init(s);
    _fmpz_vec_dot(s, u, v, n);
    if (fmpz_equal_si(s, -1)) /* 1 + v^T u = 0: -u gives 2 instead */
        _fmpz_vec_neg(u, u, n);
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
            fmpz_addmul(fmpq_numref(fmpq_mat_entry(G, i, j)), u + i, v + j);
    fmpz_clear(s);
    fmpq_mat_clear(A);
    fmpq_mat_clear(K);
    _fmpz_vec_clear(u, FLINT_MAX(n, 1));
    _fmpz_vec_clear(v, FLINT_MAX(n, 1));
}

int rs_move_randomize(rs_net_t N, flint_rand_t state, flint_bitcnt_t bits,
                      rs_error_t err)
{
    slong L, k;
    fmpq_mat_t G;
    int status = RS_OK;
    if (N == NULL || state == NULL)
        return rs_error_set(err, RS_EINPUT,
                            "rs_move_randomize: expected N and state, got "
                            "NULL");
    L = N->L;
    fmpq_mat_init(G, 0, 0);
    for (k = 1; k <= L - 1 && status == RS_OK; k++) {
        fmpq_mat_clear(G);
        fmpq_mat_init(G, N->d[k], N->d[k]);
        rs_move_rand_invertible(G, state, bits);
        status = rs_move_hidden(N, k, G, err);
    }
    if (status == RS_OK) {
        rs_move_rand_end_symmetry(G, N, L, state);
        status = rs_move_end(N, L, G, err);
    }
    if (status == RS_OK) {
        rs_move_rand_end_symmetry(G, N, 0, state);
        status = rs_move_end(N, 0, G, err);
    }
    fmpq_mat_clear(G);
    if (status != RS_OK) {
        char msg[RS_ERROR_MSG_LEN];
        snprintf(msg, sizeof msg, "%s", err->msg);
        return rs_error_set(err, RS_EINTERNAL,
                            "internal error: a random move inside the stratum "
                            "was refused: %s",
                            msg);
    }
    return RS_OK;
}
