/* Output files that never exist half-written: write a temporary file in
   the target's directory (so that rename is atomic) and rename it over the
   target only once everything was written. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "io_internal.h"

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *t = flint_malloc(n);
    memcpy(t, s, n);
    return t;
}

int rs_outfile_open(rs_outfile_t *out, const char *path, rs_error_t err)
{
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash != NULL ? (size_t)(slash - path) + 1 : 0;
    const char *base = path + dirlen;
    char *tmp;
    int fd, e;
    mode_t mask;
    out->f = NULL;
    out->path = out->tmp_path = NULL;
    if (strcmp(path, "-") == 0) {
        out->f = stdout;
        return RS_OK;
    }
    if (*base == '\0')
        return rs_error_set(err, RS_EINPUT,
                            "%s: expected a file name, not a directory", path);
    /* "<dir>/.<base>.XXXXXX" */
    tmp = flint_malloc(dirlen + strlen(base) + 9);
    memcpy(tmp, path, dirlen);
    tmp[dirlen] = '.';
    strcpy(tmp + dirlen + 1, base);
    strcat(tmp, ".XXXXXX");
    fd = mkstemp(tmp);
    if (fd < 0) {
        e = errno;
        flint_free(tmp);
        return rs_error_set(err, RS_EINPUT,
                            "%s: cannot create a temporary file in its "
                            "directory: %s",
                            path, strerror(e));
    }
    /* mkstemp makes the file private (0600); give it the permissions a
       plainly created file would have */
    mask = umask(0);
    umask(mask);
    (void)fchmod(fd, 0666 & ~mask);
    out->f = fdopen(fd, "w");
    if (out->f == NULL) {
        e = errno;
        close(fd);
        unlink(tmp);
        flint_free(tmp);
        return rs_error_set(err, RS_EINPUT, "%s: cannot open for writing: %s",
                            path, strerror(e));
    }
    out->tmp_path = tmp;
    out->path = dup_str(path);
    return RS_OK;
}

static void forget(rs_outfile_t *out)
{
    flint_free(out->path);
    flint_free(out->tmp_path);
    out->path = out->tmp_path = NULL;
    out->f = NULL;
}

int rs_outfile_commit(rs_outfile_t *out, rs_error_t err)
{
    int e = 0;
    if (out->f == NULL)
        return rs_error_set(err, RS_EINTERNAL,
                            "output file committed twice or never opened");
    if (out->tmp_path == NULL) {
        errno = 0;
        if (fflush(out->f) != 0 || ferror(out->f)) {
            e = errno != 0 ? errno : EIO;
            out->f = NULL;
            return rs_error_set(err, RS_EINPUT,
                                "standard output: write error: %s",
                                strerror(e));
        }
        out->f = NULL;
        return RS_OK;
    }
    errno = 0;
    if (fflush(out->f) != 0 || ferror(out->f))
        e = errno != 0 ? errno : EIO;
    if (fclose(out->f) != 0 && e == 0)
        e = errno != 0 ? errno : EIO;
    out->f = NULL;
    if (e == 0 && rename(out->tmp_path, out->path) != 0)
        e = errno;
    if (e != 0) {
        int r = rs_error_set(err, RS_EINPUT, "%s: write error: %s", out->path,
                             strerror(e));
        unlink(out->tmp_path);
        forget(out);
        return r;
    }
    forget(out);
    return RS_OK;
}

void rs_outfile_abort(rs_outfile_t *out)
{
    if (out->tmp_path != NULL) {
        if (out->f != NULL)
            fclose(out->f);
        unlink(out->tmp_path);
    } else if (out->f != NULL) {
        fflush(out->f);
    }
    forget(out);
}
