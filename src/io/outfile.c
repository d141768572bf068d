/* Output files that never exist half-written: write a temporary file in
   the target's directory (so that rename is atomic) and rename it over the
   target only once everything was written and synced.

   Where the kernel allows it the temporary file is anonymous (O_TMPFILE):
   it gets a name only at the commit, so a process that dies while writing
   (even by SIGKILL) leaves nothing behind.  Elsewhere, or when the
   environment variable RANKSTRAT_NO_O_TMPFILE is set (an internal switch
   for the tests), a named temporary ".<base>.rs<PID>.XXXXXX" is used:
   SIGINT, SIGTERM, SIGHUP and the out-of-memory handler remove it
   (core/tmpfiles.c), and after a SIGKILL the next rankstrat that writes
   into the same directory removes it once process PID no longer exists.

   Several outputs of one command form a group (rs_outgroup_t) committed
   together at the end: all are flushed and synced first, and only when
   every one succeeded are they renamed into place. */
#define _GNU_SOURCE /* O_TMPFILE */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "core/tmpfiles.h"
#include "io_internal.h"

enum {
    OUT_STDOUT, /* standard output */
    OUT_NAMED,  /* a temporary file with a name (tmp_path) */
    OUT_ANON,   /* an anonymous temporary file, named at the commit */
    OUT_DIRECT  /* a device or FIFO, written in place */
};

/* Symbolic links followed before giving up, as the kernel's MAXSYMLINKS. */
#define MAX_LINKS 40

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *t = flint_malloc(n);
    memcpy(t, s, n);
    return t;
}

/* "<dir>/.<base>.rs<pid>.XXXXXX" for mkstemp. */
static char *tmp_template(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash != NULL ? (size_t)(slash - path) + 1 : 0;
    const char *base = path + dirlen;
    char pid[32];
    char *tmp;
    snprintf(pid, sizeof pid, ".rs%ld.XXXXXX", (long)getpid());
    tmp = flint_malloc(dirlen + strlen(base) + strlen(pid) + 2);
    memcpy(tmp, path, dirlen);
    tmp[dirlen] = '.';
    strcpy(tmp + dirlen + 1, base);
    strcat(tmp, pid);
    return tmp;
}

/* The directory part of path ("." if none). */
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

/* If name is ".<something>.rs<PID>.XXXXXX" (six characters of mkstemp's
   alphabet), returns PID, else 0. */
