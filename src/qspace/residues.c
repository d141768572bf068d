/* Residues of X = d B^{-1} RN modulo many primes, and the exact check that
   turns them into a proof of rank A <= r (the kernel argument). */
#include <math.h>

#include "qspace_internal.h"

void _rs_residues_init(rs_residues_struct *R)
{
    R->len = R->alloc = 0;
    R->q = NULL;
    R->X = NULL;
}

void _rs_residues_clear(rs_residues_struct *R)
{
    slong i;
    for (i = 0; i < R->len; i++)
        nmod_mat_clear(R->X + i);
    flint_free(R->q);
    flint_free(R->X);
    _rs_residues_init(R);
}

void _rs_residues_push(rs_residues_struct *R, ulong q, const nmod_mat_t Xq)
{
    if (R->len == R->alloc) {
        R->alloc = FLINT_MAX(8, 2 * R->alloc);
        R->q = flint_realloc(R->q, R->alloc * sizeof(ulong));
        R->X = flint_realloc(R->X, R->alloc * sizeof(nmod_mat_struct));
    }
    R->q[R->len] = q;
    R->X[R->len] = *Xq;
    R->len++;
}

/* ---- the exact CRT lift of one entry ------------------------------------ */

typedef struct {
    int ready;
    fmpz_comb_t comb;
    fmpz_comb_temp_t temp;
    ulong *res;
} crt_struct;

static void crt_init(crt_struct *c)
{
    c->ready = 0;
}

static void crt_clear(crt_struct *c)
{
    if (c->ready) {
        fmpz_comb_temp_clear(c->temp);
        fmpz_comb_clear(c->comb);
        flint_free(c->res);
    }
}

/* v = the symmetric CRT lift of entry (i, j), times f, modulo M. */
static void crt_entry(fmpz_t v, crt_struct *c, const rs_residues_struct *R,
                      slong i, slong j, const fmpz_t f, const fmpz_t M)
{
    slong s;
    if (!c->ready) {
        fmpz_comb_init(c->comb, R->q, R->len);
        fmpz_comb_temp_init(c->temp, c->comb);
        c->res = flint_malloc(R->len * sizeof(ulong));
        c->ready = 1;
    }
    for (s = 0; s < R->len; s++)
        c->res[s] = rs_nmod_mat_get(R->X + s, i, j);
    fmpz_multi_CRT_ui(v, c->res, c->comb, c->temp, 1);
    if (!fmpz_is_one(f)) {
        fmpz_mul(v, v, f);
        fmpz_smod(v, v, M);
    }
}

/* ---- the lift modulo further primes without big integers ----------------

   With M = prod q_s, M_s = M / q_s and y_s = M_s^{-1} mod q_s, the numbers
   u_s = x_s y_s mod q_s give X = sum_s u_s M_s - k M, where the symmetric
   lift has k = round(sum_s u_s / q_s).  Evaluated in double precision the
   sum is off by far less than 1/2 (t terms below 1, t < 2^20), so the k
   used is the exact one or next to it, and the integer X' behind the
   residues computed below satisfies X' = x_s mod q_s and |X'| <= 3 M / 2.
   That is all the proof needs; the values modulo a further prime q' come
   from sum_s u_s (M_s mod q') - k (M mod q'). */

typedef struct {
    slong t;
    const ulong *q;
    ulong *qinv, *y;
    double *qrec;
} fast_struct;

static ulong mulmod(ulong a, ulong b, ulong n, ulong ninv)
{
    return n_mulmod2_preinv(a, b, n, ninv);
}

static void fast_init(fast_struct *F, const rs_residues_struct *R)
{
    slong t = R->len, s, j;
    F->t = t;
    F->q = R->q;
    F->qinv = flint_malloc(t * sizeof(ulong));
    F->y = flint_malloc(t * sizeof(ulong));
    F->qrec = flint_malloc(t * sizeof(double));
    for (s = 0; s < t; s++) {
        ulong qs = R->q[s], p = 1;
        F->qinv[s] = n_preinvert_limb(qs);
        F->qrec[s] = 1.0 / (double)qs;
        for (j = 0; j < t; j++)
            if (j != s)
                p = mulmod(p, R->q[j] % qs, qs, F->qinv[s]);
        F->y[s] = n_invmod(p, qs);
    }
}

