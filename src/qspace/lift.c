/* The certificate of rank A <= r by p-adic lifting in double precision
   (after Dixon; the double-precision arithmetic follows Chen and
   Storjohann's IML).

   With B = A[R, C] invertible modulo a prime p < 2^23 and an integer d > 0,
   the lifting computes the balanced p-adic digits y_0, y_1, ... of
   Y = d B^{-1} RN, keeping the exact invariant, on all m rows,

       d A[:, N] - A[:, C] (y_0 + y_1 p + ... + y_{i-1} p^{i-1})
           = p^i ((d div p^i) A[:, N] + E_i),

   where d div p^i is d with its i lowest balanced base-p digits removed
   and E_i is a small integer matrix.  Each step is one product B^{-1} U
   modulo p and one exact product A[:, C] y_i, both in doubles whose
   partial sums are bounded below 2^52 (so exact), and one exact division
   of all m rows by p.  Two ends are conclusive:

   - a row outside R not divisible by p: d A[:, N] - A[:, C] Y_{i+1} is
     divisible by p^{i+1} on the rows R but not on that row.  If rank A
     were r, the other rows would be combinations of the rows R with
     coefficients whose denominators divide det B, a unit mod p, and would
     be divisible too.  So rank A > r.
   - E_i = 0 once d's digits are used up: then d A[:, N] = A[:, C] Y_i
     exactly, every non-pivot column is in the span of the pivot columns,
     and rank A <= r.  This happens as soon as p^i > 2 |Y| when d is a
     multiple of the denominator of B^{-1} RN, since the balanced digits of
     an integer end.

   d is found first by lifting B^{-1} RN w for two vectors w of signs and
   reconstructing rationals; it is only a guess, which the second end
   checks.  A wrong guess only means the lifting stops at its step bound
   without an answer, and the caller uses another method. */
#include <math.h>
#include <string.h>

#include "qspace_internal.h"

#define LIFT_MIN_PRIME 4096.0     /* below this, modular methods are faster */
#define LIFT_MAX_PRIME 67108864.0 /* 2^26: two digits fit in a word */
#define TWO52 4503599627370496.0

/* The system being lifted: `rows` rows (the r pivot rows first), scaled
   right-hand side d AN. */
typedef struct {
    slong rows, r, ldn;
    double p, pinv;
    const double *Binv; /* r x r: balanced residues of B^{-1} mod p */
    const double *AC;   /* rows x r */
    const rs_dpack_struct *Binv_pack, *AC_pack; /* the same packed, or NULL */
    const double *AN;                           /* rows x ldn */
    const double *dd; /* nd balanced base-p digits of d, lowest first */
    slong nd;
} lift_sys;

/* Lifting state of the columns [c0, c0 + w) of AN. */
typedef struct {
    const lift_sys *S;
    slong c0, w, step;
    double *E, *T, *U, *x;
    slong kept;     /* columns whose digits are kept (the first ones) */
    double *digits; /* digits[(i r + a) kept + c] = y_i[a][c] */
    slong max_steps;
} lift_state;

enum { LIFT_DONE, LIFT_MORE, LIFT_HIGHER, LIFT_BROKEN };

static void lift_state_init(lift_state *L, const lift_sys *S, slong c0, slong w,
                            slong max_steps, slong kept)
{
    L->S = S;
    L->c0 = c0;
    L->w = w;
    L->step = 0;
    L->max_steps = max_steps;
    L->E = flint_calloc(S->rows * w + 1, sizeof(double));
    L->T = flint_malloc((S->rows * w + 1) * sizeof(double));
    L->U = flint_malloc((S->r * w + 1) * sizeof(double));
    L->x = flint_malloc((S->r * w + 1) * sizeof(double));
    L->kept = kept;
    L->digits = flint_malloc((max_steps * S->r * kept + 1) * sizeof(double));
}

static void lift_state_clear(lift_state *L)
{
    flint_free(L->E);
    flint_free(L->T);
    flint_free(L->U);
    flint_free(L->x);
    flint_free(L->digits);
}

