/* The guess of the scale d for lift.c: a few random combinations of the
   non-pivot columns are lifted until their common denominator can be
   reconstructed. */
#include "lift_internal.h"

/* Eight vectors: a factor 2 of the denominator is missed with probability
   about 1/256 (four missed it on one of the benchmark's matrices, and the
   recovery then repeats the whole lifting). */
#define GUESS_VECTORS 8
#define GUESS_ENTRIES 16 /* entries of each vector reconstructed */

/* Whether the first p-adic entry (z0, known mod M) is a rational with
   numerator and denominator both below 2^(bits(M) / 2 - 8). */
static int first_entry_settled(const fmpz_t z0, const fmpz_t M)
{
    slong lim = (slong)fmpz_bits(M) / 2 - 8;
    fmpz_t t;
    fmpq_t q;
    int ok;
    fmpz_init(t);
    fmpq_init(q);
    fmpz_mod(t, z0, M);
    ok = fmpq_reconstruct_fmpz(q, t, M) &&
         (slong)fmpz_bits(fmpq_numref(q)) <= lim &&
         (slong)fmpz_bits(fmpq_denref(q)) <= lim;
    fmpz_clear(t);
    fmpq_clear(q);
    return ok;
}

/* The common denominator of the first e entries of block L's vectors
   (all integral if its lifting is done). */
static int block_denominator(fmpz_t d, slong *pred, const lift_state *L,
                             int status, slong e)
{
    slong count = e * L->w;
    fmpz *z = _fmpz_vec_init(count);
    fmpz_t M;
    int ok;
    ulong p = (ulong)L->S->p;
    fmpz_init(M);
    _rs_lift_digits_to_fmpz(z, L->digits, L->S->r * L->w, L->step, p, count);
    fmpz_set_ui(M, p);
    fmpz_pow_ui(M, M, L->step);
    if (status == LIFT_DONE) {
        fmpz_one(d);
        *pred = FLINT_ABS(_fmpz_vec_max_bits(z, count));
        ok = 1;
    } else
        ok = _rs_lift_common_denominator(d, pred, z, count, M, 0);
    _fmpz_vec_clear(z, count);
    fmpz_clear(M);
    return ok;
}

/* Lifts B^{-1} RN w for GUESS_VECTORS vectors w with entries in
   [-coeff, coeff], as two blocks of vectors on up to two threads, until
   the common denominator of their first GUESS_ENTRIES entries is
   reconstructed (d, pred as in _rs_lift_common_denominator).  A prime q
   dividing the denominator of B^{-1} RN is missed only if every vector misses
   it, about q^-GUESS_VECTORS, and then lift_main finds it.  Returns 0 if not
   found. */
