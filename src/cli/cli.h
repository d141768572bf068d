/* Internal interface of the rankstrat command-line tool: one function per
   subcommand, plus the option parser and helpers they share. */
#ifndef RS_CLI_H
#define RS_CLI_H

#include <stdio.h>

#include "rankstrat.h"

/* A subcommand: runs with argv[0] = its name; returns the exit status. */
typedef int (*rs_cli_main_fn)(int argc, char **argv);

int rs_cmd_analyze(int argc, char **argv);
int rs_cmd_strata(int argc, char **argv);
int rs_cmd_count(int argc, char **argv);
int rs_cmd_hasse(int argc, char **argv);
int rs_cmd_canonical(int argc, char **argv);
int rs_cmd_move(int argc, char **argv);
int rs_cmd_verify(int argc, char **argv);
int rs_cmd_invariants(int argc, char **argv);

/* One option of a subcommand.  Exactly one of `value` (the option takes a
   value, stored as the argv string) and `flag` (set to 1) is non-NULL. */
typedef struct {
    const char *name;       /* long form, e.g. "--format" */
    const char *short_name; /* e.g. "-o", or NULL */
    const char **value;
    int *flag;
} rs_cli_opt;

/* Parses argv[1..argc) against opts: "--name value", "--name=value",
   "-o value", flags, "--" ends options, "-" alone is a positional argument.
   Positional arguments are stored in pos (at most max_pos; *npos set).
   "--help"/"-h" set *help and stop.  Unknown options, a missing value, a
   value option given twice or too many positional arguments are usage
   errors (RS_EINPUT) naming the option. */
int rs_cli_parse(int argc, char **argv, const rs_cli_opt *opts, int nopts,
                 const char **pos, int max_pos, int *npos, int *help,
                 rs_error_t err);

/* Index of `value` in the NULL-terminated list `choices`, or a usage error
   naming `opt` and listing the choices.  A NULL value gives index 0 (the
   default). */
int rs_cli_choice(int *index, const char *value, const char *const *choices,
                  const char *opt, rs_error_t err);

/* Prints the error of a failed subcommand on stderr (one line, prefixed by
   "rankstrat CMD: " unless it already names a file position) and returns
   its status. */
int rs_cli_fail(const char *cmd, const rs_error_t err);

/* Prints the usage text of a subcommand to f. */
void rs_cli_usage(FILE *f, const char *usage);

#endif
