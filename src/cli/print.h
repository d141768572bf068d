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

/* JSON: [[i,j,r_ji],...] for i < j in lexicographic (i, j) order. */
void rs_json_print_ranks(FILE *f, const rs_ranks_t R);
/* JSON: [[i,j,m],...] for bars with m > 0, lexicographic (i, j) order. */
void rs_json_print_barcode(FILE *f, const rs_barcode_t B);
/* JSON: [d_0,...,d_L] */
void rs_json_print_dims(FILE *f, const slong *d, slong L);

#endif
