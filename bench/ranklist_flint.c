/* ranklist_flint: the rank list r_ji = rank W_ji of a network computed
   product by product with FLINT alone (benchmark 2 of issue 6, the
   baseline of bench/analyze_bench.sh), and rankstrat's rs_net_ranks on the
   same network read once, for a side-by-side time of the rank list itself.

     ranklist_flint [--method fmpz|rankstrat|both] NETWORK

   fmpz:      every W_ji = W_j W_{j-1,i} by fmpq_mat_mul (each product from
              the previous one), denominators cleared, then fmpz_mat_rank
              (fraction-free elimination: FLINT's exact rank);
   rankstrat: rs_net_ranks (certified, shared work, no full products).
   Prints one line per method: "METHOD SECONDS r_10 r_20 r_21 r_30 ..."
   (the r_ji for j = 1..L, i = 0..j-1, parsing excluded from the time). */
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

static void print_line(const char *name, double secs, const rs_ranks_t R)
{
    slong L = R->L, i, j;
    printf("%s %.6f", name, secs);
    for (j = 1; j <= L; j++)
        for (i = 0; i < j; i++)
            printf(" %ld", (long)rs_ranks_get(R, i, j));
    printf("\n");
    fflush(stdout);
}

/* Product by product with FLINT: W_{ji} = W_j W_{j-1,i}, rank by
   fmpz_mat_rank of the product with its denominators cleared. */
static void ranks_fmpz(rs_ranks_t R, const rs_net_t N)
{
    slong L = rs_net_num_layers(N), i, j;
    fmpq_mat_t P, Q;
    fmpz_mat_t Z;
    fmpz_t den;
    fmpz_init(den);
    for (i = 0; i <= L; i++)
        rs_ranks_set_entry(R, i, i, rs_net_width(N, i));
    for (i = 0; i < L; i++) {
        fmpq_mat_init(P, rs_net_width(N, i + 1), rs_net_width(N, i));
        fmpq_mat_set(P, rs_net_weight(N, i + 1));
        for (j = i + 1; j <= L; j++) {
            if (j > i + 1) {
                fmpq_mat_init(Q, rs_net_width(N, j), rs_net_width(N, i));
                fmpq_mat_mul(Q, rs_net_weight(N, j), P);
                fmpq_mat_swap(P, Q);
                fmpq_mat_clear(Q);
            }
            fmpz_mat_init(Z, rs_net_width(N, j), rs_net_width(N, i));
            fmpq_mat_get_fmpz_mat_matwise(Z, den, P);
            rs_ranks_set_entry(R, i, j, fmpz_mat_rank(Z));
            fmpz_mat_clear(Z);
        }
        fmpq_mat_clear(P);
    }
    fmpz_clear(den);
}

int main(int argc, char **argv)
{
    const char *method = "both", *path = NULL;
    rs_net_t N;
    rs_ranks_t R;
    rs_error_t err;
    double t0;
    int i;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--method") == 0 && i + 1 < argc)
            method = argv[++i];
        else if (path == NULL)
            path = argv[i];
        else
            path = NULL, i = argc;
    }
    if (path == NULL ||
        (strcmp(method, "fmpz") && strcmp(method, "rankstrat") &&
         strcmp(method, "both"))) {
        fprintf(
            stderr,
            "usage: ranklist_flint [--method fmpz|rankstrat|both] NETWORK\n");
        return 2;
    }
    rs_error_init(err);
    rs_net_init_empty(N);
    if (rs_net_read(N, path, NULL, err)) {
        fprintf(stderr, "ranklist_flint: %s\n", err->msg);
        return 1;
    }
    rs_ranks_init(R, rs_net_num_layers(N));
    if (strcmp(method, "fmpz") != 0) {
        t0 = now();
        rs_net_ranks(R, N);
        print_line("rankstrat", now() - t0, R);
    }
    if (strcmp(method, "rankstrat") != 0) {
        t0 = now();
        ranks_fmpz(R, N);
        print_line("fmpz", now() - t0, R);
    }
    rs_ranks_clear(R);
    rs_net_clear(N);
    flint_cleanup_master();
    return 0;
}
