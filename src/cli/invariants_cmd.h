/* The two modes of rankstrat invariants: one fiber, or a sweep over
   shapes (invariants_sweep.c). */
#ifndef RS_CLI_INVARIANTS_CMD_H
#define RS_CLI_INVARIANTS_CMD_H

#include "cli/cost_opts.h"
#include "cli/fiber_opts.h"
#include "rankstrat.h"

typedef struct {
    const char *dims, *rank, *product, *format, *widths, *layers;
    const char *max_strata_arg, *max_work_arg, *max_memory_arg, *out_path;
    int sweep, all_ranks;
    int fmt; /* 0 text, 1 json, 2 latex, 3 csv */
    slong max_strata, max_work;
    rs_cost_limits_t lim; /* --max-memory (and --max-work) */
} rs_cli_invariants_opts;

/* Refuses (RS_ELIMIT, naming the estimate and --max-memory) a fiber whose
   listed strata (at most o->max_strata; a fiber with more is only
   counted) would pass the memory limit, before anything is listed. */
int rs_cli_invariants_cost(const rs_cli_invariants_opts *o, const slong *d,
                           slong L, slong r, rs_error_t err);

int rs_cli_invariants_one(const rs_cli_invariants_opts *o, rs_error_t err);
int rs_cli_invariants_sweep(const rs_cli_invariants_opts *o, rs_error_t err);

#endif
