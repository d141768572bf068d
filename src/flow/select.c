/* Extending independent columns by columns of a spanning matrix, with a
   modular pivot search whose answer is certified. */
#include <flint/nmod_mat.h>
#include <flint/ulong_extras.h>

#include "flow/flow_internal.h"
#include "rankstrat/compat.h"

/* Pivot columns of Z (integer) modulo p, in increasing order; returns their
   number. */
static slong pivots_mod(slong *piv, const fmpz_mat_t Z, ulong p)
{
    slong m = fmpz_mat_nrows(Z), n = fmpz_mat_ncols(Z), rank, i, j;
    nmod_mat_t A;
    nmod_mat_init(A, m, n, p);
    fmpz_mat_get_nmod_mat(A, Z);
    rank = nmod_mat_rref(A);
    for (i = 0, j = 0; i < rank; i++) {
        while (rs_nmod_mat_get(A, i, j) == 0)
            j++;
        piv[i] = j;
    }
    nmod_mat_clear(A);
    return rank;
}

/* Exact pivot columns over Q (fraction-free), for the unlikely case that
   every prime tried was unlucky. */
static slong pivots_exact(slong *piv, const fmpz_mat_t Z)
{
    slong m = fmpz_mat_nrows(Z), n = fmpz_mat_ncols(Z), rank, i, j;
    fmpz_mat_t R;
    fmpz_t den;
    fmpz_mat_init(R, m, n);
    fmpz_init(den);
    rank = fmpz_mat_rref(R, den, Z);
    for (i = 0, j = 0; i < rank; i++) {
        while (fmpz_is_zero(fmpz_mat_entry(R, i, j)))
            j++;
        piv[i] = j;
    }
    fmpz_mat_clear(R);
    fmpz_clear(den);
    return rank;
}

/* Whether the pivots are the s columns of S followed by at least c more. */
static int pivots_good(const slong *piv, slong rank, slong s, slong c)
{
    slong i;
    if (rank < s + c)
        return 0;
    for (i = 0; i < s; i++)
        if (piv[i] != i)
            return 0;
    return 1;
}

int _rs_flow_extend_columns(slong *chosen, const fmpq_mat_t S,
                            const fmpq_mat_t K, slong c)
{
    slong n = fmpq_mat_nrows(S), s = fmpq_mat_ncols(S), t = fmpq_mat_ncols(K),
          i, j, rank, tries;
    slong *piv;
    fmpq_mat_t SK;
    fmpz_mat_t Z;
    ulong p = UWORD(1) << (FLINT_BITS - 2);
    int ok = 0;

    if (c == 0)
        return 1;
    if (s + c > n || c > t)
        return 0;
    fmpq_mat_init(SK, n, s + t);
    fmpz_mat_init(Z, n, s + t);
    piv = flint_malloc((s + t) * sizeof(slong));
    for (i = 0; i < n; i++) {
        for (j = 0; j < s; j++)
            fmpq_set(fmpq_mat_entry(SK, i, j), fmpq_mat_entry(S, i, j));
        for (j = 0; j < t; j++)
            fmpq_set(fmpq_mat_entry(SK, i, s + j), fmpq_mat_entry(K, i, j));
    }
    /* scaling columns keeps the column matroid */
    fmpq_mat_get_fmpz_mat_colwise(Z, NULL, SK);
    /* Pivots mod p are independent mod p, so a nonzero minor mod p and
       hence over Q: a good answer mod p is certified.  Unlucky primes (which
       divide a minor) only make us try another. */
    for (tries = 0; tries < 8 && !ok; tries++) {
        p = n_nextprime(p, 1);
        rank = pivots_mod(piv, Z, p);
        ok = pivots_good(piv, rank, s, c);
    }
    if (!ok) {
        rank = pivots_exact(piv, Z);
        ok = pivots_good(piv, rank, s, c);
    }
    if (ok)
        for (i = 0; i < c; i++)
            chosen[i] = piv[s + i] - s;
    flint_free(piv);
    fmpz_mat_clear(Z);
    fmpq_mat_clear(SK);
    return ok;
}
