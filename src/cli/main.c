/* rankstrat: command-line entry point; dispatches to one subcommand. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

typedef struct {
    const char *name;
    rs_cli_main_fn run;
    const char *summary;
} rs_cli_command;

static const rs_cli_command commands[] = {
    {"analyze", rs_cmd_analyze, "rank list, barcode and stratum of a network"},
    {"strata", rs_cmd_strata, "every stratum of a fiber, as a table"},
    {"count", rs_cmd_count, "the exact number of strata of a fiber"},
    {"hasse", rs_cmd_hasse, "the Hasse diagram of the closure order"},
    {"canonical", rs_cmd_canonical, "the canonical point of a stratum"},
    {"move", rs_cmd_move, "apply a move to a network, keeping its product"},
    {"verify", rs_cmd_verify, "check the theorems on every stratum of a fiber"},
};

static void usage(FILE *f)
{
    size_t i;
    fprintf(f, "Usage: rankstrat COMMAND [options] [arguments]\n"
               "       rankstrat COMMAND --help\n\n"
               "Exact geometry of the fibers of linear neural networks.\n\n"
               "Commands:\n");
    for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "\nExit status: 0 success, 1 bad input or usage, 2 resource "
               "limit, 3 internal error.\n");
}

int main(int argc, char **argv)
{
    size_t i;
    int status;
    rs_install_oom_handler();
    if (argc < 2) {
        fprintf(stderr, "rankstrat: expected a command; see 'rankstrat "
                        "--help'\n");
        return RS_EINPUT;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return RS_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("rankstrat %s\n", RANKSTRAT_VERSION);
        return RS_OK;
    }
    for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(argv[1], commands[i].name) == 0) {
            status = commands[i].run(argc - 1, argv + 1);
            /* FLINT caches freed integers; releasing them keeps valgrind's
               leak report clean after large exact computations */
            flint_cleanup_master();
            return status;
        }
    fprintf(stderr,
            "rankstrat: unknown command '%s'; expected one of the commands "
            "listed by 'rankstrat --help'\n",
            argv[1]);
    return RS_EINPUT;
}
