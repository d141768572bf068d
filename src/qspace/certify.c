/* The certified rank (and, on request, the exact kernel data X, d) of an
   integer matrix.  See qspace_internal.h for the plan; the two exact
   arguments are spelled out where they are used. */
#include "qspace_internal.h"
#include "blas.h"

enum { CERT_DONE, CERT_HIGHER, CERT_FAILED };

/* Whether to lift the k right-hand sides p-adically (Dixon) rather than
   to run the CRT path.  Lifting costs one inverse of B plus about
   2 log|det B| / 60 products of size r x r x k on one thread; every prime
   of the CRT path costs an LU of B plus products of the same kind, and the
   primes spread over the threads.  Measured on this machine class (FLINT
   2.9, one thread), the costs cross near k = r / 20 for r = 100..400. */
static int use_dixon(slong r, slong k, slong threads)
{
    return k <= 2 || 20 * threads * k <= r;
}

void _rs_cert_init(rs_cert_struct *C, slong m, slong n)
{
    _rs_profile_init(&C->P, m, n);
    fmpz_mat_init(C->X, 0, 0);
    fmpz_init_set_ui(C->den, 1);
    C->last_prime = 0;
}

void _rs_cert_clear(rs_cert_struct *C)
{
    _rs_profile_clear(&C->P);
    fmpz_mat_clear(C->X);
    fmpz_clear(C->den);
}

static void set_X_zero(rs_cert_struct *C, slong r, slong k)
{
    fmpz_mat_clear(C->X);
    fmpz_mat_init(C->X, r, k);
    fmpz_one(C->den);
}

/* ---- one batch of primes, possibly on several threads ------------------ */

typedef struct {
    const rs_blocks_struct *K;
    const ulong *q;
    nmod_mat_struct *X;
    int *status;
} batch_struct;

static void batch_worker(void *arg, slong i)
{
    batch_struct *b = arg;
    b->status[i] = _rs_blocks_solve_mod(b->X + i, b->K, b->q[i]);
}

/* d = common denominator of B^{-1} RN w for two random integer vectors w
   (generically the common denominator of all of B^{-1} RN); pred = bits of
   the largest numerator, a guess for the size of d B^{-1} RN.  Returns 0 if
   B is singular (impossible for a profile, but never assumed). */
static int guess_denominator(fmpz_t d, slong *pred, const rs_blocks_struct *K)
{
    slong r = K->r, k = K->k, s = FLINT_MIN(k, 2), i, j;
    ulong seed = _rs_mix64((ulong)(r * 1000003 + k));
    fmpz_mat_t W, b, x;
    int ok;

    fmpz_mat_init(W, k, s);
    fmpz_mat_init(b, r, s);
    fmpz_mat_init(x, r, s);
    for (i = 0; i < k; i++)
        for (j = 0; j < s; j++) {
            seed = _rs_mix64(seed);
            fmpz_set_si(fmpz_mat_entry(W, i, j), (slong)(seed % 511) - 255);
        }
    fmpz_mat_mul(b, K->RN, W);
    ok = fmpz_mat_solve_dixon_den(x, d, K->B, b);
    if (ok) {
        if (fmpz_sgn(d) < 0)
            fmpz_neg(d, d);
        *pred = FLINT_ABS(fmpz_mat_max_bits(x));
    }
    fmpz_mat_clear(W);
    fmpz_mat_clear(b);
    fmpz_mat_clear(x);
    return ok;
}

/* Whether L X = den R exactly (L, R: l rows; nothing to check if l = 0). */
static int rows_hold(const fmpz_mat_t L, const fmpz_mat_t R, const fmpz_mat_t X,
                     const fmpz_t den)
{
    slong l = fmpz_mat_nrows(L), k = fmpz_mat_ncols(R);
    int ok = 1;
    fmpz_mat_t T, U;
    if (l > 0 && k > 0) {
        fmpz_mat_init(T, l, k);
        fmpz_mat_init(U, l, k);
        fmpz_mat_mul(T, L, X);
        fmpz_mat_scalar_mul_fmpz(U, R, den);
        ok = fmpz_mat_equal(T, U);
        fmpz_mat_clear(T);
        fmpz_mat_clear(U);
    }
    return ok;
}

/* Keeps X, den (den made positive) as the certificate's kernel data. */
static void take_solution(rs_cert_struct *C, fmpz_mat_t X, fmpz_t den)
{
    if (fmpz_sgn(den) < 0) {
        fmpz_neg(den, den);
        fmpz_mat_neg(X, X);
    }
    fmpz_mat_swap(C->X, X);
    fmpz_swap(C->den, den);
}

