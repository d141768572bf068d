#include <time.h>
#include <unistd.h>

#include "cli/strata_cmd.h"

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

void rs_cli_progress_init(rs_cli_progress *p, const char *cmd)
{
    p->enabled = isatty(2);
    p->shown = 0;
    p->cmd = cmd;
    p->start = p->last = now();
}

int rs_cli_progress_strata(void *data, slong done)
{
    rs_cli_progress_report(data, done, "strata found");
    return 0;
}

void rs_cli_progress_report(rs_cli_progress *p, slong count, const char *what)
{
    double t;
    if (!p->enabled)
        return;
    t = now();
    if (t - p->start < 1.0 || t - p->last < 0.25)
        return;
    p->last = t;
    p->shown = 1;
    fprintf(stderr, "\rrankstrat %s: %ld %s (%.0f per second)   ", p->cmd,
            (long)count, what, (double)count / (t - p->start));
    fflush(stderr);
}

void rs_cli_progress_done(rs_cli_progress *p)
{
    if (p->shown)
        fprintf(stderr, "\r%72s\r", "");
    p->shown = 0;
}

int rs_cli_parse_max_strata(slong *max, const char *arg, rs_error_t err)
{
    if (arg == NULL) {
        *max = RS_CLI_DEFAULT_MAX_STRATA;
        return RS_OK;
    }
    return rs_parse_slong(max, arg, WORD_MAX / 4, "--max-strata", err);
}

typedef struct {
    slong n, max;
} bounded_count;

static int count_visit(void *data, const rs_barcode_t B, const rs_ranks_t R,
                       slong dim)
{
    bounded_count *c = data;
    (void)B;
    (void)R;
    (void)dim;
    return ++c->n > c->max;
}

int rs_cli_strata_count_checked(slong *n, const rs_cli_fiber *f,
                                slong max_strata, rs_error_t err)
{
    fmpz_t c;
    rs_error_t e2;
    int status = RS_OK;
    fmpz_init(c);
    rs_error_init(e2);
    if (rs_strata_count(c, f->d, f->L, f->r, RS_CLI_PRECOUNT_WORK, NULL, e2) ==
        RS_OK) {
        if (max_strata > 0 && fmpz_cmp_si(c, max_strata) > 0) {
            char *s = fmpz_get_str(NULL, 10, c);
            status = rs_error_set(err, RS_ELIMIT,
                                  "the fiber has %s strata, more than "
                                  "--max-strata %ld; use 'rankstrat count' "
                                  "for the number alone, or raise "
                                  "--max-strata",
                                  s, (long)max_strata);
            flint_free(s);
        } else {
            *n = fmpz_get_si(c);
        }
    } else {
        /* too costly to count exactly: count by listing, up to the bound */
        bounded_count bc;
        slong visited;
        bc.n = 0;
        bc.max = max_strata > 0 ? max_strata : WORD_MAX - 1;
        if (rs_strata_enumerate(&visited, f->d, f->L, f->r, count_visit, &bc))
            status = rs_error_set(err, RS_ELIMIT,
                                  "the fiber has more than %ld strata "
                                  "(--max-strata); use 'rankstrat count' for "
                                  "their number, or raise --max-strata",
                                  (long)max_strata);
        else
            *n = visited;
    }
    fmpz_clear(c);
    return status;
}

void rs_cli_strata_collect(rs_strata_t S, rs_cli_progress *p)
{
    rs_progress_t token;
    rs_progress_init(token);
    token->fn = rs_cli_progress_strata;
    token->data = p;
    /* no bound and no cancellation: the fill cannot fail */
    rs_strata_fill_progress(S, 0, token, NULL);
    rs_strata_sort(S);
}

int rs_cli_strata_covers(rs_covers_t C, const rs_strata_t S, int naive,
                         rs_error_t err)
{
    if (!naive)
        return rs_strata_covers(C, S, err);
    if (S->n > RS_CLI_NAIVE_MAX_STRATA)
        return rs_error_set(err, RS_ELIMIT,
                            "--hasse-method naive compares all pairs and is "
                            "limited to %ld strata; this fiber has %ld (use "
                            "the default --hasse-method local)",
                            (long)RS_CLI_NAIVE_MAX_STRATA, (long)S->n);
    rs_strata_covers_naive(C, S);
    return RS_OK;
}
