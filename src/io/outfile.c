/* Output files that never exist half-written: write a temporary file in
   the target's directory (so that rename is atomic) and rename it over the
   target only once everything was written.

   Where the kernel allows it the temporary file is anonymous (O_TMPFILE):
   it gets a name only at the commit, so a process that dies while writing
   (the out-of-memory handler ends it with _exit, FLINT cannot unwind)
   leaves nothing behind.  Elsewhere a named ".<base>.XXXXXX" file is
   used. */
#define _GNU_SOURCE /* O_TMPFILE */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "io_internal.h"

enum {
    OUT_STDOUT, /* standard output */
    OUT_NAMED,  /* a temporary file with a name (tmp_path) */
    OUT_ANON,   /* an anonymous temporary file, named at the commit */
    OUT_DIRECT  /* a device or FIFO, written in place */
};

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *t = flint_malloc(n);
    memcpy(t, s, n);
    return t;
}

/* "<dir>/.<base>.XXXXXX" for mkstemp. */
static char *tmp_template(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash != NULL ? (size_t)(slash - path) + 1 : 0;
    const char *base = path + dirlen;
    char *tmp = flint_malloc(dirlen + strlen(base) + 9);
    memcpy(tmp, path, dirlen);
    tmp[dirlen] = '.';
    strcpy(tmp + dirlen + 1, base);
    strcat(tmp, ".XXXXXX");
    return tmp;
}

/* The directory part of path ("." if none), for O_TMPFILE. */
static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir;
    size_t n;
    if (slash == NULL)
        return dup_str(".");
    n = slash == path ? 1 : (size_t)(slash - path);
    dir = flint_malloc(n + 1);
    memcpy(dir, path, n);
    dir[n] = '\0';
    return dir;
}

/* A new temporary file for the regular file `target`: an anonymous one if
   possible, otherwise a named one.  Returns the descriptor or -1 (errno
   set). */
static int create_tmp(rs_outfile_t *out, const char *target)
{
    int fd;
#ifdef O_TMPFILE
    /* naming the file at the commit goes through /proc (linkat) */
    if (access("/proc/self/fd", X_OK) == 0) {
        char *dir = dir_of(target);
        fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
        flint_free(dir);
        if (fd >= 0) {
            out->kind = OUT_ANON;
            return fd;
        }
        /* only "not supported here" falls back to a named file */
        if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL &&
            errno != ENOSYS)
            return -1;
    }
#endif
    out->tmp_path = tmp_template(target);
    fd = mkstemp(out->tmp_path);
    if (fd < 0) {
        int e = errno;
        flint_free(out->tmp_path);
        out->tmp_path = NULL;
        errno = e;
        return -1;
    }
    out->kind = OUT_NAMED;
    return fd;
}

