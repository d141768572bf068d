/* Text and JSON fragments shared by the subcommands' output. */
#ifndef RS_CLI_PRINT_H
#define RS_CLI_PRINT_H

#include <stdio.h>

#include "rankstrat.h"

/* A matrix as aligned rows "[ 1 -1/2 ]", each prefixed by indent. */
void rs_cli_print_qmat(FILE *f, const fmpq_mat_t M, const char *indent);
/* "(2, 3, 2)" */
void rs_cli_print_dims(FILE *f, const slong *d, slong L);
/* The rank triangle, row j = target layer, column i = source layer. */
void rs_cli_print_rank_triangle(FILE *f, const rs_ranks_t R,
                                const char *indent);
/* "[i,j,r]" for i < j, per_line to a line. */
void rs_cli_print_rank_rows(FILE *f, const rs_ranks_t R, const char *indent,
                            slong per_line);

#endif
