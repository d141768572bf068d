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
    } else if (!rs_barcode_randtest(B, d, L, r, st)) {
        fprintf(stderr, "gen_planted: --rank exceeds a width\n");
        return 1;
    }
    rs_net_init_empty(N);
    rs_net_set_canonical(N, B);
    G = flint_malloc((L + 1) * sizeof(fmpq_mat_struct));
    Gs = flint_calloc(L + 1, sizeof(fmpq_mat_struct *));
    for (k = 0; k <= L; k++) {
        fmpz_mat_t Z;
        fmpq_mat_init(G + k, d[k], d[k]);
        if (keep && (k == 0 || k == L))
            continue;
        /* unimodular moves keep integer weights integral */
        fmpz_mat_init(Z, d[k], d[k]);
        rs_zmat_randunimodular(Z, st, (flint_bitcnt_t)bits);
        fmpq_mat_set_fmpz_mat(G + k, Z);
        fmpz_mat_clear(Z);
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