static long stale_pid(const char *name)
{
    size_t n = strlen(name), i;
    const char *p;
    long pid = 0;
    if (name[0] != '.' || n < 12 || name[n - 7] != '.')
        return 0;
    for (i = n - 6; i < n; i++) {
        char c = name[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9')))
            return 0;
    }
    /* back from the '.' before XXXXXX over the digits of the pid */
    p = name + n - 7;
    i = 0;
    while (p > name && p[-1] >= '0' && p[-1] <= '9') {
        p--;
        i++;
    }
    if (i == 0 || i > 9 || p - name < 4 || p[-1] != 's' || p[-2] != 'r' ||
        p[-3] != '.')
        return 0;
    for (; *p != '.'; p++)
        pid = 10 * pid + (*p - '0');
    return pid;
}

/* Removes the temporaries of rankstrat processes that no longer exist
   (killed by SIGKILL while writing) from dir.  A process id can be reused:
   then the file stays until that process is gone too; and writers sharing
   a directory are assumed to share a pid namespace. */
static void clean_stale(const char *dir)
{
    DIR *dp = opendir(dir);
    struct dirent *e;
    if (dp == NULL)
        return;
    while ((e = readdir(dp)) != NULL) {
        long pid = stale_pid(e->d_name);
        if (pid <= 0 || pid == (long)getpid())
            continue;
        if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
            continue;
        (void)unlinkat(dirfd(dp), e->d_name, 0);
    }
    closedir(dp);
}

/* mkstemp on a name registered for removal on signals; signals are held
   between the creation and the registration. */
static int make_named(char *tmp)
{
    sigset_t all, old;
    int fd, e;
    sigfillset(&all);
    sigprocmask(SIG_BLOCK, &all, &old);
    fd = mkstemp(tmp);
    e = errno;
    if (fd >= 0)
        (void)rs_tmpfiles_add(tmp);
    sigprocmask(SIG_SETMASK, &old, NULL);
    errno = e;
    return fd;
}

static void unlink_named(char *tmp)
{
    rs_tmpfiles_remove(tmp);
    unlink(tmp);
}

static int no_tmpfile(void)
{
    const char *v = getenv("RANKSTRAT_NO_O_TMPFILE");
    return v != NULL && *v != '\0';
}

/* A new temporary file for the regular file `target`: an anonymous one if
   possible, otherwise a named one.  Returns the descriptor or -1 (errno
   set). */
static int create_tmp(rs_outfile_t *out, const char *target)
{
    int fd;
    char *dir = dir_of(target);
    clean_stale(dir);
#ifdef O_TMPFILE
    /* naming the file at the commit goes through /proc (linkat) */
    if (!no_tmpfile() && access("/proc/self/fd", X_OK) == 0) {
        fd = open(dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
        if (fd >= 0) {
            flint_free(dir);
            out->kind = OUT_ANON;
            return fd;
        }
        /* only "not supported here" falls back to a named file */
        if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL &&
            errno != ENOSYS) {
            int e = errno;
            flint_free(dir);
            errno = e;
            return -1;
        }
    }
#endif
    flint_free(dir);
    out->tmp_path = tmp_template(target);
    fd = make_named(out->tmp_path);
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

/* Follows symbolic links from path to the name that is finally written:
   an existing non-link, or a name that does not exist (a dangling link's
   target is created).  Relative link contents are taken relative to the
   link's directory.  Returns a new string, or NULL with errno set (ELOOP
   for a loop or too long a chain). */
static char *follow_links(const char *path)
{
    char *cur = dup_str(path);
    int hops;
    for (hops = 0;; hops++) {
        struct stat st;
        char buf[PATH_MAX];
        ssize_t n;
        char *next;
        if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
            return cur; /* missing (to be created) or not a link */
        if (hops == MAX_LINKS) {
            flint_free(cur);
            errno = ELOOP;
            return NULL;
        }
        n = readlink(cur, buf, sizeof buf - 1);
        if (n < 0) {
            int e = errno;
            flint_free(cur);
            errno = e;
            return NULL;
        }
        buf[n] = '\0';
        if (buf[0] == '/' || strchr(cur, '/') == NULL) {
            next = dup_str(buf);
        } else {
            char *dir = dir_of(cur);
            next = flint_malloc(strlen(dir) + strlen(buf) + 2);
            strcpy(next, dir);
            strcat(next, "/");
            strcat(next, buf);
            flint_free(dir);
        }
        flint_free(cur);
        cur = next;
    }
}

int rs_outfile_open(rs_outfile_t *out, const char *path, rs_error_t err)
{
    const char *slash, *base;
    char *target;
    struct stat st;
    int exists, fd, e;
    if (out == NULL || path == NULL)
        return rs_error_set(err, RS_EINPUT,
                            "rs_outfile_open: expected out and path, got "
                            "NULL");
    out->f = NULL;
    out->path = out->tmp_path = NULL;
    out->kind = OUT_STDOUT;
    if (strcmp(path, "-") == 0) {
        out->f = stdout;
        return RS_OK;
    }
    slash = strrchr(path, '/');
    base = slash != NULL ? slash + 1 : path;
    if (*base == '\0')
        return rs_error_set(err, RS_EINPUT,
                            "%s: expected a file name, not a directory", path);
    /* replace the file a symbolic link points to, not the link */
    target = follow_links(path);
    if (target == NULL) {
        e = errno;
        return rs_error_set(err, RS_EINPUT, "%s: cannot follow the link: %s",
                            path,
                            e == ELOOP ? "too many levels of symbolic links "
                                         "(a loop?)"
                                       : strerror(e));
    }
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
            unlink_named(out->tmp_path);
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
        int fd, ok;
        sigset_t all, old;
        strcpy(tmp + strlen(tmp) - 6, "XXXXXX");
        fd = mkstemp(tmp);
        if (fd < 0) {
            e = errno;
            break;
        }
        close(fd);
        unlink(tmp);
        sigfillset(&all);
        sigprocmask(SIG_BLOCK, &all, &old);
        ok = linkat(AT_FDCWD, proc, AT_FDCWD, tmp, AT_SYMLINK_FOLLOW) == 0;
        e = errno;
        if (ok)
            (void)rs_tmpfiles_add(tmp);
        sigprocmask(SIG_SETMASK, &old, NULL);
        if (ok) {
            out->tmp_path = tmp;
            return 0;
        }
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

/* After a stdio write error, errno may be long gone (a buffer flushed in
   the middle of a fprintf).  Writing one byte again to a file that is
   being discarded anyway, or to a device, gives the real reason ("No space
   left on device" rather than a guessed "Input/output error"). */
static int probe_errno(int fd, int may_write)
{
    struct stat st;
    if (fd >= 0 && fstat(fd, &st) == 0 && (may_write || S_ISCHR(st.st_mode)) &&
        write(fd, "\n", 1) < 0 && errno != 0)
        return errno;
    return EIO;
}

/* Flushes, syncs and closes f; returns 0 or an errno value. */
static int finish_file(rs_outfile_t *out)
{
    int e = 0, fd = fileno(out->f), temp = out->kind != OUT_DIRECT;
    errno = 0;
    if (fflush(out->f) != 0 || ferror(out->f))
        e = errno != 0 ? errno : probe_errno(fd, temp);
    /* delayed allocation: a full disk may show only here */
    if (e == 0 && temp && fsync(fd) != 0 && errno != EINVAL)
        e = errno;
    if (e == 0 && out->kind == OUT_ANON)
        e = name_anon(out);
    errno = 0;
    if (fclose(out->f) != 0 && e == 0)
        e = errno != 0 ? errno : EIO;
    out->f = NULL;
    return e;
}

/* Everything but the rename: RS_OK with the file ready under tmp_path (or
   already in place), or an error with everything removed. */
static int outfile_prepare(rs_outfile_t *out, rs_error_t err)
{
    int e;
    if (out->f == NULL)
        return rs_error_set(err, RS_EINTERNAL,
                            "internal error: output file committed twice or "
                            "never opened");
    if (out->kind == OUT_STDOUT) {
        int fd = fileno(out->f);
        errno = 0;
        if (fflush(out->f) != 0 || ferror(out->f)) {
            e = errno != 0 ? errno : probe_errno(fd, 0);
            out->f = NULL;
            return rs_error_set(err, RS_EINPUT,
                                "standard output: write error: %s",
                                strerror(e));
        }
        out->f = NULL;
        return RS_OK;
    }
    e = finish_file(out);
    if (e != 0) {
        int r = rs_error_set(err, RS_EINPUT, "%s: write error: %s", out->path,
                             strerror(e));
        if (out->tmp_path != NULL)
            unlink_named(out->tmp_path);
        forget(out);
        return r;
    }
    return RS_OK;
}

/* The rename of a prepared file. */
static int outfile_publish(rs_outfile_t *out, rs_error_t err)
{
    int r = RS_OK;
    if (out->tmp_path != NULL) {
        rs_tmpfiles_remove(out->tmp_path);
        if (rename(out->tmp_path, out->path) != 0) {
            r = rs_error_set(err, RS_EINPUT, "%s: write error: %s", out->path,
                             strerror(errno));
            unlink(out->tmp_path);
        }
    }
    forget(out);
    return r;
}

int rs_outfile_commit(rs_outfile_t *out, rs_error_t err)
{
    int r = outfile_prepare(out, err);
    if (r != RS_OK)
        return r;
    return outfile_publish(out, err);
}

void rs_outfile_abort(rs_outfile_t *out)
{
    if (out->f == NULL) {
        if (out->tmp_path != NULL)
            unlink_named(out->tmp_path);
        forget(out);
        return;
    }
    if (out->kind == OUT_STDOUT) {
        /* what is written to standard output cannot be taken back; drop
           nothing, the caller prints no more */
        fflush(out->f);
    } else {
        /* an anonymous file disappears when closed */
        fclose(out->f);
        if (out->tmp_path != NULL)
            unlink_named(out->tmp_path);
    }
    forget(out);
}

/* ---- groups --------------------------------------------------------- */

void rs_outgroup_init(rs_outgroup_t *g)
{
    g->n = 0;
}

/* Whether a and b (final names, after links) are the same file: the same
   directory (device and inode) and the same last component, or the same
   existing file (device and inode, e.g. hard links). */
static int same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    const char *ba = strrchr(a, '/'), *bb = strrchr(b, '/');
    char *da, *db;
    int same = 0;
    if (stat(a, &sa) == 0 && stat(b, &sb) == 0)
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    ba = ba != NULL ? ba + 1 : a;
    bb = bb != NULL ? bb + 1 : b;
    if (strcmp(ba, bb) != 0)
        return 0;
    da = dir_of(a);
    db = dir_of(b);
    if (stat(da, &sa) == 0 && stat(db, &sb) == 0)
        same = sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    else
        same = strcmp(da, db) == 0;
    flint_free(da);
    flint_free(db);
    return same;
}

int rs_outgroup_open(rs_outgroup_t *g, rs_outfile_t *out, const char *path,
                     const char *opt, rs_error_t err)
{
    int i, r;
    if (g == NULL || out == NULL || path == NULL)
        return rs_error_set(err, RS_EINPUT,
                            "rs_outgroup_open: expected g, out and path, got "
                            "NULL");
    if (opt == NULL)
        opt = "output";
    if (g->n == RS_OUTGROUP_MAX)
        return rs_error_set(err, RS_EINTERNAL,
                            "internal error: more than %d outputs in one "
                            "command",
                            RS_OUTGROUP_MAX);
    r = rs_outfile_open(out, path, err);
    if (r != RS_OK)
        return r;
    for (i = 0; i < g->n; i++) {
        const rs_outfile_t *o = g->out[i];
        int clash = (o->path == NULL && out->path == NULL) ||
                    (o->path != NULL && out->path != NULL &&
                     same_file(o->path, out->path));
        if (clash) {
            rs_outfile_abort(out);
            return rs_error_set(err, RS_EINPUT,
                                "%s %s: names the same file as %s; expected "
                                "different files",
                                opt, path, g->opt[i]);
        }
    }
    g->out[g->n] = out;
    g->opt[g->n] = opt;
    g->n++;
    return RS_OK;
}

int rs_outgroup_commit(rs_outgroup_t *g, rs_error_t err)
{
    int i, r = RS_OK;
    /* first every file complete and synced, then every rename */
    for (i = 0; i < g->n && r == RS_OK; i++)
        r = outfile_prepare(g->out[i], err);
    if (r != RS_OK) {
        for (; i < g->n; i++)
            rs_outfile_abort(g->out[i]);
        for (i = 0; i < g->n; i++)
            if (g->out[i]->f == NULL && g->out[i]->tmp_path != NULL)
                rs_outfile_abort(g->out[i]);
        g->n = 0;
        return r;
    }
    for (i = 0; i < g->n; i++) {
        int s = outfile_publish(g->out[i], r == RS_OK ? err : NULL);
        if (r == RS_OK)
            r = s;
    }
    g->n = 0;
    return r;
}

void rs_outgroup_abort(rs_outgroup_t *g)
{
    int i;
    for (i = 0; i < g->n; i++)
        rs_outfile_abort(g->out[i]);
    g->n = 0;
}
