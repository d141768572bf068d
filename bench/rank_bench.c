/* Benchmark 1 of issue 6: exact rank of n x n integer matrices of rank n/2
   (the product of random n x n/2 and n/2 x n factors with entries in
   [-100, 100]), side by side in one run:
     rankstrat  rs_zmat_rank (certified),
     fmpz       FLINT's fmpz_mat_rank (fraction-free, exact),
     nmod       one nmod_mat_rank modulo a word-size prime (a lower bound
                only: the speed limit for a certified rank),
     modular    rs_zmat_rank without the double-precision lifting (the
                word-size modular certificates alone), for comparison.
   rankstrat and nmod are the best of --repeat runs (default 3), the
   others one run.
   Usage: rank_bench [--max-fmpz N] [--threads T] [--repeat R] [n ...]
   (default sizes 100 200 400 800; fmpz_mat_rank is skipped above
   --max-fmpz, default 800; --threads is passed to rs_zmat_rank_info,
   default 0 = automatic). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "rankstrat.h"

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static void rand_entries(fmpz_mat_t F, flint_rand_t state)
{
    slong i, j;
    for (i = 0; i < fmpz_mat_nrows(F); i++)
        for (j = 0; j < fmpz_mat_ncols(F); j++)
            fmpz_set_si(fmpz_mat_entry(F, i, j),
                        (slong)n_randint(state, 201) - 100);
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
    slong sizes[32], nsizes = 0, max_fmpz = 800, threads = 0, repeat = 3, s;
    flint_rand_t state;
    int i;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--max-fmpz") == 0 && i + 1 < argc)
            max_fmpz = atol(argv[++i]);
        else if (strcmp(argv[i], "--threads") == 0 && i + 1 < argc)
            threads = atol(argv[++i]);
        else if (strcmp(argv[i], "--repeat") == 0 && i + 1 < argc &&
                 atol(argv[i + 1]) > 0)
            repeat = atol(argv[++i]);
        else if (nsizes < 32 && atol(argv[i]) > 0)
            sizes[nsizes++] = atol(argv[i]);
        else {
            fprintf(stderr,
                    "usage: %s [--max-fmpz N] [--threads T] [--repeat R] "
                    "[n ...]\n",
                    argv[0]);
            return 1;
        }
    }
    if (nsizes == 0) {
        sizes[0] = 100;
        sizes[1] = 200;
        sizes[2] = 400;
        sizes[3] = 800;
        nsizes = 4;
    }

    rs_rand_init(state);
    rs_rand_seed(state, 20261127UL, 42UL);
    printf("# rank of n x n integer matrices of rank n/2 (factors with "
           "entries in [-100, 100])\n");
    printf("# cores online: %ld; rankstrat threads: %ld (0 = automatic)\n",
           sysconf(_SC_NPROCESSORS_ONLN), (long)threads);
    printf("%5s %5s %10s %10s %10s %12s %12s %7s %7s %3s %10s\n", "n", "rank",
           "rankstrat", "fmpz", "nmod", "rs/nmod", "fmpz/rs", "primes",
           "method", "ok", "modular");
    for (s = 0; s < nsizes; s++) {
        slong n = sizes[s], h = n / 2, r_rs = -1, r_fmpz = -1, r_nmod = -1;
        slong r_mod, t;
        double t_rs = 1e300, t_fmpz = -1, t_nmod = 1e300, t_mod, t0;
        fmpz_mat_t F, G, A;
        nmod_mat_t Am;
        rs_rank_info_t info;
        ulong p = n_nextprime(UWORD(1) << 59, 1);

        fmpz_mat_init(F, n, h);
        fmpz_mat_init(G, h, n);
        fmpz_mat_init(A, n, n);
        rand_entries(F, state);
        rand_entries(G, state);
        fmpz_mat_mul(A, F, G);

        for (t = 0; t < repeat; t++) {
            rs_rank_info_init(info);
            info->threads = threads;
            t0 = now();
            r_rs = rs_zmat_rank_info(A, info);
            t_rs = FLINT_MIN(t_rs, now() - t0);

            t0 = now();
            nmod_mat_init(Am, n, n, p);
            fmpz_mat_get_nmod_mat(Am, A);
            r_nmod = nmod_mat_rank(Am);
            nmod_mat_clear(Am);
            t_nmod = FLINT_MIN(t_nmod, now() - t0);
        }

        if (n <= max_fmpz) {
            t_fmpz = now();
            r_fmpz = fmpz_mat_rank(A);
            t_fmpz = now() - t_fmpz;
        }

        printf("%5ld %5ld %10.4f ", (long)n, (long)r_rs, t_rs);
        if (t_fmpz >= 0)
            printf("%10.4f ", t_fmpz);
        else
            printf("%10s ", "-");
        printf("%10.4f %12.2f ", t_nmod, t_rs / t_nmod);
        if (t_fmpz >= 0)
            printf("%12.2f ", t_fmpz / t_rs);
        else
            printf("%12s ", "-");
        {
            rs_rank_info_t mod;
            rs_rank_info_init(mod);
            mod->threads = threads;
            mod->lift = 0;
            t_mod = now();
            r_mod = rs_zmat_rank_info(A, mod);
            t_mod = now() - t_mod;
        }
        printf("%7ld %7s %3s %10.4f\n", (long)info->primes,
               method_name(info->method),
               (r_rs == h && r_nmod == h && r_mod == h &&
                (r_fmpz < 0 || r_fmpz == h))
                   ? "yes"
                   : "NO",
               t_mod);
        fflush(stdout);
        fmpz_mat_clear(F);
        fmpz_mat_clear(G);
        fmpz_mat_clear(A);
    }
    rs_rand_clear(state);
    flint_cleanup_master();
    return 0;
}