/* X = den B^{-1} RN by p-adic lifting, then the exact check
   A[:, C] X = den A[:, N] (rows R and the others): every non-pivot column
   of A is in the span of the pivot columns, rank A <= r; and B, which
   lifting needs nonsingular, gives rank A >= r. */
static int dixon_path(rs_cert_struct *C, const rs_blocks_struct *K,
                      rs_rank_info_struct *info)
{
    int ok;
    fmpz_mat_t X;
    fmpz_t den;
    fmpz_mat_init(X, K->r, K->k);
    fmpz_init(den);
    ok = fmpz_mat_solve_dixon_den(X, den, K->B, K->RN) && !fmpz_is_zero(den);
    info->primes++;
    ok =
        ok && rows_hold(K->B, K->RN, X, den) && rows_hold(K->LC, K->LN, X, den);
    if (ok) {
        take_solution(C, X, den);
        info->method = RS_RANK_DIXON;
    }
    fmpz_mat_clear(X);
    fmpz_clear(den);
    return ok;
}

/* Exact X once rank = r is certified: rows outside R are combinations of
   the rows R, so B X = den RN (checked) gives A[:, C] X = den A[:, N]. */
static int exact_solution(rs_cert_struct *C, const rs_blocks_struct *K)
{
    fmpz_mat_t X;
    fmpz_t den;
    int ok;
    fmpz_mat_init(X, K->r, K->k);
    fmpz_init(den);
    ok = fmpz_mat_solve(X, den, K->B, K->RN) && !fmpz_is_zero(den) &&
         rows_hold(K->B, K->RN, X, den);
    if (ok)
        take_solution(C, X, den);
    fmpz_mat_clear(X);
    fmpz_clear(den);
    return ok;
}

static slong auto_threads(const rs_blocks_struct *K, slong threads)
{
    double r = (double)K->r, k = (double)K->k, l = (double)(K->m - K->r);
    double work = r * r * r / 3 + r * r * k + l * r * k;
    if (threads > 0)
        return threads;
    if (work < 4.0e6)
        return 1;
    return FLINT_MIN(_rs_cpu_count(), 8);
}

/* Certifies rank = K->r for the profile behind K, or finds a prime modulo
   which the rank is larger (*witness).  The lower bound: B = A[R, C] is
   nonsingular modulo the profile's prime, so det B != 0 over Z. */
