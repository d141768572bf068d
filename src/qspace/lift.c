/* The certificate of rank A <= r by p-adic lifting in double precision
   (after Dixon; the double-precision arithmetic follows Chen and
   Storjohann's IML).

   With B = A[R, C] invertible modulo a prime p < 2^26 and an integer d > 0,
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

   d is found first by lifting B^{-1} RN w for eight random vectors w and
   reconstructing rationals (lift_guess.c); it is only a guess, which the
   second end checks.  If d lacks a factor, the lifting reaches its step
   bound; a column still running then shows the factor, and the lifting
   starts again with it.  Otherwise the caller uses another method.

   The digits y_i can also be folded into Y as they come (every 32 steps,
   in machine words), which gives the kernel data A[:, C] Y = d A[:, N] for
   reduced echelon forms and null spaces at the same cost. */
#include <gmp.h>
#include <math.h>
#include <string.h>

#include "blas.h"
#include "lift_internal.h"

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
static ulong prime_below(double bound)
{
    ulong p;
    if (!(bound >= LIFT_MIN_PRIME))
        return 0;
    p = (ulong)bound;
    p -= (p % 2 == 0);
    while (!n_is_prime(p))
        p -= 2;
    return p;
}

/* A prime p <= bound with B invertible mod p (balanced residues of B^{-1}
   in Binv): `hint` if it qualifies, else the largest such prime; 0 if
   none is found quickly. */