int rs_outfile_open(rs_outfile_t *out, const char *path, rs_error_t err)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash != NULL ? slash + 1 : path;
    char *target;
    struct stat st;
    int exists, fd, e;
    out->f = NULL;
    out->path = out->tmp_path = NULL;
    out->kind = OUT_STDOUT;
    if (strcmp(path, "-") == 0) {
        out->f = stdout;
        return RS_OK;
    }
    if (*base == '\0')
        return rs_error_set(err, RS_EINPUT,
                            "%s: expected a file name, not a directory", path);
    /* replace the file a symbolic link points to, not the link */
    target = NULL;
    if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
        char *real = realpath(path, NULL);
        if (real != NULL) {
            target = dup_str(real);
            free(real);
        }
    }
    if (target == NULL)
        target = dup_str(path);
    exists = stat(target, &st) == 0;
    if (exists && S_ISDIR(st.st_mode)) {
        flint_free(target);
        return rs_error_set(err, RS_EINPUT,
                            "%s: expected a file name, found a directory",
                            path);
    }
    if (exists && !S_ISREG(st.st_mode)) {
        /* renaming over /dev/null or a FIFO would replace the device */
        out->f = fopen(target, "w");
        if (out->f == NULL) {
            e = errno;
            flint_free(target);
            return rs_error_set(err, RS_EINPUT,
                                "%s: cannot open for writing: %s", path,
                                strerror(e));
        }
        out->kind = OUT_DIRECT;
        out->path = target;
        return RS_OK;
    }
    fd = create_tmp(out, target);
    if (fd < 0) {
        e = errno;
        flint_free(target);
        return rs_error_set(err, RS_EINPUT,
                            "%s: cannot create a temporary file in its "
                            "directory: %s",
                            path, strerror(e));
    }
    if (exists) {
        (void)fchmod(fd, st.st_mode & 07777);
    } else if (out->kind == OUT_NAMED) {
        /* mkstemp makes the file private (0600); give it the permissions
           a plainly created file would have (O_TMPFILE applied the umask
           already) */
        mode_t mask = umask(0);
        umask(mask);
        (void)fchmod(fd, 0666 & ~mask);
    }
    out->f = fdopen(fd, "w");
    if (out->f == NULL) {
        e = errno;
        close(fd);
        if (out->tmp_path != NULL)
            unlink(out->tmp_path);
        flint_free(out->tmp_path);
        out->tmp_path = NULL;
        flint_free(target);
        return rs_error_set(err, RS_EINPUT, "%s: cannot open for writing: %s",
                            path, strerror(e));
    }
    out->path = target;
    return RS_OK;
}

static void forget(rs_outfile_t *out)
{
    flint_free(out->path);
    flint_free(out->tmp_path);
    out->path = out->tmp_path = NULL;
    out->f = NULL;
}

#ifdef O_TMPFILE
/* Gives the anonymous file a temporary name next to the target; returns 0
   or an errno value. */
static int name_anon(rs_outfile_t *out)
{
    char proc[64], *tmp = tmp_template(out->path);
    int attempt, e = EEXIST;
    snprintf(proc, sizeof proc, "/proc/self/fd/%d", fileno(out->f));
    for (attempt = 0; attempt < 100 && e == EEXIST; attempt++) {
        /* mkstemp picks an unused name; linkat refuses to replace one, so
           a name taken again in between just means another try */
        int fd;
        strcpy(tmp + strlen(tmp) - 6, "XXXXXX");
        fd = mkstemp(tmp);
        if (fd < 0) {
            e = errno;
            break;
        }
        close(fd);
        unlink(tmp);
        if (linkat(AT_FDCWD, proc, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW) == 0) {
            out->tmp_path = tmp;
            return 0;
        }
        e = errno;
    }
    /* the name is not ours: never unlink it */
    flint_free(tmp);
    return e;
}
#else
static int name_anon(rs_outfile_t *out)
{
    (void)out;
    return ENOSYS;
}
#endif

int rs_outfile_commit(rs_outfile_t *out, rs_error_t err)
{
    int e = 0;
    if (out->f == NULL)
        return rs_error_set(err, RS_EINTERNAL,
                            "output file committed twice or never opened");
    if (out->kind == OUT_STDOUT) {
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
    if (e == 0 && out->kind == OUT_ANON)
        e = name_anon(out);
    errno = 0;
    if (fclose(out->f) != 0 && e == 0)
        e = errno != 0 ? errno : EIO;
    out->f = NULL;
    if (e == 0 && out->tmp_path != NULL && rename(out->tmp_path, out->path))
        e = errno;
    if (e != 0) {
        int r = rs_error_set(err, RS_EINPUT, "%s: write error: %s", out->path,
                             strerror(e));
        if (out->tmp_path != NULL)
            unlink(out->tmp_path);
        forget(out);
        return r;
    }
    forget(out);
    return RS_OK;
}

void rs_outfile_abort(rs_outfile_t *out)
{
    if (out->f == NULL) {
        forget(out);
        return;
    }
    if (out->kind == OUT_STDOUT) {
        fflush(out->f);
    } else {
        /* an anonymous file disappears when closed */
        fclose(out->f);
        if (out->tmp_path != NULL)
            unlink(out->tmp_path);
    }
    forget(out);
}
