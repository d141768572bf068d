#include <flint/fmpz.h>

#include "rankstrat/qspace.h"

static slong rand_small(flint_rand_t state, flint_bitcnt_t bits)
{
    slong bound = WORD(1) << (bits > 20 ? 20 : bits);
    return (slong)n_randint(state, 2 * bound + 1) - bound;
}

void rs_zmat_randunimodular(fmpz_mat_t G, flint_rand_t state,
                            flint_bitcnt_t bits)
{
    slong n = fmpz_mat_nrows(G), i, j;
    fmpz_mat_t Lo, Up;
    fmpz_mat_init(Lo, n, n);
    fmpz_mat_init(Up, n, n);
    for (i = 0; i < n; i++) {
        fmpz_one(fmpz_mat_entry(Lo, i, i));
        fmpz_set_si(fmpz_mat_entry(Up, i, i), n_randint(state, 2) ? 1 : -1);
        for (j = 0; j < i; j++) {
            fmpz_set_si(fmpz_mat_entry(Lo, i, j), rand_small(state, bits));
            fmpz_set_si(fmpz_mat_entry(Up, j, i), rand_small(state, bits));
        }
    }
    fmpz_mat_mul(G, Lo, Up);
    /* a random row permutation (Fisher-Yates) */
    for (i = n - 1; i > 0; i--) {
        j = (slong)n_randint(state, (ulong)i + 1);
        if (j != i)
            fmpz_mat_swap_rows(G, NULL, i, j);
    }
    fmpz_mat_clear(Lo);
    fmpz_mat_clear(Up);
}