static ulong pick_prime(double *Binv, const fmpz_mat_t B, double bound,
                        ulong hint)
{
    ulong p = prime_below(bound), h;
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
                    ulong e = rs_nmod_mat_get(Bi, i, j);
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

/* The bound on p of the comment at the top for r pivots, k = n - r non-pivot
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

/* ---- limbs ----------------------------------------------------------------

   When the bound above leaves no prime (entries beyond about 2^52 / r p),
   the entries are split into limbs of b bits: A[:, C] = sum_j 2^(b j) AC_j
   and A[:, N] = sum_j 2^(b j) AN_j with |AC_j|, |AN_j| < 2^b (the digits of
   |a| with a's sign), and the residual E, T of a step is kept in limbs
   too.  A step is then, limb by limb, T_j = E_j + d_i AN_j, U = T mod p on
   the pivot rows (sum_j (2^(b j) mod p) (T_j mod p)), the same x, and
   T_j -= AC_j x; the exact division of T by p runs from the top limb
   down, carrying each remainder (< p / 2) into the limb below, and the
   number T is divisible by p exactly when the last remainder is 0.  Once
   d's digits are used up (when the second end can come), the quotient's
   limbs are also normalised (carries upward) to |E_j| <= 2^(b-1) below
   the top one, so that E = 0 exactly when all its limbs are 0.

   Bounds: with |AN_j|, |AC_j| < 2^b and |E_j| <= B, |T_j| <=
   B + (r + 1) h 2^b before the division, |v| = |T_j + rem 2^b| <=
   B + (r + 2) h 2^b during it, and the quotient limb is at most
   (|v| + h) / p, so B* = (r + 2) 2^(b-1) + 1/2 bounds every limb of E
   (normalised or not: (B* + (r + 2) h 2^b + h) / p = B*), and then
   |v| <= (r + 2) p 2^(b-1) + 1/2 < 2^51 by the choice of b.  The
   residual's value obeys |E| <= (|AN| + r |AC|) / 2 (as
   |E'| <= (|E| + h |AN| + r h |AC|) / p), so nlE limbs hold it with the
   normalised top limb below 2^(b-1) too.  Every double operation is
   therefore exact, the limbs always add up to the integers of the comment
   at the top, and both conclusive ends hold as they are. */

/* The largest p allowed with limbs of b bits for r pivots (0 if below
   LIFT_MIN_PRIME): r h^2 <= 2^52 for B^{-1} U and
   2^b (p (r + 2) + 1) <= 2^52 for the limbs. */
static double limb_prime_bound(slong r, slong b)
{
    double p = floor(((ldexp(1.0, 52 - (int)b) - 1) / (double)(r + 2)));
    double h = floor((p - 1) / 2);
    h = FLINT_MIN(h, floor(sqrt(TWO52 / (double)r)));
    p = FLINT_MIN(2 * h + 1, LIFT_MAX_PRIME);
    return p >= LIFT_MIN_PRIME ? p : 0;
}

/* The largest b with 2^b (p (r + 2) + 1) <= 2^52. */
static slong limb_bits_for(ulong p, slong r)
{
    double s = (double)p * (double)(r + 2) + 1;
    slong b = 0;
    while (b < 50 && ldexp(s, (int)b + 1) <= ldexp(1.0, 52))
        b++;
    return b;
}

static slong limbs(slong bits, slong b)
{
    return FLINT_MAX(1, (bits + b - 1) / b);
}

slong _rs_lift_limbs_E(slong b, slong bitsN, slong bitsC, slong r, slong nlC,
                       slong nlN)
{
    /* |E| <= (2^bitsN + r 2^bitsC) / 2 <= 2^M; 2^(b (nlE - 1)) 2^(b - 2)
       >= 2^M bounds the top limb by 2^(b-2) + 1. */
    slong M = FLINT_MAX(bitsN, bitsC + (slong)FLINT_BIT_COUNT(r));
    slong n = (M + 2 + b - 1) / b;
    return FLINT_MAX(n, FLINT_MAX(nlC, nlN));
}

/* The bound on p whose limbs make the cheapest steps for r pivots, m rows
   and entries below 2^bitsC, 2^bitsN: the step's work is about
   m (r nlC + 4 nlE) + r^2 and the steps' number 1 / log p (0 if none). */
static double limb_best_bound(slong m, slong r, slong bitsC, slong bitsN)
{
    double best = 0, best_cost = 0;
    slong b;
    for (b = LIMB_MIN_BITS; b <= 48; b++) {
        double pb = limb_prime_bound(r, b), cost;
        slong nlC = limbs(bitsC, b), nlN = limbs(bitsN, b);
        slong nlE = _rs_lift_limbs_E(b, bitsN, bitsC, r, nlC, nlN);
        if (pb == 0)
            break;
        cost = ((double)m * ((double)r * nlC + 4.0 * nlE) + (double)r * r) /
               log2(pb);
        if (best == 0 || cost < best_cost) {
            best = pb;
            best_cost = cost;
        }
    }
    return best;
}

void _rs_lift_split(double *dst, slong stride, slong ld, const fmpz_mat_t M,
                    slong b, slong nl)
{
    slong i, c, j;
    ulong mask = (UWORD(1) << b) - 1;
    for (i = 0; i < fmpz_mat_nrows(M); i++)
        for (c = 0; c < fmpz_mat_ncols(M); c++) {
            const fmpz *e = fmpz_mat_entry(M, i, c);
            double *out = dst + i * ld + c, sign = fmpz_sgn(e) < 0 ? -1 : 1;
            if (!COEFF_IS_MPZ(*e)) {
                ulong u = FLINT_ABS(*e); /* |e| < 2^62 */
                for (j = 0; j < nl; j++, u >>= b)
                    out[j * stride] = sign * (double)(u & mask);
            } else {
                const __mpz_struct *z = COEFF_TO_PTR(*e);
                slong size = FLINT_ABS(z->_mp_size);
                const mp_limb_t *d = z->_mp_d;
                for (j = 0; j < nl; j++) {
                    slong off = j * b, wd = off / FLINT_BITS;
                    slong sh = off % FLINT_BITS;
                    ulong u = 0;
                    if (wd < size) {
                        u = d[wd] >> sh;
                        if (sh + b > FLINT_BITS && wd + 1 < size)
                            u |= d[wd + 1] << (FLINT_BITS - sh);
                    }
                    out[j * stride] = sign * (double)(u & mask);
                }
            }
        }
}

/* _rs_lift_init when the entries need limbs. */
/* B^{-1} and the acm rows of AC packed once for the portable kernel of
   every step; with BLAS the steps call it directly and nothing is packed
   (data NULL, which _rs_dpack_clear frees as nothing). */
static void pack_factors(rs_lift_struct *F, slong acm)
{
    if (_rs_blas_available()) {
        F->Binv_pack.data = NULL;
        F->AC_pack.data = NULL;
        return;
    }
    _rs_dpack_init(&F->Binv_pack, F->r, F->r, F->Binv, F->r);
    _rs_dpack_init(&F->AC_pack, acm, F->r, F->AC, F->r);
}

static int limb_init(rs_lift_struct *F, const rs_blocks_struct *K, ulong hint)
{
    slong m = K->m, r = K->r, k = K->k;
    slong bitsC = FLINT_MAX(FLINT_ABS(fmpz_mat_max_bits(K->B)),
                            FLINT_ABS(fmpz_mat_max_bits(K->LC)));
    slong bitsN = FLINT_MAX(FLINT_ABS(fmpz_mat_max_bits(K->RN)),
                            FLINT_ABS(fmpz_mat_max_bits(K->LN)));
    double bound, hint_bound = limb_prime_bound(r, LIMB_MIN_BITS);

    /* The profile's prime (from _rs_lift_prime) if it allows limbs. */
    if (hint >= LIFT_MIN_PRIME && (double)hint <= hint_bound)
        bound = hint_bound;
    else
        bound = limb_best_bound(m, r, bitsC, bitsN);
    if (bound == 0)
        return 0;
    F->Binv = flint_malloc(r * r * sizeof(double));
    F->p = pick_prime(F->Binv, K->B, bound, hint);
    if (F->p == 0)
        return 0;
    F->b = limb_bits_for(F->p, r);
    F->nlC = limbs(bitsC, F->b);
    F->nlN = limbs(bitsN, F->b);
    F->nlE = _rs_lift_limbs_E(F->b, bitsN, bitsC, r, F->nlC, F->nlN);
    F->bitsC = bitsC;
    F->coeff = 4096; /* the guess's vectors are exact integers: any size */
    F->AC = flint_malloc((F->nlC * m * r + 1) * sizeof(double));
    F->AN = flint_malloc((F->nlN * m * k + 1) * sizeof(double));
    _rs_lift_split(F->AC, m * r, r, K->B, F->b, F->nlC);
    _rs_lift_split(F->AC + r * r, m * r, r, K->LC, F->b, F->nlC);
    _rs_lift_split(F->AN, m * k, k, K->RN, F->b, F->nlN);
    _rs_lift_split(F->AN + r * k, m * k, k, K->LN, F->b, F->nlN);
    /* the planes stacked: one product gives every limb of A[:, C] x */
    pack_factors(F, F->nlC * m);
    return 1;
}

ulong _rs_lift_prime(const fmpz_mat_t A)
{
    slong m = fmpz_mat_nrows(A), n = fmpz_mat_ncols(A);
    slong bits = FLINT_ABS(fmpz_mat_max_bits(A));
    double amax = max_abs(A), bound;
    /* Valid for every rank r <= min(m, n): the bound decreases in r and
       in k <= n; so does limb_prime_bound, which limb_init's hint test
       uses. */
    if (m == 0 || n == 0)
        return 0;
    bound = prime_bound(FLINT_MIN(m, n), n, amax, amax);
    if (!(bound >= LIFT_MIN_PRIME))
        bound = limb_best_bound(m, FLINT_MIN(m, n), bits, bits);
    return prime_below(bound);
}

/* Balanced base-p digits of d > 0; returns their number. */
static slong balanced_digits(double **dd, const fmpz_t d, ulong p)
{
    slong cap = fmpz_bits(d) / (FLINT_BIT_COUNT(p) - 2) + 2, n = 0;
    fmpz_t t;
    fmpz_init_set(t, d);
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
    return n;
}

/* ---- the certificate --------------------------------------------------- */

/* The denominator of column c of B^{-1} RN that d lacks, from a lifting of
   that column alone for `steps` steps (1 if none shows). */
static void missing_factor(fmpz_t extra, const lift_sys *S, slong c,
                           slong steps)
{
    ulong p = (ulong)S->p;
    fmpz *z = _fmpz_vec_init(S->r);
    fmpz_t M;
    slong pred;
    lift_state L;
    fmpz_init(M);
    _rs_lift_state_init(&L, S, c, 1, steps, 1, steps);
    _rs_lift_run(&L, steps);
    _rs_lift_digits_to_fmpz(z, L.digits, S->r, L.step, p, S->r);
    fmpz_set_ui(M, p);
    fmpz_pow_ui(M, M, L.step);
    /* The missing factor is small next to Y: reconstruct unbalanced. */
    if (!_rs_lift_common_denominator(extra, &pred, z, S->r, M,
                                     FLINT_MIN(64, (slong)fmpz_bits(M) / 4)))
        fmpz_one(extra);
    _rs_lift_state_clear(&L);
    fmpz_clear(M);
    _fmpz_vec_clear(z, S->r);
}

/* Digits kept between two folds into Y; below p^32 < 2^832 a chunk of
   them fits in FOLD_LIMBS words. */
#define FOLD_STEPS 32
#define FOLD_LIMBS 16

/* Y[:, c0 + c] += sum_{i = s0}^{s1 - 1} (y_i[:, c] + h) p^i for the digits
   of block L kept in its ring (s1 - s0 <= FOLD_STEPS), P = p^s0 and
   h = (p - 1) / 2: the shifted digits are nonnegative, so each chunk is
   built in machine words; unshift_digits takes the shift off at the end. */
static void fold_digits(fmpz_mat_t Y, const lift_state *L, slong s0, slong s1,
                        const fmpz_t P)
{
    slong r = L->S->r, w = L->w, a, c, i, len;
    ulong p = (ulong)L->S->p, h = (p - 1) / 2, buf[FOLD_LIMBS], cy;
    fmpz_t chunk;
    fmpz_init(chunk);
    for (a = 0; a < r; a++)
        for (c = 0; c < w; c++) {
#define DIGIT(i)                                                               \
    ((ulong)((slong)L->digits[(((i) % L->ring) * r + a) * w + c] + (slong)h))
            /* Horner from the top digit, two digits (< p^2 < 2^52) at a
               time. */
            i = s1 - 1;
            buf[0] = 0;
            len = 1;
            if ((s1 - s0) % 2 == 1)
                buf[0] = DIGIT(i--);
            for (; i > s0; i -= 2) {
                cy = mpn_mul_1(buf, buf, len, p * p);
                if (cy != 0)
                    buf[len++] = cy;
                cy = mpn_add_1(buf, buf, len, DIGIT(i) * p + DIGIT(i - 1));
                if (cy != 0)
                    buf[len++] = cy;
            }
#undef DIGIT
            fmpz_set_ui_array(chunk, buf, len);
            fmpz_addmul(fmpz_mat_entry(Y, a, L->c0 + c), chunk, P);
        }
    fmpz_clear(chunk);
}

/* Y[:, block] -= h (p^steps - 1) / (p - 1), the sum of the shifts that
   fold_digits added over `steps` digits. */
static void unshift_digits(fmpz_mat_t Y, const lift_state *L)
{
    ulong p = (ulong)L->S->p;
    slong a, c;
    fmpz_t t;
    fmpz_init(t);
    fmpz_set_ui(t, p);
    fmpz_pow_ui(t, t, L->step);
    fmpz_sub_ui(t, t, 1);
    fmpz_divexact_ui(t, t, p - 1);
    fmpz_mul_ui(t, t, (p - 1) / 2);
    for (a = 0; a < L->S->r; a++)
        for (c = 0; c < L->w; c++)
            fmpz_sub(fmpz_mat_entry(Y, a, L->c0 + c),
                     fmpz_mat_entry(Y, a, L->c0 + c), t);
    fmpz_clear(t);
}

/* The main lifting of Y = d B^{-1} RN on all rows, in column blocks on up
   to `threads` threads.  Returns 1 (rank A <= r), -1 (rank A > r) or 0;
   on 0 sets `extra` to a factor missing from d if a column that did not
   end shows one (else to 1).  With Y != NULL (r x k) also sets Y, on 1,
   to the integer matrix with A[:, C] Y = d A[:, N]: the digits are folded
   into it every FOLD_STEPS steps (by this thread: FLINT integers are not
   shared between threads). */
static int lift_main(fmpz_t extra, const lift_sys *S, slong k, slong threads,
                     slong max_steps, fmpz_mat_t Y)
{
    slong blocks = FLINT_MAX(1, FLINT_MIN(threads, k / 16)), width, b, s0;
    slong until;
    lift_state *L;
    int *status, result = 1, running;
    fmpz_t P, pfold;

    width = (k + blocks - 1) / blocks;
    blocks = (k + width - 1) / width;
    L = flint_malloc(blocks * sizeof(lift_state));
    status = flint_malloc(blocks * sizeof(int));
    for (b = 0; b < blocks; b++) {
        slong w = FLINT_MIN(width, k - b * width);
        _rs_lift_state_init(L + b, S, b * width, w, max_steps, Y ? w : 0,
                            FOLD_STEPS);
        status[b] = LIFT_MORE;
    }
    fmpz_init_set_ui(P, 1);
    fmpz_init_set_ui(pfold, (ulong)S->p);
    fmpz_pow_ui(pfold, pfold, FOLD_STEPS);
    if (Y != NULL)
        fmpz_mat_zero(Y);
    for (s0 = 0, running = 1; running; s0 = until) {
        until = Y ? s0 + FOLD_STEPS : max_steps;
        _rs_lift_run_blocks(L, status, blocks, until, blocks);
        running = 0;
        for (b = 0; b < blocks; b++) {
            if (Y != NULL && L[b].step > s0)
                fold_digits(Y, L + b, s0, L[b].step, P);
            running |= status[b] == LIFT_MORE && L[b].step < max_steps;
        }
        fmpz_mul(P, P, pfold); /* P = p^until */
    }
    fmpz_clear(P);
    fmpz_clear(pfold);
    for (b = 0; b < blocks && Y != NULL; b++)
        unshift_digits(Y, L + b);
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
            slong c, w = L[b].w;
            for (c = 0; c < w && _rs_lift_column_zero(L + b, c); c++)
                ;
            if (c < w)
                missing_factor(extra, S, L[b].c0 + c, L[b].step);
            break;
        }
    for (b = 0; b < blocks; b++)
        _rs_lift_state_clear(L + b);
    flint_free(L);
    flint_free(status);
    return result;
}