/* Runs steps until `until` (at most max_steps).  LIFT_MORE: no end yet. */
static int lift_run(lift_state *L, slong until)
{
    const lift_sys *S = L->S;
    slong r = S->r, rows = S->rows, w = L->w, a, i;
    int zero_piv, zero_rest;

    until = FLINT_MIN(until, L->max_steps);
    while (L->step < until) {
        double di = L->step < S->nd ? S->dd[L->step] : 0;
        /* T = d_i AN + E: the residual's part that step i must clear. */
        for (a = 0; a < rows; a++) {
            memcpy(L->T + a * w, L->E + a * w, w * sizeof(double));
            if (di != 0)
                _rs_dvec_axpy(L->T + a * w, di, S->AN + a * S->ldn + L->c0, w);
        }
        _rs_dvec_bal_mod(L->U, L->T, r * w, S->p, S->pinv);
        memset(L->x, 0, r * w * sizeof(double));
        if (S->Binv_pack != NULL)
            _rs_dgemm_packed(w, S->Binv_pack, L->U, w, L->x, w);
        else
            _rs_dgemm(r, w, r, S->Binv, r, L->U, w, L->x, w);
        _rs_dvec_bal_mod(L->x, L->x, r * w, S->p, S->pinv);
        for (a = 0; a < r && L->kept > 0; a++)
            memcpy(L->digits + (L->step * r + a) * L->kept, L->x + a * w,
                   L->kept * sizeof(double));
        for (i = 0; i < r * w; i++)
            L->x[i] = -L->x[i];
        if (S->AC_pack != NULL)
            _rs_dgemm_packed(w, S->AC_pack, L->x, w, L->T, w);
        else
            _rs_dgemm(rows, w, r, S->AC, r, L->x, w, L->T, w);
        L->step++;
        if (_rs_dvec_div_exact(L->E, L->T, r * w, S->p, S->pinv, &zero_piv))
            return LIFT_BROKEN; /* B^{-1} mod p is wrong: never expected */
        if (_rs_dvec_div_exact(L->E + r * w, L->T + r * w, (rows - r) * w, S->p,
                               S->pinv, &zero_rest))
            return LIFT_HIGHER;
        if (L->step >= S->nd && zero_piv && zero_rest)
            return LIFT_DONE;
    }
    return LIFT_MORE;
}

/* ---- setting up ---------------------------------------------------------- */

static double max_abs(const fmpz_mat_t M)
{
    slong bits = FLINT_ABS(fmpz_mat_max_bits(M));
    return ldexp(1.0, (int)bits); /* > every |entry| */
}

/* dst[i * ld + j] = (double) M[i][j]; every entry below 2^52. */
static void to_doubles(double *dst, slong ld, const fmpz_mat_t M)
{
    slong i, j;
    for (i = 0; i < fmpz_mat_nrows(M); i++)
        for (j = 0; j < fmpz_mat_ncols(M); j++)
            dst[i * ld + j] = (double)fmpz_get_si(fmpz_mat_entry(M, i, j));
}

/* The largest prime below `bound` (at least LIFT_MIN_PRIME), or 0. */
static mp_limb_t prime_below(double bound)
{
    mp_limb_t p;
    if (!(bound >= LIFT_MIN_PRIME))
        return 0;
    p = (mp_limb_t)bound;
    p -= (p % 2 == 0);
    while (!n_is_prime(p))
        p -= 2;
    return p;
}

/* A prime p <= bound with B invertible mod p (balanced residues of B^{-1}
   in Binv): `hint` if it qualifies, else the largest such prime; 0 if
   none is found quickly. */
static mp_limb_t pick_prime(double *Binv, const fmpz_mat_t B, double bound,
                            mp_limb_t hint)
{
    mp_limb_t p = prime_below(bound), h;
    slong r = fmpz_mat_nrows(B), i, j, tries;
    if (hint != 0 && (double)hint <= bound && hint >= LIFT_MIN_PRIME)
        p = hint;
    for (tries = 0; tries < 4 && p != 0; tries++) {
        nmod_mat_t Bp, Bi;
        int ok;
        nmod_mat_init(Bp, r, r, p);
        nmod_mat_init(Bi, r, r, p);
        fmpz_mat_get_nmod_mat(Bp, B);
        ok = nmod_mat_inv(Bi, Bp);
        h = (p - 1) / 2;
        if (ok)
            for (i = 0; i < r; i++)
                for (j = 0; j < r; j++) {
                    mp_limb_t e = rs_nmod_mat_get(Bi, i, j);
                    Binv[i * r + j] = e > h ? -(double)(p - e) : (double)e;
                }
        nmod_mat_clear(Bp);
        nmod_mat_clear(Bi);
        if (ok)
            return p;
        p = prime_below((double)p - 1);
    }
    return 0;
}

