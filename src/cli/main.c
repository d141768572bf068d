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
    {"invariants", rs_cmd_invariants,
     "learning coefficient, components, points over F_q"},
    {"hasse", rs_cmd_hasse, "the Hasse diagram of the closure order"},
    {"canonical", rs_cmd_canonical, "the canonical point of a stratum"},
    {"move", rs_cmd_move, "apply a move to a network, keeping its product"},
    {"verify", rs_cmd_verify, "check the theorems on every stratum of a fiber"},
};

static void usage(FILE *f)
{
    size_t i;
    fprintf(f, "Usage: rankstrat COMMAND [options] [arguments]\n"
               "       rankstrat COMMAND --help\n"
               "       rankstrat help COMMAND\n\n"
               "Exact geometry of the fibers of linear neural networks.\n\n"
               "Commands:\n");
    for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "\nExit status: 0 success, 1 bad input or usage, 2 resource "
               "limit, 3 internal error.\n");
}

static const rs_cli_command *find_command(const char *name)
{
    size_t i;
    for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(name, commands[i].name) == 0)
            return &commands[i];
    return NULL;
}

/* "rankstrat help COMMAND": the command's own --help, so that the two
   texts cannot drift apart. */
static int help_command(int argc, char **argv)
{
    const rs_cli_command *c;
    char *args[3];
    if (argc > 3) {
        fprintf(stderr,
                "rankstrat help: expected one command name, got "
                "%d arguments\n",
                argc - 2);
        return RS_EINPUT;
    }
    c = find_command(argv[2]);
    if (c == NULL) {
        fprintf(stderr,
                "rankstrat help: unknown command '%s'; expected one of the "
                "commands listed by 'rankstrat --help'\n",
                argv[2]);
        return RS_EINPUT;
    }
    args[0] = (char *)c->name;
    args[1] = (char *)"--help";
    args[2] = NULL;
    return c->run(2, args);
}

int main(int argc, char **argv)
{
    const rs_cli_command *c;
    int status;
    rs_install_oom_handler();
    if (argc < 2) {
        fprintf(stderr, "rankstrat: expected a command; see 'rankstrat "
                        "--help'\n");
        return RS_EINPUT;
    }
    if (strcmp(argv[1], "help") == 0 && argc >= 3)
        return help_command(argc, argv);
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return RS_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("rankstrat %s\n", RANKSTRAT_VERSION);
        return RS_OK;
    }
    c = find_command(argv[1]);
    if (c != NULL) {
        status = c->run(argc - 1, argv + 1);
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
