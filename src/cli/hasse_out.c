/* Output of the Hasse diagram: the figure writers of rankstrat/format.h,
   and PDF/PNG by Graphviz `neato -n2` from the positioned DOT (so that
   every format shows the same picture). */
#include <errno.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/hasse_out.h"

extern char **environ;

/* ---- PDF and PNG
 * ------------------------------------------------------------- */

static int dot_missing(const char *fmt, rs_error_t err)
{
    return rs_error_set(err, RS_EINPUT,
                        "--format %s: Graphviz 'neato' was not found on "
                        "PATH; install Graphviz (Debian: apt-get install "
                        "graphviz) or use --format dot or svg",
                        fmt);
}

/* Runs `neato -n2 -Tfmt` with standard input `in` and output `svg`, both
   temporary files, without a shell. */
static int run_dot(FILE *in, FILE *svg, const char *fmt, rs_error_t err)
{
    posix_spawn_file_actions_t fa;
    char T[16];
    char *argv[] = {"neato", "-n2", T, NULL};
    snprintf(T, sizeof T, "-T%s", fmt);
    char msg[300] = "";
    pid_t pid;
    int rc, wstatus;
    FILE *errf = tmpfile(); /* dot's messages, for ours */
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, fileno(in), 0);
    posix_spawn_file_actions_adddup2(&fa, fileno(svg), 1);
    if (errf != NULL)
        posix_spawn_file_actions_adddup2(&fa, fileno(errf), 2);
    rc = posix_spawnp(&pid, "neato", &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (errf != NULL && rc != 0) {
        fclose(errf);
        errf = NULL;
    }
    if (rc == ENOENT)
        return dot_missing(fmt, err);
    if (rc != 0)
        return rs_error_set(err, RS_EINPUT,
                            "--format %s: cannot run Graphviz 'neato': %s", fmt,
                            strerror(rc));
    while (waitpid(pid, &wstatus, 0) < 0)
        if (errno != EINTR) {
            if (errf != NULL)
                fclose(errf);
            return rs_error_set(err, RS_EINTERNAL,
                                "internal error: --format %s: waitpid: %s", fmt,
                                strerror(errno));
        }
    if (errf != NULL) {
        size_t n = 0;
        if (fseek(errf, 0, SEEK_SET) == 0)
            n = fread(msg, 1, sizeof msg - 1, errf);
        msg[n] = '\0';
        msg[strcspn(msg, "\r\n")] = '\0';
        fclose(errf);
    }
    if (WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 127)
        return dot_missing(fmt, err);
    if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0)
        return rs_error_set(err, RS_EINPUT,
                            "--format %s: Graphviz 'neato' failed on the "
                            "Hasse diagram (%s %d)%s%s",
                            fmt, WIFEXITED(wstatus) ? "exit status" : "signal",
                            WIFEXITED(wstatus) ? WEXITSTATUS(wstatus)
                                               : WTERMSIG(wstatus),
                            msg[0] ? ": " : "", msg);
    return RS_OK;
}

int rs_hasse_write_graphviz(FILE *out, const rs_hasse_figure_t F,
                            const char *fmt, rs_error_t err)
{
    FILE *in = tmpfile(), *svg = tmpfile();
    int status = RS_OK;
    char buf[65536];
    size_t got;

    if (in == NULL || svg == NULL)
        status = rs_error_set(err, RS_EINPUT,
                              "--format %s: cannot create a temporary "
                              "file: %s",
                              fmt, strerror(errno));
    if (status == RS_OK) {
        rs_hasse_fprint_dot(in, F);
        if (fflush(in) != 0 || fseek(in, 0, SEEK_SET) != 0)
            status = rs_error_set(err, RS_EINPUT,
                                  "--format %s: cannot write a temporary "
                                  "file: %s",
                                  fmt, strerror(errno));
    }
    if (status == RS_OK)
        status = run_dot(in, svg, fmt, err);
    /* only a complete rendering reaches the output */
    if (status == RS_OK && fseek(svg, 0, SEEK_SET) == 0)
        while ((got = fread(buf, 1, sizeof buf, svg)) > 0)
            fwrite(buf, 1, got, out);
    if (in != NULL)
        fclose(in);
    if (svg != NULL)
        fclose(svg);
    return status;
}