/* The bound on p of the header comment for r pivots, k = n - r non-pivot
   columns and entries below amaxC (pivot columns) and amaxN (others). */
static double prime_bound(slong r, slong k, double amaxC, double amaxN)
{
    /* r h^2 <= 2^52 for B^{-1} U; S p / 2 <= 2^52 for the exact residual
       (S = max|AN| + r max|AC|); the guess lifts RN w with
       |RN w| <= coeff k max|AN|, coeff >= 1. */
    double S_main = amaxN + (double)r * amaxC;
    double S_guess = (double)k * amaxN + (double)r * amaxC;
    double bound = FLINT_MIN(2 * sqrt(TWO52 / (double)r), 2 * TWO52 / S_main);
    bound = FLINT_MIN(bound, 2 * TWO52 / S_guess);
    return FLINT_MIN(bound, LIFT_MAX_PRIME);
}

mp_limb_t _rs_lift_prime(const fmpz_mat_t A)
{
    slong m = fmpz_mat_nrows(A), n = fmpz_mat_ncols(A);
    double amax = max_abs(A);
    /* Valid for every rank r <= min(m, n): the bound decreases in r and
       in k <= n. */
    if (m == 0 || n == 0)
        return 0;
    return prime_below(prime_bound(FLINT_MIN(m, n), n, amax, amax));
}

/* Balanced base-p digits of d > 0; returns their number. */
static slong balanced_digits(double **dd, const fmpz_t d, mp_limb_t p)
{
    slong cap = fmpz_bits(d) / (FLINT_BIT_COUNT(p) - 2) + 2, n = 0;
    fmpz_t t, q;
    fmpz_init_set(t, d);
    fmpz_init(q);
    *dd = flint_malloc(cap * sizeof(double));
    while (!fmpz_is_zero(t)) {
        slong e = (slong)fmpz_fdiv_ui(t, p);
        if (e > (slong)(p - 1) / 2)
            e -= (slong)p;
        (*dd)[n++] = (double)e;
        fmpz_sub_si(t, t, e);
        fmpz_divexact_ui(t, t, p);
    }
    fmpz_clear(t);
    fmpz_clear(q);
    return n;
}

/* z[j] = sum_i digits[i len + j] p^i over the first `steps` steps, for
   j < count (p < 2^26: two balanced digits make one word, halving the big
   operations). */
static void digits_to_fmpz(fmpz *z, const double *digits, slong len,
                           slong steps, mp_limb_t p, slong count)
{
    slong i, j;
    for (j = 0; j < count; j++) {
        fmpz_zero(z + j);
        i = steps - 1;
        if (steps % 2 == 1) {
            fmpz_set_si(z + j, (slong)digits[i * len + j]);
            i--;
        }
        for (; i >= 1; i -= 2) {
            slong pair = (slong)digits[i * len + j] * (slong)p +
                         (slong)digits[(i - 1) * len + j];
            fmpz_mul_ui(z + j, z + j, p * p);
            fmpz_add_si(z + j, z + j, pair);
        }
    }
}

/* A common denominator d of the p-adic numbers z (known mod M), by rational
   reconstruction with room to spare: d below 2^dlim and every
   |d z_j mod M| below 2^nlim, where dlim + nlim = bits(M) - 16 (dlim = 0:
   half each).  pred = bits of the largest |d z_j mod M|.  Returns 0 if the
   precision is not enough. */
