/* The flow diagram as a DOT file, or rendered to SVG by Graphviz `dot`.
   `dot` runs without a shell: its standard input is an anonymous temporary
   file holding the DOT text and its standard output is the temporary
   output file of rs_outfile, renamed over the target only when the whole
   command succeeds. */
#include <errno.h>
#include <spawn.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/analyze.h"

extern char **environ;

/* The first line of what `dot` wrote on its standard error (errf), for
   the message. */
static const char *dot_message(char *buf, size_t size, FILE *errf)
{
    size_t n;
    buf[0] = '\0';
    if (errf == NULL || fflush(errf) != 0 || fseek(errf, 0, SEEK_SET) != 0)
        return buf;
    n = fread(buf, 1, size - 1, errf);
    buf[n] = '\0';
    buf[strcspn(buf, "\r\n")] = '\0';
    return buf;
}

/* Runs `dot -Tsvg` from in to out; returns RS_OK or fills err.  A `dot`
   that fails is reported with its own message (exit status 1: the tool or
   its environment, not rankstrat, failed). */
static int run_dot(FILE *in, FILE *out, rs_error_t err)
{
    posix_spawn_file_actions_t fa;
    char *argv[] = {"dot", "-Tsvg", NULL};
    char msg[300];
    pid_t pid;
    int rc, wstatus;
    FILE *errf = tmpfile();

    fflush(out);
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fileno(in), 0);
    posix_spawn_file_actions_adddup2(&fa, fileno(out), 1);
    if (errf != NULL)
        posix_spawn_file_actions_adddup2(&fa, fileno(errf), 2);
    rc = posix_spawnp(&pid, "dot", &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0 && errf != NULL)
        fclose(errf);
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
        if (errno != EINTR) {
            int e = errno;
            if (errf != NULL)
                fclose(errf);
            return rs_error_set(err, RS_EINTERNAL,
                                "internal error: --flow-svg: waitpid: %s",
                                strerror(e));
        }
    dot_message(msg, sizeof msg, errf);
    if (errf != NULL)
        fclose(errf);
    if (WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 127)
        return rs_error_set(err, RS_EINPUT,
                            "--flow-svg: Graphviz 'dot' was not found on "
                            "PATH; install Graphviz (Debian: apt-get "
                            "install graphviz) or use --flow-dot FILE");
    if (WIFSIGNALED(wstatus))
        return rs_error_set(err, RS_EINPUT,
                            "--flow-svg: Graphviz 'dot' was killed by signal "
                            "%d%s%s",
                            WTERMSIG(wstatus), msg[0] ? ": " : "", msg);
    if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0)
        return rs_error_set(err, RS_EINPUT,
                            "--flow-svg: Graphviz 'dot' failed (exit status "
                            "%d)%s%s",
                            WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1,
                            msg[0] ? ": " : "", msg);
    return RS_OK;
}

int rs_cli_write_flow_graph(rs_outfile_t *out, const rs_flow_t F, int svg,
                            rs_error_t err)
{
    FILE *dot;
    int status;

    if (!svg) {
        rs_flow_fprint_dot(out->f, F);
        return RS_OK;
    }
    dot = tmpfile();
    if (dot == NULL) {
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
        status = run_dot(dot, out->f, err);
    fclose(dot);
    return status;
}
