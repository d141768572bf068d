/* The lifting loop of lift.c and its digit bookkeeping: the state of a
   block of columns, one step after another, and the conversion of stored
   digits to integers and rationals. */
#include <math.h>
#include <string.h>

#include "blas.h"
#include "lift_internal.h"

void _rs_lift_sys_init(lift_sys *S, const rs_lift_struct *F)
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
    S->b = F->b;
    S->nlC = F->nlC;
    S->nlN = F->nlN;
    S->nlE = F->nlE;
    S->acs = F->m * F->r;
    S->ans = F->m * F->k;
    S->bitsC = F->bitsC;
}

void _rs_lift_state_init(lift_state *L, const lift_sys *S, slong c0, slong w,
                         slong max_steps, slong kept, slong ring)
{
    L->S = S;
    L->c0 = c0;
    L->w = w;
    L->step = 0;
    L->max_steps = max_steps;
    L->E = flint_calloc(S->nlE * S->rows * w + 1, sizeof(double));
    /* with limbs the step works on E in place */
    L->T = S->b > 0 ? NULL : flint_malloc((S->rows * w + 1) * sizeof(double));
    L->rem = S->b > 0 ? flint_malloc((S->rows * w + 1) * sizeof(double)) : NULL;
    L->U = flint_malloc((S->r * w + 1) * sizeof(double));
    L->x = flint_malloc((S->r * w + 1) * sizeof(double));
    L->work = flint_malloc(_rs_dgemm_work_len(w) * sizeof(double));
    L->kept = kept;
    L->ring = FLINT_MAX(1, FLINT_MIN(ring, max_steps));
    L->digits = flint_malloc((L->ring * S->r * kept + 1) * sizeof(double));
}

typedef struct {
    lift_state *L;
    int *status;
    slong until;
} blocks_job;

static void blocks_worker(void *arg, slong b)
{
    blocks_job *J = arg;
    if (J->status[b] == LIFT_MORE)
        J->status[b] = _rs_lift_run(J->L + b, J->until);
}

void _rs_lift_run_blocks(lift_state *L, int *status, slong blocks, slong until,
                         slong threads)
{
    blocks_job job;
    job.L = L;
    job.status = status;
    job.until = until;
    _rs_blas_serial_begin(); /* one BLAS thread in each of ours */
    _rs_parallel_for(blocks, threads, blocks_worker, &job);
    _rs_blas_serial_end();
}

void _rs_lift_state_clear(lift_state *L)
{
    flint_free(L->E);
    flint_free(L->T);
    flint_free(L->rem);
    flint_free(L->U);
    flint_free(L->x);
    flint_free(L->work);
    flint_free(L->digits);
}

int _rs_lift_column_zero(const lift_state *L, slong c)
{
    slong rows = L->S->rows, w = L->w, a, j;
    for (j = 0; j < L->S->nlE; j++)
        for (a = 0; a < rows; a++)
            if (L->E[(j * rows + a) * w + c] != 0)
                return 0;
    return 1;
}

/* The exact division T / p of the numbers in limbs (top limb first, each
   remainder carried into the limb below; T is in E, divided in place),
   then, once d's digits are used up, E's limbs normalised to
   |E_j| <= 2^(b-1) (the comment on limbs in lift.c).  Returns the status
   of the step as _rs_lift_run's. */
static int limb_divide(lift_state *L)
{
    const lift_sys *S = L->S;
    slong len = S->rows * L->w, piv = S->r * L->w, ne = S->nlE, i, j;
    double p = S->p, pinv = S->pinv;
    double base = ldexp(1.0, (int)S->b), ibase = ldexp(1.0, -(int)S->b);
    double *rem = L->rem;
    memset(rem, 0, len * sizeof(double));
    for (j = ne - 1; j >= 0; j--)
        _rs_dvec_limb_divrem(L->E + j * len, rem, L->E + j * len, len, base, p,
                             pinv);
    /* rem = T mod p exactly: T = p E + rem with |rem| <= h */
    for (i = 0; i < piv; i++)
        if (rem[i] != 0)
            return LIFT_BROKEN;
    for (; i < len; i++)
        if (rem[i] != 0)
            return LIFT_HIGHER;
    if (L->step < S->nd)
        return LIFT_MORE; /* no end before d's digits are used up */
    for (j = 0; j + 1 < ne; j++)
        _rs_dvec_limb_carry(L->E + j * len, L->E + (j + 1) * len, len, base,
                            ibase);
    for (i = 0; i < ne * len; i++)
        if (L->E[i] != 0)
            return LIFT_MORE;
    return LIFT_DONE;
}

/* C += A B for a step's product (A: m x k with k columns, B and C: w
   columns): through BLAS when the build has one (OpenBLAS's kernel measured
   15-30% faster than the portable kernel on AVX-512, 2026-12-03), else with
   A packed once for every step.  Exact either way: the callers bound every
   partial sum below 2^52. */