static void fast_clear(fast_struct *F)
{
    flint_free(F->qinv);
    flint_free(F->y);
    flint_free(F->qrec);
}

/* w[s] = M_s mod p, returns M mod p. */
static ulong fast_weights(ulong *w, const fast_struct *F, ulong p, ulong pinv)
{
    slong t = F->t, s;
    ulong suffix = 1, all;
    /* w[s] = prod_{j < s} q_j, then times prod_{j > s} q_j */
    w[0] = 1;
    for (s = 1; s < t; s++)
        w[s] = mulmod(w[s - 1], F->q[s - 1] % p, p, pinv);
    all = mulmod(w[t - 1], F->q[t - 1] % p, p, pinv);
    for (s = t - 1; s >= 0; s--) {
        w[s] = mulmod(w[s], suffix, p, pinv);
        suffix = mulmod(suffix, F->q[s] % p, p, pinv);
    }
    return all;
}

/* sum_s u_s w_s mod p. */
static ulong dot_mod(const ulong *u, const ulong *w, slong t, ulong p,
                     ulong pinv)
{
    ulong acc = 0, x;
    slong s;
    for (s = 0; s < t; s++) {
        x = mulmod(u[s], w[s], p, pinv);
        acc = acc >= p - x ? acc - (p - x) : acc + x;
    }
    return acc;
}

/* ---- the check ---------------------------------------------------------- */

/* The exact argument of the kernel path.  Let M = prod R->q, X an integer
   with X = f d B^{-1} RN mod every q_s and |X| <= 3 M / 2 (the symmetric
   CRT lift, or the lift above), and Z = A[:, C] X - f d A[:, N].  Every
   residue satisfies B Xq = f d RN and (the Schur check) LC Xq = f d LN
   mod q_s, so Z = 0 mod M.  Checking Z = 0 modulo further primes with
   product Q' makes Z = 0 mod M Q'; as |Z| <= 3 r a M / 2 + f d a < M Q'
   (a = max |A|), Z = 0 exactly: the non-pivot columns lie in the span of
   the pivot columns, rank A <= r.

   Any f is sound; f != 1 repairs a guessed d that missed a factor: then
   some lifts are not small integers, and a rational reconstruction of such
   a lift (denominators up to 2^D, D = bits(M) - pred - 4 clamped to
   16..64, pred the expected size of the entries, numerators up to N with
   2 N 2^D < M) shows the missing factor. */
