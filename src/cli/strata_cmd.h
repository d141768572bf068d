/* Shared steps of the strata, hasse and count commands: the size check
   against --max-strata, collecting a fiber with progress on stderr, and
   the covers by either method. */
#ifndef RS_CLI_STRATA_CMD_H
#define RS_CLI_STRATA_CMD_H

#include "cli/fiber_opts.h"
#include "rankstrat.h"

#define RS_CLI_DEFAULT_MAX_STRATA WORD(2000000)
/* Work bound of the count made before listing: a fiber whose count needs
   more is counted by enumeration up to the bound instead. */
#define RS_CLI_PRECOUNT_WORK WORD(20000000)
/* --hasse-method naive compares all pairs (n^2 / 8 bytes of bit sets). */
#define RS_CLI_NAIVE_MAX_STRATA WORD(100000)

/* Progress on stderr, only when stderr is a terminal and the job has run
   for more than a second. */
typedef struct {
    int enabled, shown;
    const char *cmd;
    double start, last;
} rs_cli_progress;

void rs_cli_progress_init(rs_cli_progress *p, const char *cmd);
/* Reports `count` items of `what` ("strata found") so far. */
void rs_cli_progress_report(rs_cli_progress *p, slong count, const char *what);
/* Erases the progress line if one was shown. */
void rs_cli_progress_done(rs_cli_progress *p);

/* Sets *n to the number of strata of the fiber, or refuses (RS_ELIMIT, a
   message with the exact count when it is known, suggesting `rankstrat
   count` or a larger --max-strata) when it exceeds max_strata (> 0). */
int rs_cli_strata_count_checked(slong *n, const rs_cli_fiber *f,
                                slong max_strata, rs_error_t err);

/* An rs_progress_fn for rs_strata_fill_progress (data: an
   rs_cli_progress). */
int rs_cli_progress_strata(void *data, slong done);

/* The library's rs_strata_fill_progress with progress on stderr, then
   rs_strata_sort. */
void rs_cli_strata_collect(rs_strata_t S, rs_cli_progress *p);

/* Covers by the local rule (naive = 0) or by all pairs (naive = 1; refused
   with RS_ELIMIT above RS_CLI_NAIVE_MAX_STRATA strata). */
int rs_cli_strata_covers(rs_covers_t C, const rs_strata_t S, int naive,
                         rs_error_t err);

/* Parses --max-strata (NULL: the default; 0 means no bound). */
int rs_cli_parse_max_strata(slong *max, const char *arg, rs_error_t err);

#endif
