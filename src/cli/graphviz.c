/* The flow diagram as a DOT file, or rendered to SVG by Graphviz `dot`.
   `dot` runs without a shell: its standard input is an anonymous temporary
   file holding the DOT text and its standard output is the temporary
   output file of rs_outfile, renamed over the target only on success. */
#include <errno.h>
#include <spawn.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/analyze.h"

extern char **environ;

/* Runs `dot -Tsvg` from in to out; returns RS_OK or fills err. */
static int run_dot(FILE *in, FILE *out, rs_error_t err)
{
    posix_spawn_file_actions_t fa;
    char *argv[] = {"dot", "-Tsvg", NULL};
    pid_t pid;
    int rc, wstatus;

    fflush(out);
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fileno(in), 0);
    posix_spawn_file_actions_adddup2(&fa, fileno(out), 1);
    rc = posix_spawnp(&pid, "dot", &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc == ENOENT)
        return rs_error_set(err, RS_EINPUT,
                            "--flow-svg: Graphviz 'dot' was not found on "
                            "PATH; install Graphviz (Debian: apt-get "
                            "install graphviz) or use --flow-dot FILE");
    if (rc != 0)
        return rs_error_set(err, RS_EINPUT,
                            "--flow-svg: cannot run Graphviz 'dot': %s",
                            strerror(rc));
    while (waitpid(pid, &wstatus, 0) < 0)
        if (errno != EINTR)
            return rs_error_set(err, RS_EINTERNAL,
                                "internal error: --flow-svg: waitpid: %s",
                                strerror(errno));
    if (WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 127)
        return rs_error_set(err, RS_EINPUT,
                            "--flow-svg: Graphviz 'dot' was not found on "
                            "PATH; install Graphviz (Debian: apt-get "
                            "install graphviz) or use --flow-dot FILE");
    if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0)
        return rs_error_set(err, RS_EINTERNAL,
                            "internal error: --flow-svg: Graphviz 'dot' "
                            "failed on the flow diagram");
    return RS_OK;
}

int rs_cli_write_flow_graph(const char *path, const rs_flow_t F, int svg,
                            rs_error_t err)
{
    rs_outfile_t out;
    FILE *dot;
    int status;

    if ((status = rs_outfile_open(&out, path, err)))
        return status;
    if (!svg) {
        rs_flow_fprint_dot(out.f, F);
        return rs_outfile_commit(&out, err);
    }
    dot = tmpfile();
    if (dot == NULL) {
        rs_outfile_abort(&out);
        return rs_error_set(err, RS_EINPUT,
                            "--flow-svg: cannot create a temporary file: %s",
                            strerror(errno));
    }
    rs_flow_fprint_dot(dot, F);
    if (fflush(dot) != 0 || fseek(dot, 0, SEEK_SET) != 0)
        status = rs_error_set(err, RS_EINPUT,
                              "--flow-svg: cannot write a temporary file: "
                              "%s",
                              strerror(errno));
    else
        status = run_dot(dot, out.f, err);
    fclose(dot);
    if (status != RS_OK) {
        rs_outfile_abort(&out);
        return status;
    }
    return rs_outfile_commit(&out, err);
}
