/* gen_planted: writes a random network of a known stratum (a benchmark and
   example generator, not a test).

     gen_planted --dims 32,32,32,32,32 (--rank 8 | --barcode 0-4x8,...)
                 [--seed S] [--bits B] [--keep-product]

   The network is the canonical point of the barcode (a random one of the
   fiber of rank r when --rank is given, chosen layer by layer: which alive
   strands die is random) moved by random invertible integer matrices G_k
   with det +-1 and entries of about B bits (default 2) at every layer:
   W_k <- G_k W_k G_{k-1}^{-1}.  The barcode is unchanged; so is W = mu(theta)
   with --keep-product (then G_0 = G_L = I).  The network is written to
   standard output in the text format; the barcode goes to standard error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rankstrat.h"

static slong rand_small(flint_rand_t st, slong bits)
{
    slong bound = WORD(1) << bits;
    return (slong)n_randint(st, 2 * bound + 1) - bound;
}

/* L U P with unit triangular L, U (U with random signs): det = +-1. */
static void rand_unimodular(fmpq_mat_t G, flint_rand_t st, slong bits)
{
    slong n = fmpq_mat_nrows(G), i, j;
    fmpz_mat_t Lo, Up, P;
    fmpz_mat_init(Lo, n, n);
    fmpz_mat_init(Up, n, n);
    fmpz_mat_init(P, n, n);
    for (i = 0; i < n; i++) {
        fmpz_one(fmpz_mat_entry(Lo, i, i));
        fmpz_set_si(fmpz_mat_entry(Up, i, i), n_randint(st, 2) ? 1 : -1);
        for (j = 0; j < i; j++) {
            fmpz_set_si(fmpz_mat_entry(Lo, i, j), rand_small(st, bits));
            fmpz_set_si(fmpz_mat_entry(Up, j, i), rand_small(st, bits));
        }
    }
    fmpz_mat_mul(P, Lo, Up);
    for (i = n - 1; i > 0; i--) {
        j = (slong)n_randint(st, (ulong)i + 1);
        if (j != i)
            fmpz_mat_swap_rows(P, NULL, i, j);
    }
    fmpq_mat_set_fmpz_mat(G, P);
    fmpz_mat_clear(Lo);
    fmpz_mat_clear(Up);
    fmpz_mat_clear(P);
}

/* A random barcode of the fiber of rank r: at each layer, the strands of
   each birth class that continue are chosen at random (the [0,L] class
   keeps at least r, exactly r at the end). */
static int rand_barcode(rs_barcode_t B, const slong *d, slong L, slong r,
                        flint_rand_t st)
{
    slong k, i, *a, *n;
    for (k = 0; k <= L; k++)
        if (d[k] < r)
            return 0;
    a = flint_calloc(L + 2, sizeof(slong));
    n = flint_calloc(L + 2, sizeof(slong));
    a[0] = d[0];
    for (k = 0; k < L; k++) {
        slong budget = d[k + 1], hi0 = FLINT_MIN(a[0], budget);
        n[0] = (k + 1 == L) ? r : r + (slong)n_randint(st, hi0 - r + 1);
        budget -= n[0];
        for (i = 1; i <= k; i++) {
            slong hi = FLINT_MIN(a[i], budget);
            n[i] = (slong)n_randint(st, hi + 1);
            budget -= n[i];
        }
        n[k + 1] = budget;
        for (i = 0; i <= k; i++)
            rs_barcode_set_entry(B, i, k, a[i] - n[i]);
        for (i = 0; i <= k + 1; i++)
            a[i] = n[i];
    }
    for (i = 0; i <= L; i++)
        rs_barcode_set_entry(B, i, L, a[i]);
    flint_free(a);
    flint_free(n);
    return 1;
}

static int usage(void)
{
    fprintf(stderr, "usage: gen_planted --dims D0,D1,... (--rank R | "
                    "--barcode BARS) [--seed S] [--bits B] "
                    "[--keep-product]\n");
    return 1;
}

int main(int argc, char **argv)
{
    const char *dims = NULL, *rank = NULL, *bars = NULL;
    slong *d = NULL, L = 0, r = 0, seed = 1, bits = 2, k, i;
    int keep = 0;
    rs_error_t err;
    rs_barcode_t B;
    rs_net_t N;
    flint_rand_t st;
    fmpq_mat_struct *G, **Gs;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--keep-product") == 0)
            keep = 1;
        else if (i + 1 < argc && strcmp(argv[i], "--dims") == 0)
            dims = argv[++i];
        else if (i + 1 < argc && strcmp(argv[i], "--rank") == 0)
            rank = argv[++i];
        else if (i + 1 < argc && strcmp(argv[i], "--barcode") == 0)
            bars = argv[++i];
        else if (i + 1 < argc && strcmp(argv[i], "--seed") == 0)
            seed = atol(argv[++i]);
        else if (i + 1 < argc && strcmp(argv[i], "--bits") == 0) {
            bits = atol(argv[++i]); /* FLINT_MIN evaluates twice */
            bits = FLINT_MAX(0, FLINT_MIN(20, bits));
        } else
            return usage();
    }
    rs_error_init(err);
    if (dims == NULL || (rank == NULL) == (bars == NULL))
        return usage();
    if (rs_parse_dims(&d, &L, dims, "--dims", err) ||
        (rank && rs_parse_slong(&r, rank, WORD_MAX, "--rank", err))) {
        fprintf(stderr, "gen_planted: %s\n", err->msg);
        return 1;
    }
    rs_rand_init(st);
    rs_rand_seed(st, (ulong)seed, (ulong)seed * 7919 + 17);
    rs_barcode_init(B, L);
    if (bars != NULL) {
        if (rs_parse_barcode(B, L, bars, "--barcode", err)) {
            fprintf(stderr, "gen_planted: %s\n", err->msg);
            return 1;
        }
        r = rs_barcode_rank(B);
        if (!rs_barcode_is_valid(B, d, r)) {
            fprintf(stderr, "gen_planted: the barcode does not have the "
                            "widths --dims\n");
            return 1;
        }
    } else if (!rand_barcode(B, d, L, r, st)) {
        fprintf(stderr, "gen_planted: --rank exceeds a width\n");
        return 1;
    }
    rs_net_init_empty(N);
    rs_net_set_canonical(N, B);
    G = flint_malloc((L + 1) * sizeof(fmpq_mat_struct));
    Gs = flint_calloc(L + 1, sizeof(fmpq_mat_struct *));
    for (k = 0; k <= L; k++) {
        fmpq_mat_init(G + k, d[k], d[k]);
        if (keep && (k == 0 || k == L))
            continue;
        rand_unimodular(G + k, st, bits);
        Gs[k] = G + k;
    }
    rs_net_act(N, (const fmpq_mat_struct *const *)Gs);
    printf("# planted: barcode ");
    rs_barcode_fprint(stdout, B);
    printf(", seed %ld, bits %ld%s\n", (long)seed, (long)bits,
           keep ? ", canonical product" : "");
    rs_net_fprint(stdout, N);
    rs_barcode_fprint(stderr, B);
    fputc('\n', stderr);
    for (k = 0; k <= L; k++)
        fmpq_mat_clear(G + k);
    flint_free(G);
    flint_free(Gs);
    rs_net_clear(N);
    rs_barcode_clear(B);
    rs_rand_clear(st);
    flint_free(d);
    return 0;
}