static int certify_blocks(rs_cert_struct *C, const rs_blocks_struct *K,
                          int want, ulong profile_prime, rs_primes_struct *S,
                          rs_rank_info_struct *info, ulong *witness)
{
    slong r = K->r, k = K->k, pred = 0, threads, next_check, fails = 0;
    slong i, b;
    int status = CERT_FAILED, keep, rank_done;
    fmpz_t d, M, M2, H2, amax;
    rs_residues_struct R;
    ulong *q;
    nmod_mat_struct *Xb;
    int *st;
    batch_struct batch;

    threads = auto_threads(K, info->threads);
    if (info->lift) {
        /* Exact lifting in doubles (in limbs for large entries) is the
           fastest certificate (lift.c); it gives X as well. */
        fmpz_mat_t X;
        fmpz_t den;
        int lifted;
        fmpz_mat_init(X, want ? r : 0, want ? k : 0);
        fmpz_init(den);
        lifted = _rs_lift_certify(K, threads, profile_prime, &info->primes,
                                  want ? X : NULL, want ? den : NULL);
        if (lifted == 1 && want)
            take_solution(C, X, den);
        fmpz_mat_clear(X);
        fmpz_clear(den);
        if (lifted == 1) {
            info->method = RS_RANK_LIFT;
            return CERT_DONE;
        }
        if (lifted == -1)
            return CERT_FAILED; /* the rank is higher: a fresh profile */
    }
    if (use_dixon(r, k, threads) && dixon_path(C, K, info))
        return CERT_DONE;

    fmpz_init(d);
    fmpz_init(M);
    fmpz_init(M2);
    fmpz_init(H2);
    fmpz_init(amax);
    _rs_residues_init(&R);
    q = flint_malloc(threads * sizeof(ulong));
    Xb = flint_malloc(threads * sizeof(nmod_mat_struct));
    st = flint_malloc(threads * sizeof(int));

    if (!guess_denominator(d, &pred, K)) {
        status = CERT_FAILED;
        goto cleanup;
    }
    info->primes++;
    _rs_blocks_bordered_bound2(H2, K);
    /* No bordered minor (r = m): B alone certifies the rank. */
    rank_done = fmpz_is_zero(H2);
    {
        const fmpz_mat_struct *blocks[4] = {K->B, K->RN, K->LC, K->LN};
        for (i = 0; i < 4; i++) {
            slong bits = FLINT_ABS(fmpz_mat_max_bits(blocks[i]));
            if (bits >= (slong)fmpz_bits(amax))
                fmpz_one_2exp(amax, bits); /* 2^bits > every |entry| */
        }
    }
    /* Keep residues for the kernel path if we need X, or if it should end
       before the Hadamard bound does. */
    keep = want || (slong)(fmpz_bits(H2) / 2) > pred + 128;
    next_check = pred + 24;
    fmpz_one(M);

    if (rank_done && !want) {
        info->method = RS_RANK_FULL;
        status = CERT_DONE;
        goto cleanup;
    }

    while (1) {
        batch.K = K;
        batch.q = q;
        batch.X = Xb;
        batch.status = st;
        for (b = 0; b < threads; b++) {
            q[b] = _rs_primes_next(S);
            nmod_mat_init(Xb + b, r, k, q[b]);
        }
        _rs_blas_serial_begin();
        _rs_parallel_for(threads, threads, batch_worker, &batch);
        _rs_blas_serial_end();
        info->primes += threads;
        for (b = 0; b < threads; b++) {
            if (st[b] == -1 && status != CERT_HIGHER) {
                status = CERT_HIGHER;
                *witness = q[b];
            }
            if (st[b] == 1 && status != CERT_HIGHER) {
                fmpz_mul_ui(M, M, q[b]);
                if (keep) {
                    nmod_mat_scalar_mul(Xb + b, Xb + b, fmpz_fdiv_ui(d, q[b]));
                    _rs_residues_push(&R, q[b], Xb + b);
                    continue;
                }
            }
            nmod_mat_clear(Xb + b);
        }
        if (status == CERT_HIGHER)
            goto cleanup;

        /* The bound argument: the Schur complement S of B vanished modulo
           every prime of M (B invertible there), so every bordered minor
           det(B) S_ij, at most sqrt(H2) in absolute value, is divisible by
           M; once M^2 > H2 they are all zero, so S = 0 and rank A = r. */
        fmpz_mul(M2, M, M);
        if (!rank_done && fmpz_cmp(M2, H2) > 0) {
            info->method = RS_RANK_BOUND;
            status = (!want || exact_solution(C, K)) ? CERT_DONE : CERT_FAILED;
            goto cleanup;
        }

        if (keep && R.len > 0 && (slong)fmpz_bits(M) >= next_check) {
            fmpz_mat_t X;
            fmpz_mat_init(X, want ? r : 0, want ? k : 0);
            if (_rs_residues_check(&R, K, d, M, amax, pred, S, want ? X : NULL,
                                   &info->primes)) {
                if (want) {
                    fmpz_mat_swap(C->X, X);
                    fmpz_set(C->den, d);
                }
                fmpz_mat_clear(X);
                info->method = RS_RANK_KERNEL;
                status = CERT_DONE;
                goto cleanup;
            }
            fmpz_mat_clear(X);
            fails++;
            next_check = fmpz_bits(M) + FLINT_MAX(64, fmpz_bits(M) / 4);
            if (fails >= 3) {
                /* d is probably not the full denominator. */
                _rs_residues_clear(&R);
                keep = 0;
                if (rank_done) {
                    /* r = m: certified already; only X is missing. */
                    info->method = RS_RANK_FULL;
                    status = exact_solution(C, K) ? CERT_DONE : CERT_FAILED;
                    goto cleanup;
                }
                /* Go on to the bound; with want it ends in exact_solution. */
            }
        }
    }

cleanup:
    _rs_residues_clear(&R);
    flint_free(q);
    flint_free(Xb);
    flint_free(st);
    fmpz_clear(d);
    fmpz_clear(M);
    fmpz_clear(M2);
    fmpz_clear(H2);
    fmpz_clear(amax);
    return status;
}