int _rs_lift_init(rs_lift_struct *F, const rs_blocks_struct *K, ulong hint)
{
    slong m = K->m, r = K->r, k = K->k;
    double amaxC, amaxN, bound;

    F->m = m;
    F->r = r;
    F->k = k;
    F->p = 0;
    F->Binv = F->AC = F->AN = NULL;
    F->b = 0;
    F->nlC = F->nlN = F->nlE = 1;
    F->bitsC = 0;
    if (r == 0 || k == 0 || m == r)
        return 0;
    amaxC = FLINT_MAX(max_abs(K->B), max_abs(K->LC));
    amaxN = FLINT_MAX(max_abs(K->RN), max_abs(K->LN));
    bound = prime_bound(r, k, amaxC, amaxN);
    if (!(bound >= LIFT_MIN_PRIME))
        return limb_init(F, K, hint);

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
    pack_factors(F, m);
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

int _rs_lift_prove(const rs_lift_struct *F, const fmpz_t d0, slong pred,
                   slong threads, fmpz_mat_t Y, fmpz_t den)
{
    slong attempt;
    double *dd = NULL;
    lift_sys S;
    fmpz_t d, extra;
    int result = 0;

    fmpz_init_set(d, d0);
    fmpz_init(extra);
    _rs_lift_sys_init(&S, F);
    for (attempt = 0; attempt < 3; attempt++) {
        /* Y = d B^{-1} RN is about the size of d B^{-1} RN w; the step
           bound leaves room for Y being larger than that. */
        slong want_bits = FLINT_MAX(pred, (slong)fmpz_bits(d)) + 192 +
                          2 * FLINT_BIT_COUNT(F->k);
        flint_free(dd);
        S.nd = balanced_digits(&dd, d, F->p);
        S.dd = dd;
        result = lift_main(extra, &S, F->k, threads,
                           want_bits / (FLINT_BIT_COUNT(F->p) - 1) + 4, Y);
        if (result != 0 || fmpz_is_one(extra))
            break;
        fmpz_mul(d, d, extra);
        pred += fmpz_bits(extra);
    }
    if (result == 1 && den != NULL)
        fmpz_set(den, d);
    flint_free(dd);
    fmpz_clear(d);
    fmpz_clear(extra);
    return result;
}

int _rs_lift_certify(const rs_blocks_struct *K, slong threads, ulong hint,
                     slong *nprimes, fmpz_mat_t Y, fmpz_t den)
{
    rs_lift_struct F;
    fmpz_t d;
    slong pred = 0;
    int result = 0;

    fmpz_init(d);
    if (_rs_lift_init(&F, K, hint)) {
        (*nprimes)++;
        if (_rs_lift_guess(d, &pred, &F, K, threads))
            result = _rs_lift_prove(&F, d, pred, threads, Y, den);
    }
    _rs_lift_clear(&F);
    fmpz_clear(d);
    return result;
}
