/* rank_blas: one matrix of bench/rank_blas.sh (issue 16): the certified
   rank of an n x n integer matrix of planted rank n/2, the product of
   random n x n/2 and n/2 x n factors, side by side with one FLINT
   nmod_mat_rank (uncertified, one prime) on the same number of threads.

     rank_blas [--threads T] [--repeat R] [--bits B | --range E]
               [--seed S] [--fmpz-max N] [--write FILE] n

   Entries of the factors: uniform in [-E, E] (--range, default 100) or
   B-bit (--bits, |entry| < 2^B).  The planted rank is proved, not assumed:
   rank <= n/2 by the shapes, and each factor has a nonzero n/2 x n/2 minor
   modulo a prime (nmod_mat_rank), hence rank F = rank G = n/2 and
   rank F G = n/2.  --write FILE also writes the matrix ("n n", then the
   entries) for the LinBox driver.  --fmpz-max N (default 400): for n <= N
   FLINT's exact fmpz_mat_rank checks the answer too.  Prints one line:
     n entries threads rank planted ok rankstrat method nmod fmpz
   (seconds; rankstrat and nmod best of R, default 3). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rankstrat.h"

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static void rand_factor(fmpz_mat_t F, flint_rand_t st, slong range, slong bits)
{
    slong i, j;
    for (i = 0; i < fmpz_mat_nrows(F); i++)
        for (j = 0; j < fmpz_mat_ncols(F); j++) {
            fmpz *e = fmpz_mat_entry(F, i, j);
            if (bits > 0) {
                fmpz_randbits(e, st, bits); /* random sign, < 2^bits */
            } else
                fmpz_set_si(e, (slong)n_randint(st, 2 * range + 1) - range);
        }
}

/* rank of F modulo a word-size prime: a proved lower bound. */
static slong rank_mod(const fmpz_mat_t F, ulong p)
{
    nmod_mat_t M;
    slong r;
    nmod_mat_init(M, fmpz_mat_nrows(F), fmpz_mat_ncols(F), p);
    fmpz_mat_get_nmod_mat(M, F);
    r = nmod_mat_rank(M);
    nmod_mat_clear(M);
    return r;
}

static const char *method_name(int method)
{
    switch (method) {
    case RS_RANK_TRIVIAL:
        return "trivial";
    case RS_RANK_FULL:
        return "full";
    case RS_RANK_DIXON:
        return "dixon";
    case RS_RANK_KERNEL:
        return "kernel";
    case RS_RANK_BOUND:
        return "bound";
    case RS_RANK_ELIM:
        return "elim";
    case RS_RANK_LIFT:
        return "lift";
    default:
        return "fallback";
    }
}

int main(int argc, char **argv)
{
    slong n = 0, h, threads = 1, repeat = 3, range = 100, bits = 0;
    slong seed = 1, fmpz_max = 400, r = -1, rn = -1, rf = -1, t, i, j;
    const char *write = NULL, *method = "-";
    double best_rs = 1e300, best_nmod = 1e300, tf = -1;
    ulong p = n_nextprime(UWORD(1) << 62, 1);
    flint_rand_t st;
    fmpz_mat_t F, G, A;
    int planted_ok;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--threads") == 0 && i + 1 < argc)
            threads = atol(argv[++i]);
        else if (strcmp(argv[i], "--repeat") == 0 && i + 1 < argc)
            repeat = atol(argv[++i]);
        else if (strcmp(argv[i], "--bits") == 0 && i + 1 < argc)
            bits = atol(argv[++i]);
        else if (strcmp(argv[i], "--range") == 0 && i + 1 < argc)
            range = atol(argv[++i]);
        else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
            seed = atol(argv[++i]);
        else if (strcmp(argv[i], "--fmpz-max") == 0 && i + 1 < argc)
            fmpz_max = atol(argv[++i]);
        else if (strcmp(argv[i], "--write") == 0 && i + 1 < argc)
            write = argv[++i];
        else if (n == 0 && atol(argv[i]) >= 2)
            n = atol(argv[i]);
        else {
            fprintf(stderr, "usage: rank_blas [--threads T] [--repeat R] "
                            "[--bits B | --range E] [--seed S] "
                            "[--fmpz-max N] [--write FILE] n\n");
            return 1;
        }
    }
    if (n == 0 || threads < 1 || repeat < 1 || bits > 200 || range < 1) {
        fprintf(stderr, "rank_blas: give n >= 2 and valid options\n");
        return 1;
    }
    h = n / 2;
    rs_rand_init(st);
    rs_rand_seed(st, (ulong)seed, (ulong)seed * 7919 + 1);
    fmpz_mat_init(F, n, h);
    fmpz_mat_init(G, h, n);
    fmpz_mat_init(A, n, n);
    rand_factor(F, st, range, bits);
    rand_factor(G, st, range, bits);
    fmpz_mat_mul(A, F, G);
    planted_ok = rank_mod(F, p) == h && rank_mod(G, p) == h;

    if (write != NULL) {
        FILE *f = fopen(write, "w");
        if (f == NULL) {
            perror(write);
            return 1;
        }
        fprintf(f, "%ld %ld\n", n, n);
        for (i = 0; i < n; i++) {
            for (j = 0; j < n; j++) {
                fmpz_fprint(f, fmpz_mat_entry(A, i, j));
                fputc(j + 1 < n ? ' ' : '\n', f);
            }
        }
        if (fclose(f) != 0) {
            perror(write);
            return 1;
        }
    }

    flint_set_num_threads((int)threads);
    for (t = 0; t < repeat; t++) {
        rs_rank_info_t info;
        nmod_mat_t M;
        double t0;
        rs_rank_info_init(info);
        info->threads = threads;
        t0 = now();
        r = rs_zmat_rank_info(A, info);
        t0 = now() - t0;
        method = method_name(info->method);
        if (t0 < best_rs)
            best_rs = t0;
        t0 = now();
        nmod_mat_init(M, n, n, n_nextprime(UWORD(1) << 60, 1));
        fmpz_mat_get_nmod_mat(M, A);
        rn = nmod_mat_rank(M);
        nmod_mat_clear(M);
        t0 = now() - t0;
        if (t0 < best_nmod)
            best_nmod = t0;
    }
    if (n <= fmpz_max) {
        tf = now();
        rf = fmpz_mat_rank(A);
        tf = now() - tf;
    }
    printf("%ld %s %ld %ld %ld %s %.4f %s %.4f ", n,
           bits > 0 ? "bits" : "range", threads, r, h,
           planted_ok && r == h && (rf < 0 || rf == h) ? "yes" : "NO", best_rs,
           method, best_nmod);
    if (tf >= 0)
        printf("%.4f\n", tf);
    else
        printf("-\n");
    (void)rn;
    fmpz_mat_clear(F);
    fmpz_mat_clear(G);
    fmpz_mat_clear(A);
    rs_rand_clear(st);
    flint_cleanup_master();
    return 0;
}
