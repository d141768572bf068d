/* Times the covering pairs of one fiber by the local rule and by the naive
   all-pairs transitive reduction (library calls only, repeated until each
   has run for at least half a second) and prints one table row:
   "d r strata covers local_ms naive_ms ratio".  Used by strata_bench.sh. */
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

static double time_covers(const rs_strata_t S, int naive, slong *ncovers)
{
    double t0 = now(), t;
    slong reps = 0;
    rs_error_t err;
    rs_error_init(err);
    do {
        rs_covers_t C;
        rs_covers_init(C);
        if (naive)
            rs_strata_covers_naive(C, S);
        else if (rs_strata_covers(C, S, err) != RS_OK) {
            fprintf(stderr, "%s\n", err->msg);
            exit(3);
        }
        *ncovers = C->n;
        rs_covers_clear(C);
        reps++;
        t = now();
    } while (t - t0 < 0.5);
    return 1000.0 * (t - t0) / (double)reps;
}

int main(int argc, char **argv)
{
    slong d[64], L = 0, r, nl, nn;
    char *s, *tok;
    rs_strata_t S;
    rs_error_t err;
    double tl, tn;
    if (argc != 3) {
        fprintf(stderr, "usage: %s D R\n", argv[0]);
        return 1;
    }
    s = strdup(argv[1]);
    for (tok = strtok(s, ","); tok != NULL && L < 64; tok = strtok(NULL, ","))
        d[L++] = atol(tok);
    free(s);
    L--;
    r = atol(argv[2]);
    rs_error_init(err);
    rs_strata_init(S, d, L, r);
    if (rs_strata_fill(S, 0, err) != RS_OK) {
        fprintf(stderr, "%s\n", err->msg);
        return 2;
    }
    rs_strata_sort(S);
    tl = time_covers(S, 0, &nl);
    tn = time_covers(S, 1, &nn);
    if (nl != nn) {
        fprintf(stderr, "the two methods disagree: %ld and %ld covers\n",
                (long)nl, (long)nn);
        return 3;
    }
    printf("(%s) r=%ld  %ld strata  %ld covers  local %.3f ms  naive %.3f "
           "ms  naive/local %.1f\n",
           argv[1], (long)r, (long)S->n, (long)nl, tl, tn, tn / tl);
    rs_strata_clear(S);
    return 0;
}