int _rs_residues_check(const rs_residues_struct *R, const rs_blocks_struct *K,
                       fmpz_t d, const fmpz_t M, const fmpz_t amax, slong pred,
                       rs_primes_struct *S, fmpz_mat_t Xout, slong *nprimes)
{
    slong r = K->r, k = K->k, t = R->len, nv = 0, alloc, i, j, s, v, misses;
    slong dbits = FLINT_MAX(16, FLINT_MIN(64, (slong)fmpz_bits(M) - pred - 4));
    ulong *qv, *qvinv, *Mv, *w, *u, *yf;
    nmod_mat_struct *Xv;
    fmpz_t bound, prod, x, f, N, D;
    fmpq_t rat;
    crt_struct crt;
    fast_struct F = {0, NULL, NULL, NULL, NULL};
    double thr = ldexp(1.0, -(int)FLINT_MIN(dbits + 2, 30));
    int ok = 0, again, detect = (slong)fmpz_bits(M) >= dbits + 40;

    fmpz_init(bound);
    fmpz_init(prod);
    fmpz_init(x);
    fmpz_init_set_ui(f, 1);
    fmpz_init(N);
    fmpz_init(D);
    fmpq_init(rat);
    crt_init(&crt);
    /* |Z| <= 2 r a M + 2^64 d a (room for f < 2^64) */
    fmpz_mul_si(bound, amax, 2 * r);
    fmpz_mul(bound, bound, M);
    fmpz_mul_2exp(x, d, 64);
    fmpz_addmul(bound, amax, x);
    fmpz_set(prod, M);
    alloc = 2 + (fmpz_bits(amax) + FLINT_BIT_COUNT(r) + 66) / 59;
    qv = flint_malloc(alloc * sizeof(ulong));
    qvinv = flint_malloc(alloc * sizeof(ulong));
    Mv = flint_malloc(alloc * sizeof(ulong));
    Xv = flint_malloc(alloc * sizeof(nmod_mat_struct));
    while (fmpz_cmp(prod, bound) <= 0 && nv < alloc) {
        qv[nv] = _rs_primes_next(S);
        qvinv[nv] = n_preinvert_limb(qv[nv]);
        fmpz_mul_ui(prod, prod, qv[nv]);
        nmod_mat_init(Xv + nv, r, k, qv[nv]);
        nv++;
    }
    (*nprimes) += nv;
    if (detect) {
        fmpz_one_2exp(N, fmpz_bits(M) - dbits - 2);
        fmpz_one_2exp(D, dbits);
    }
    w = flint_malloc(nv * t * sizeof(ulong));
    u = flint_malloc(t * sizeof(ulong));
    yf = flint_malloc(t * sizeof(ulong));
    if (Xout == NULL) {
        fast_init(&F, R);
        for (v = 0; v < nv; v++)
            Mv[v] = fast_weights(w + v * t, &F, qv[v], qvinv[v]);
    }

    if (fmpz_cmp(prod, bound) > 0) {
        do {
            ok = 1;
            again = 0;
            misses = 0;
            if (Xout == NULL)
                for (s = 0; s < t; s++)
                    yf[s] = mulmod(F.y[s], fmpz_fdiv_ui(f, R->q[s]), R->q[s],
                                   F.qinv[s]);
            for (i = 0; ok && !again && i < r; i++)
                for (j = 0; ok && !again && j < k; j++) {
                    int odd = 0;
                    double sum = 0, kk = 0;
                    if (Xout == NULL) {
                        for (s = 0; s < t; s++) {
                            u[s] = mulmod(rs_nmod_mat_get(R->X + s, i, j),
                                          yf[s], R->q[s], F.qinv[s]);
                            sum += (double)u[s] * F.qrec[s];
                        }
                        kk = floor(sum + 0.5);
                        odd = detect && fabs(sum - kk) > thr;
                    } else {
                        crt_entry(x, &crt, R, i, j, f, M);
                        odd = detect && fmpz_cmpabs(x, N) > 0;
                    }
                    if (odd) {
                        /* Not a small integer: a missing denominator
                           factor, or too few primes (then give up soon). */
                        crt_entry(x, &crt, R, i, j, f, M);
                        fmpz_mod(x, x, M);
                        if (fmpq_reconstruct_fmpz_2(rat, x, M, N, D) &&
                            !fmpz_is_one(fmpq_denref(rat))) {
                            fmpz_mul(f, f, fmpq_denref(rat));
                            again = 1;
                        } else if (++misses > 4)
                            ok = 0; /* M is too small yet */
                        fmpz_smod(x, x, M);
                    }
                    for (v = 0; v < nv; v++) {
                        ulong val;
                        if (Xout == NULL) {
                            ulong sub = mulmod((ulong)kk % qv[v], Mv[v], qv[v],
                                               qvinv[v]);
                            val = dot_mod(u, w + v * t, t, qv[v], qvinv[v]);
                            val = val >= sub ? val - sub : val + (qv[v] - sub);
                        } else
                            val = fmpz_fdiv_ui(x, qv[v]);
                        rs_nmod_mat_set(Xv + v, i, j, val);
                    }
                    if (Xout != NULL)
                        fmpz_set(fmpz_mat_entry(Xout, i, j), x);
                }
        } while (ok && again && fmpz_bits(f) <= 64);
        if (again)
            ok = 0;
        fmpz_mul(x, f, d);
        for (v = 0; ok && v < nv; v++)
            ok = _rs_blocks_check_mod(K, Xv + v, x, qv[v]);
    }
    if (ok)
        fmpz_mul(d, d, f);

    if (Xout == NULL)
        fast_clear(&F);
    crt_clear(&crt);
    for (v = 0; v < nv; v++)
        nmod_mat_clear(Xv + v);
    flint_free(qv);
    flint_free(qvinv);
    flint_free(Mv);
    flint_free(Xv);
    flint_free(w);
    flint_free(u);
    flint_free(yf);
    fmpz_clear(bound);
    fmpz_clear(prod);
    fmpz_clear(x);
    fmpz_clear(f);
    fmpz_clear(N);
    fmpz_clear(D);
    fmpq_clear(rat);
    return ok;
}