static int common_denominator(fmpz_t d, slong *pred, const fmpz *z, slong len,
                              const fmpz_t M, slong dlim)
{
    slong j, lim, best = 0;
    fmpz_t t, N, D;
    fmpq_t q;
    int ok = 1;
    if (dlim <= 0)
        dlim = (slong)fmpz_bits(M) / 2 - 8;
    lim = (slong)fmpz_bits(M) - 16 - dlim;
    if (lim < 1 || dlim < 1)
        return 0;
    fmpz_init(t);
    fmpz_init(N);
    fmpz_init(D);
    fmpz_one_2exp(N, lim);
    fmpz_one_2exp(D, dlim);
    fmpq_init(q);
    fmpz_one(d);
    for (j = 0; j < len && ok; j++) {
        fmpz_mul(t, d, z + j);
        fmpz_mod(t, t, M);
        fmpz_smod(t, t, M);
        if ((slong)fmpz_bits(t) <= lim) {
            best = FLINT_MAX(best, (slong)fmpz_bits(t));
            continue;
        }
        fmpz_mod(t, t, M);
        /* A denominator 1 here means the entry is too large for the
           margin: more precision is needed. */
        ok = fmpq_reconstruct_fmpz_2(q, t, M, N, D) &&
             !fmpz_is_one(fmpq_denref(q));
        if (ok) {
            fmpz_mul(d, d, fmpq_denref(q));
            fmpz_abs(d, d);
            ok = (slong)fmpz_bits(d) <= dlim;
            j = -1; /* d grew: recheck every entry */
            best = 0;
        }
    }
    *pred = best;
    fmpz_clear(t);
    fmpz_clear(N);
    fmpz_clear(D);
    fmpq_clear(q);
    return ok;
}

#define GUESS_VECTORS 4
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

/* Lifts B^{-1} RN w for GUESS_VECTORS vectors w with entries in
   [-coeff, coeff], as two blocks of vectors on up to two threads, until
   the common denominator of their first GUESS_ENTRIES entries is
   reconstructed (d, pred as in common_denominator).  A prime q dividing
   the denominator of B^{-1} RN is missed only if every vector misses it,
   about q^-GUESS_VECTORS, and then lift_main finds it.  Returns 0 if not
   found. */
typedef struct {
    lift_state *L;
    int *status;
    slong until;
} guess_job;

static void guess_worker(void *arg, slong b)
{
    guess_job *J = arg;
    if (J->status[b] == LIFT_MORE)
        J->status[b] = lift_run(J->L + b, J->until);
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
    mp_limb_t p = (mp_limb_t)L->S->p;
    fmpz_init(M);
    digits_to_fmpz(z, L->digits, L->S->r * L->w, L->step, p, count);
    fmpz_set_ui(M, p);
    fmpz_pow_ui(M, M, L->step);
    if (status == LIFT_DONE) {
        fmpz_one(d);
        *pred = FLINT_ABS(_fmpz_vec_max_bits(z, count));
        ok = 1;
    } else
        ok = common_denominator(d, pred, z, count, M, 0);
    _fmpz_vec_clear(z, count);
    fmpz_clear(M);
    return ok;
}