static void step_product(slong m, slong w, slong k, const double *A,
                         const rs_dpack_struct *Ap, const double *B, double *C,
                         double *work)
{
    if (_rs_blas_available())
        _rs_blas_dgemm(m, w, k, A, k, B, w, C, w);
    else if (Ap != NULL)
        _rs_dgemm_packed(w, Ap, B, w, C, w, work);
    else
        _rs_dgemm(m, w, k, A, k, B, w, C, w);
}

/* The step's digit: x = B^{-1} U mod p (balanced), kept in L->digits for
   the kept columns, then negated for the update T -= AC x. */
static void step_digit(lift_state *L)
{
    const lift_sys *S = L->S;
    slong r = S->r, w = L->w, a, i;
    memset(L->x, 0, r * w * sizeof(double));
    step_product(r, w, r, S->Binv, S->Binv_pack, L->U, L->x, L->work);
    _rs_dvec_bal_mod(L->x, L->x, r * w, S->p, S->pinv);
    for (a = 0; a < r && L->kept > 0; a++)
        memcpy(L->digits + ((L->step % L->ring) * r + a) * L->kept,
               L->x + a * w, L->kept * sizeof(double));
    for (i = 0; i < r * w; i++)
        L->x[i] = -L->x[i];
}

/* _rs_lift_run with limbs. */
static int run_limbs(lift_state *L, slong until)
{
    const lift_sys *S = L->S;
    slong r = S->r, rows = S->rows, w = L->w, len = rows * w, a, i, j;
    ulong p = (ulong)S->p, h = (p - 1) / 2;
    ulong bmod = (UWORD(1) << S->b) % p;
    double *T = L->E; /* the step's T, in place */
    int status;

    while (L->step < until) {
        double di = L->step < S->nd ? S->dd[L->step] : 0;
        ulong cj = 1;
        /* T = E + d_i AN, in place of E (limb by limb) */
        for (j = 0; j < S->nlN && di != 0; j++)
            for (a = 0; a < rows; a++)
                _rs_dvec_axpy(T + j * len + a * w, di,
                              S->AN + j * S->ans + a * S->ldn + L->c0, w);
        /* U = T mod p on the pivot rows: sum_j (2^(b j) mod p) (T_j mod p),
           reduced after each term (|U + c t| <= h + h^2 < 2^51). */
        _rs_dvec_bal_mod(L->U, T, r * w, S->p, S->pinv);
        for (j = 1; j < S->nlE; j++) {
            double c;
            cj = (cj * bmod) % p; /* < 2^52 */
            c = cj > h ? -(double)(p - cj) : (double)cj;
            _rs_dvec_bal_mod(L->x, T + j * len, r * w, S->p, S->pinv);
            for (i = 0; i < r * w; i++)
                L->U[i] += c * L->x[i];
            _rs_dvec_bal_mod(L->U, L->U, r * w, S->p, S->pinv);
        }
        step_digit(L);
        if (S->acs == rows * r) /* the planes stacked: all limbs at once */
            step_product(S->nlC * rows, w, r, S->AC, S->AC_pack, L->x, T,
                         L->work);
        else /* the guess's pivot rows of planes of all rows */
            for (j = 0; j < S->nlC; j++)
                step_product(rows, w, r, S->AC + j * S->acs, NULL, L->x,
                             T + j * len, L->work);
        L->step++;
        status = limb_divide(L);
        if (status != LIFT_MORE)
            return status;
    }
    return LIFT_MORE;
}

int _rs_lift_run(lift_state *L, slong until)
{
    const lift_sys *S = L->S;
    slong r = S->r, rows = S->rows, w = L->w, a;
    int zero_piv, zero_rest;

    until = FLINT_MIN(until, L->max_steps);
    if (S->b > 0)
        return run_limbs(L, until);
    while (L->step < until) {
        double di = L->step < S->nd ? S->dd[L->step] : 0;
        /* T = d_i AN + E: the residual's part that step i must clear. */
        for (a = 0; a < rows; a++) {
            memcpy(L->T + a * w, L->E + a * w, w * sizeof(double));
            if (di != 0)
                _rs_dvec_axpy(L->T + a * w, di, S->AN + a * S->ldn + L->c0, w);
        }
        _rs_dvec_bal_mod(L->U, L->T, r * w, S->p, S->pinv);
        step_digit(L);
        step_product(rows, w, r, S->AC, S->AC_pack, L->x, L->T, L->work);
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

/* p < 2^26: two balanced digits make one word, halving the big
   operations. */
void _rs_lift_digits_to_fmpz(fmpz *z, const double *digits, slong len,
                             slong steps, ulong p, slong count)
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

/* The margins make a wrong reconstruction from too few digits unlikely;
   a wrong one is harmless anyway (the lifting then does not end). */
int _rs_lift_common_denominator(fmpz_t d, slong *pred, const fmpz *z, slong len,
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