/* Fraction-free elimination (FLINT), exact but slow on large inputs. */
slong _rs_cert_fallback(rs_cert_struct *C, const fmpz_mat_t A, int want,
                        rs_rank_info_struct *info)
{
    slong m = fmpz_mat_nrows(A), n = fmpz_mat_ncols(A), r, i, j, l;
    info->method = RS_RANK_FALLBACK;
    _rs_profile_zero(&C->P);
    C->last_prime = 0;
    if (!want) {
        r = fmpz_mat_rank(A);
        C->P.r = r;
        return r;
    } else {
        fmpz_mat_t E;
        char *piv = flint_calloc(FLINT_MAX(n, 1), 1);
        fmpz_mat_init(E, m, n);
        r = fmpz_mat_rref_fflu(E, C->den, A);
        if (fmpz_sgn(C->den) < 0) {
            fmpz_neg(C->den, C->den);
            fmpz_mat_neg(E, E);
        }
        for (i = 0, j = 0; i < r; i++, j++) {
            while (fmpz_is_zero(fmpz_mat_entry(E, i, j)))
                j++;
            C->P.cols[i] = j;
            piv[j] = 1;
        }
        for (j = 0, l = r; j < n; j++)
            if (!piv[j])
                C->P.cols[l++] = j;
        C->P.r = r;
        fmpz_mat_clear(C->X);
        fmpz_mat_init(C->X, r, n - r);
        for (i = 0; i < r; i++)
            for (l = 0; l < n - r; l++)
                fmpz_set(fmpz_mat_entry(C->X, i, l),
                         fmpz_mat_entry(E, i, C->P.cols[r + l]));
        fmpz_mat_clear(E);
        flint_free(piv);
        return r;
    }
}

slong _rs_zmat_certify(rs_cert_struct *C, const fmpz_mat_t A, int want_solution,
                       ulong prime_start, rs_rank_info_struct *info)
{
    slong m = fmpz_mat_nrows(A), n = fmpz_mat_ncols(A), r;
    rs_rank_info_struct local;
    rs_primes_struct S;
    ulong p;

    if (info == NULL) {
        rs_rank_info_init(&local);
        info = &local;
    }
    info->primes = 0;
    info->restarts = 0;

    if (m == 0 || n == 0 || fmpz_mat_is_zero(A)) {
        _rs_profile_zero(&C->P);
        set_X_zero(C, 0, n);
        info->method = RS_RANK_TRIVIAL;
        return 0;
    }

    if (FLINT_MIN(m, n) <= RS_SMALL_DIM && prime_start == 0) {
        /* Fraction-free elimination is exact and, for so few pivots,
           faster than any modular set-up (measured crossover: 20-24). */
        r = _rs_cert_fallback(C, A, want_solution, info);
        info->method = RS_RANK_ELIM;
        return r;
    }

    _rs_primes_init(&S, m, n, prime_start);
    /* With lifting allowed, the first profile is taken modulo the
       lifting's prime when the entries allow one: it is about twice as fast
       as a word-size prime and hands the lifting B mod p.  Such a prime is
       no more trusted than any other: the lifting proves the rank or shows
       it higher. */
    p = (info->lift && prime_start == 0) ? _rs_lift_prime(A) : 0;
    if (p == 0)
        p = _rs_primes_next(&S);
    r = _rs_profile_mod(&C->P, A, p);
    info->primes++;

    while (1) {
        rs_blocks_struct K;
        int status;
        ulong witness = 0;

        if (info->restarts > RS_MAX_RESTARTS) {
            r = _rs_cert_fallback(C, A, want_solution, info);
            break;
        }
        if (r == 0) {
            /* A != 0 but A = 0 mod p: p divides every entry. */
            p = _rs_primes_next(&S);
            r = _rs_profile_mod(&C->P, A, p);
            info->primes++;
            info->restarts++;
            continue;
        }
        if (r == n || (!want_solution && r == m)) {
            /* r = min(m, n): the nonsingular minor is the whole proof. */
            if (want_solution)
                set_X_zero(C, r, n - r);
            info->method = RS_RANK_FULL;
            break;
        }
        _rs_blocks_init(&K, A, &C->P);
        status = certify_blocks(C, &K, want_solution, p, &S, info, &witness);
        _rs_blocks_clear(&K);
        if (status == CERT_DONE)
            break;
        info->restarts++;
        p = status == CERT_HIGHER ? witness : _rs_primes_next(&S);
        r = _rs_profile_mod(&C->P, A, p);
        info->primes++;
    }
    C->last_prime = S.last;
    return r;
}