int _rs_lift_guess_scale(fmpz_t d, slong *pred, const rs_blocks_struct *K,
                         lift_sys S, double *ACr, slong coeff, slong threads,
                         slong max_steps)
{
    slong r = K->r, k = K->k, i, j, c, g = GUESS_VECTORS, h = g / 2, b;
    slong e = FLINT_MIN(r, GUESS_ENTRIES), pred1 = 0;
    const double one = 1.0;
    ulong seed = _rs_mix64((ulong)(r * 7919 + k));
    double *V;
    fmpz_t M, z0, pi, d1;
    lift_state L[2];
    int found = 0, status[2] = {LIFT_MORE, LIFT_MORE};

    if (S.b == 0) {
        V = flint_calloc(g * r, sizeof(double));
        for (j = 0; j < k; j++)
            for (c = 0; c < g; c++) {
                double s;
                seed = _rs_mix64(seed);
                s = (double)(slong)(seed % (ulong)(2 * coeff + 1)) - coeff;
                for (i = 0; i < r; i++)
                    V[i * g + c] +=
                        s * (double)fmpz_get_si(fmpz_mat_entry(K->RN, i, j));
            }
    } else {
        /* Limbs: V = RN W exactly, then split like RN. */
        fmpz_mat_t W, Vz;
        slong bitsV;
        fmpz_mat_init(W, k, g);
        fmpz_mat_init(Vz, r, g);
        for (j = 0; j < k; j++)
            for (c = 0; c < g; c++) {
                seed = _rs_mix64(seed);
                fmpz_set_si(fmpz_mat_entry(W, j, c),
                            (slong)(seed % (ulong)(2 * coeff + 1)) - coeff);
            }
        fmpz_mat_mul(Vz, K->RN, W);
        bitsV = FLINT_ABS(fmpz_mat_max_bits(Vz));
        S.nlN = FLINT_MAX(1, (bitsV + S.b - 1) / S.b);
        S.nlE = _rs_lift_limbs_E(S.b, bitsV, S.bitsC, r, S.nlC, S.nlN);
        S.ans = r * g;
        V = flint_malloc((S.nlN * r * g + 1) * sizeof(double));
        _rs_lift_split(V, r * g, g, Vz, S.b, S.nlN);
        fmpz_mat_clear(W);
        fmpz_mat_clear(Vz);
    }
    S.rows = r; /* only the pivot rows: no consistency to check here */
    S.AC = ACr;
    S.AN = V;
    S.ldn = g;
    S.dd = &one; /* d = 1 */
    S.nd = 1;
    fmpz_init(M);
    fmpz_init(z0);
    fmpz_init(d1);
    fmpz_init_set_ui(pi, 1);
    for (b = 0; b < 2; b++)
        _rs_lift_state_init(L + b, &S, b * h, h, max_steps, h, max_steps);
    while (!found && FLINT_MAX(L[0].step, L[1].step) < max_steps) {
        /* The first entry, kept up to date step by step, says when to try
           the whole reconstruction; checkpoints every ~6% of the steps. */
        slong s0 = L[0].step, cur = FLINT_MAX(L[0].step, L[1].step);
        _rs_lift_run_blocks(L, status, 2, cur + FLINT_MAX(2, cur / 16),
                            FLINT_MIN(threads, 2));
        if (status[0] == LIFT_BROKEN || status[1] == LIFT_BROKEN)
            break;
        for (i = s0; i < L[0].step; i++) {
            double y = L[0].digits[i * r * h];
            if (y >= 0)
                fmpz_addmul_ui(z0, pi, (ulong)y);
            else
                fmpz_submul_ui(z0, pi, (ulong)(-y));
            fmpz_mul_ui(pi, pi, (ulong)S.p);
        }
        if (status[0] != LIFT_DONE && !first_entry_settled(z0, pi))
            continue;
        found = block_denominator(d, pred, L + 0, status[0], e) &&
                block_denominator(d1, &pred1, L + 1, status[1], e);
        if (found) {
            /* d = lcm of the two; each block's numerators grow by the
               factor its own denominator lacked. */
            fmpz_lcm(M, d, d1);
            *pred = FLINT_MAX(*pred + fmpz_bits(M) - fmpz_bits(d),
                              pred1 + fmpz_bits(M) - fmpz_bits(d1)) +
                    1;
            fmpz_swap(d, M);
        }
    }
    for (b = 0; b < 2; b++)
        _rs_lift_state_clear(L + b);
    fmpz_clear(M);
    fmpz_clear(z0);
    fmpz_clear(pi);
    fmpz_clear(d1);
    flint_free(V);
    return found;
}

int _rs_lift_guess(fmpz_t d, slong *pred, const rs_lift_struct *F,
                   const rs_blocks_struct *K, slong threads)
{
    /* d <= |det B| and the numerators of B^{-1} RN w are minors of
       [B, RN w]: both below the bordered-minor bound, so twice its size,
       plus room, bounds the precision the guess needs. */
    lift_sys S;
    fmpz_t H2;
    slong steps;
    fmpz_init(H2);
    _rs_blocks_bordered_bound2(H2, K);
    steps = ((slong)fmpz_bits(H2) + 2 * FLINT_BIT_COUNT(F->k) + 64) /
                (FLINT_BIT_COUNT(F->p) - 1) +
            2;
    fmpz_clear(H2);
    _rs_lift_sys_init(&S, F);
    S.Binv_pack = S.AC_pack = NULL; /* few columns: unpacked products */
    return _rs_lift_guess_scale(d, pred, K, S, F->AC, F->coeff, threads, steps);
}