static int guess_scale(fmpz_t d, slong *pred, const rs_blocks_struct *K,
                       lift_sys S, double *ACr, slong coeff, slong threads,
                       slong max_steps)
{
    slong r = K->r, k = K->k, i, j, c, g = GUESS_VECTORS, h = g / 2, b;
    slong e = FLINT_MIN(r, GUESS_ENTRIES), pred1 = 0;
    const double one = 1.0;
    ulong seed = _rs_mix64((ulong)(r * 7919 + k));
    double *V = flint_calloc(g * r, sizeof(double));
    fmpz_t M, z0, pi, d1;
    lift_state L[2];
    int found = 0, status[2] = {LIFT_MORE, LIFT_MORE};
    guess_job job;

    for (j = 0; j < k; j++)
        for (c = 0; c < g; c++) {
            double s;
            seed = _rs_mix64(seed);
            s = (double)(slong)(seed % (ulong)(2 * coeff + 1)) - coeff;
            for (i = 0; i < r; i++)
                V[i * g + c] +=
                    s * (double)fmpz_get_si(fmpz_mat_entry(K->RN, i, j));
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
        lift_state_init(L + b, &S, b * h, h, max_steps, h);
    job.L = L;
    job.status = status;
    while (!found && FLINT_MAX(L[0].step, L[1].step) < max_steps) {
        /* The first entry, kept up to date step by step, says when to try
           the whole reconstruction; checkpoints every ~6% of the steps. */
        slong s0 = L[0].step, cur = FLINT_MAX(L[0].step, L[1].step);
        job.until = cur + FLINT_MAX(2, cur / 16);
        _rs_parallel_for(2, FLINT_MIN(threads, 2), guess_worker, &job);
        if (status[0] == LIFT_BROKEN || status[1] == LIFT_BROKEN)
            break;
        for (i = s0; i < L[0].step; i++) {
            double y = L[0].digits[i * r * h];
            if (y >= 0)
                fmpz_addmul_ui(z0, pi, (ulong)y);
            else
                fmpz_submul_ui(z0, pi, (ulong)(-y));
            fmpz_mul_ui(pi, pi, (mp_limb_t)S.p);
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
        lift_state_clear(L + b);
    fmpz_clear(M);
    fmpz_clear(z0);
    fmpz_clear(pi);
    fmpz_clear(d1);
    flint_free(V);
    return found;
}

/* ---- the certificate --------------------------------------------------- */

typedef struct {
    lift_state *L;
    int *status;
} block_job;

static void block_worker(void *arg, slong b)
{
    block_job *J = arg;
    J->status[b] = lift_run(J->L + b, J->L[b].max_steps);
}

/* The denominator of column c of B^{-1} RN that d lacks, from a lifting of
   that column alone for `steps` steps (1 if none shows). */
static void missing_factor(fmpz_t extra, const lift_sys *S, slong c,
                           slong steps)
{
    mp_limb_t p = (mp_limb_t)S->p;
    fmpz *z = _fmpz_vec_init(S->r);
    fmpz_t M;
    slong pred;
    lift_state L;
    fmpz_init(M);
    lift_state_init(&L, S, c, 1, steps, 1);
    lift_run(&L, steps);
    digits_to_fmpz(z, L.digits, S->r, L.step, p, S->r);
    fmpz_set_ui(M, p);
    fmpz_pow_ui(M, M, L.step);
    /* The missing factor is small next to Y: reconstruct unbalanced. */
    if (!common_denominator(extra, &pred, z, S->r, M,
                            FLINT_MIN(64, (slong)fmpz_bits(M) / 4)))
        fmpz_one(extra);
    lift_state_clear(&L);
    fmpz_clear(M);
    _fmpz_vec_clear(z, S->r);
}

/* The main lifting of Y = d B^{-1} RN on all rows, in column blocks on up
   to `threads` threads.  Returns 1 (rank A <= r), -1 (rank A > r) or 0;
   on 0 sets `extra` to a factor missing from d if a column that did not
   end shows one (else to 1). */
static int lift_main(fmpz_t extra, const lift_sys *S, slong k, slong threads,
                     slong max_steps)
{
    slong blocks = FLINT_MAX(1, FLINT_MIN(threads, k / 16)), width, b;
    lift_state *L;
    int *status, result = 1;
    block_job job;

    width = (k + blocks - 1) / blocks;
    blocks = (k + width - 1) / width;
    L = flint_malloc(blocks * sizeof(lift_state));
    status = flint_malloc(blocks * sizeof(int));
    for (b = 0; b < blocks; b++)
        lift_state_init(L + b, S, b * width, FLINT_MIN(width, k - b * width),
                        max_steps, 0);
    job.L = L;
    job.status = status;
    _rs_parallel_for(blocks, blocks, block_worker, &job);
    fmpz_one(extra);
    for (b = 0; b < blocks; b++)
        if (status[b] == LIFT_HIGHER)
            result = -1;
        else if (status[b] != LIFT_DONE && result == 1)
            result = 0;
    for (b = 0; b < blocks && result == 0; b++)
        if (status[b] == LIFT_MORE) {
            /* Y is not integral, or larger than the step bound: a column
               whose residual is still nonzero tells which. */
            slong a, c, w = L[b].w;
            for (c = 0; c < w; c++) {
                for (a = 0; a < S->rows && L[b].E[a * w + c] == 0; a++)
                    ;
                if (a < S->rows)
                    break;
            }
            if (c < w)
                missing_factor(extra, S, L[b].c0 + c, L[b].step);
            break;
        }
    for (b = 0; b < blocks; b++)
        lift_state_clear(L + b);
    flint_free(L);
    flint_free(status);
    return result;
}

int _rs_lift_init(rs_lift_struct *F, const rs_blocks_struct *K, mp_limb_t hint)
{
    slong m = K->m, r = K->r, k = K->k;
    double amaxC, amaxN, bound;

    F->m = m;
    F->r = r;
    F->k = k;
    F->p = 0;
    F->Binv = F->AC = F->AN = NULL;
    if (r == 0 || k == 0 || m == r)
        return 0;
    amaxC = FLINT_MAX(max_abs(K->B), max_abs(K->LC));
    amaxN = FLINT_MAX(max_abs(K->RN), max_abs(K->LN));
    bound = prime_bound(r, k, amaxC, amaxN);
    if (!(bound >= LIFT_MIN_PRIME))
        return 0;

    F->Binv = flint_malloc(r * r * sizeof(double));
    F->p = pick_prime(F->Binv, K->B, bound, hint);
    if (F->p == 0)
        return 0;
    /* The largest coefficients the guess's bound allows (random ones catch
       small prime factors of the denominator that signs would miss). */
    F->coeff = (slong)FLINT_MIN(
        4096.0, floor((2 * TWO52 / (double)F->p - (double)r * amaxC) /
                      ((double)k * amaxN)));
    F->coeff = FLINT_MAX(F->coeff, 1);
    F->AC = flint_malloc(m * r * sizeof(double));
    F->AN = flint_malloc(m * k * sizeof(double));
    to_doubles(F->AC, r, K->B);
    to_doubles(F->AC + r * r, r, K->LC);
    to_doubles(F->AN, k, K->RN);
    to_doubles(F->AN + r * k, k, K->LN);
    _rs_dpack_init(&F->Binv_pack, r, r, F->Binv, r);
    _rs_dpack_init(&F->AC_pack, m, r, F->AC, r);
    return 1;
}

void _rs_lift_clear(rs_lift_struct *F)
{
    if (F->AC != NULL) {
        _rs_dpack_clear(&F->Binv_pack);
        _rs_dpack_clear(&F->AC_pack);
    }
    flint_free(F->Binv);
    flint_free(F->AC);
    flint_free(F->AN);
}

static void lift_sys_init(lift_sys *S, const rs_lift_struct *F)
{
    S->rows = F->m;
    S->r = F->r;
    S->ldn = F->k;
    S->p = (double)F->p;
    S->pinv = 1.0 / (double)F->p;
    S->Binv = F->Binv;
    S->AC = F->AC;
    S->AN = F->AN;
    S->Binv_pack = &F->Binv_pack;
    S->AC_pack = &F->AC_pack;
    S->dd = NULL;
    S->nd = 0;
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
    lift_sys_init(&S, F);
    S.Binv_pack = S.AC_pack = NULL; /* few columns: unpacked products */
    return guess_scale(d, pred, K, S, F->AC, F->coeff, threads, steps);
}

int _rs_lift_prove(const rs_lift_struct *F, const fmpz_t d0, slong pred,
                   slong threads)
{
    slong attempt;
    double *dd = NULL;
    lift_sys S;
    fmpz_t d, extra;
    int result = 0;

    fmpz_init_set(d, d0);
    fmpz_init(extra);
    lift_sys_init(&S, F);
    for (attempt = 0; attempt < 3; attempt++) {
        /* Y = d B^{-1} RN is about the size of d B^{-1} RN w; the step
           bound leaves room for Y being larger than that. */
        slong want_bits = FLINT_MAX(pred, (slong)fmpz_bits(d)) + 192 +
                          2 * FLINT_BIT_COUNT(F->k);
        flint_free(dd);
        S.nd = balanced_digits(&dd, d, F->p);
        S.dd = dd;
        result = lift_main(extra, &S, F->k, threads,
                           want_bits / (FLINT_BIT_COUNT(F->p) - 1) + 4);
        if (result != 0 || fmpz_is_one(extra))
            break;
        fmpz_mul(d, d, extra);
        pred += fmpz_bits(extra);
    }
    flint_free(dd);
    fmpz_clear(d);
    fmpz_clear(extra);
    return result;
}

int _rs_lift_certify(const rs_blocks_struct *K, slong threads, mp_limb_t hint,
                     slong *nprimes)
{
    rs_lift_struct F;
    fmpz_t d;
    slong pred = 0;
    int result = 0;

    fmpz_init(d);
    if (_rs_lift_init(&F, K, hint)) {
        (*nprimes)++;
        if (_rs_lift_guess(d, &pred, &F, K, threads))
            result = _rs_lift_prove(&F, d, pred, threads);
    }
    _rs_lift_clear(&F);
    fmpz_clear(d);
    return result;
}
