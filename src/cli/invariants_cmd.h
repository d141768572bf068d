/* The two modes of rankstrat invariants: one fiber, or a sweep over
   shapes (invariants_sweep.c). */
#ifndef RS_CLI_INVARIANTS_CMD_H
#define RS_CLI_INVARIANTS_CMD_H

#include "cli/fiber_opts.h"
#include "rankstrat.h"

typedef struct {
    const char *dims, *rank, *product, *format, *widths, *layers;
    const char *max_strata_arg, *max_work_arg, *out_path;
    int sweep, all_ranks;
    int fmt; /* 0 text, 1 json, 2 latex, 3 csv */
    slong max_strata, max_work;
} rs_cli_invariants_opts;

int rs_cli_invariants_one(const rs_cli_invariants_opts *o, rs_error_t err);
int rs_cli_invariants_sweep(const rs_cli_invariants_opts *o, rs_error_t err);

#endif
