/* Reading a whole file (or standard input) into memory, with a size
   bound, so that parsers never need line buffers.  Reading stops early
   after a NUL byte, which no input may contain.  The size of a regular
   file is checked before anything is read (fstat); a pipe or terminal is
   counted as it is read and refused as soon as it passes the bound. */
#define _GNU_SOURCE /* F_SETPIPE_SZ, MADV_POPULATE_WRITE */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include "io_internal.h"

/* A pipe is read one pipe-full per system call: ask for a larger pipe
   (Linux; a failure only means more calls). */
static void pipe_hint(int fd)
{
#ifdef F_SETPIPE_SZ
    (void)fcntl(fd, F_SETPIPE_SZ, 1 << 20);
#else
    (void)fd;
#endif
}

/* Reading into fresh memory is mostly page faults, one per page, which in
   a virtual machine cost more than the copy itself: the window about to be
   read is faulted in with one call (Linux 5.14; elsewhere, or on failure,
   the pages fault in as they are written). */
#define READ_WINDOW ((size_t)16 << 20)

static void prefault(char *p, size_t len)
{
#ifdef MADV_POPULATE_WRITE
    uintptr_t page = 4096, a = ((uintptr_t)p + page - 1) & ~(page - 1);
    uintptr_t b = ((uintptr_t)p + len) & ~(page - 1);
    if (b > a)
        (void)madvise((void *)a, b - a, MADV_POPULATE_WRITE);
#else
    (void)p;
    (void)len;
#endif
}

int rs_io_read_all(char **data, size_t *len, const char *path, size_t max,
                   rs_error_t err)
{
    const char *name = rs_io_display_name(path);
    int is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    char *buf;
    size_t cap = 1 << 16, n = 0;
    struct stat st;
    if (f == NULL)
        return rs_error_set(err, RS_EINPUT, "%s: cannot open: %s", name,
                            strerror(errno));
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode)) {
        /* the size is known: refuse before reading, else allocate it
           (plus one byte to see the end of the file) at once */
        if ((unsigned long long)st.st_size > (unsigned long long)max) {
            if (!is_stdin)
                fclose(f);
            return rs_error_set(err, RS_ELIMIT,
                                "%s: input of %llu bytes is larger than %zu "
                                "bytes (max_file_bytes)",
                                name, (unsigned long long)st.st_size, max);
        }
        if ((size_t)st.st_size + 1 > cap)
            cap = (size_t)st.st_size + 1;
    } else {
        pipe_hint(fileno(f));
    }
    buf = flint_malloc(cap + 1);
    for (;;) {
        size_t got;
        if (n == cap) {
            /* One byte beyond max is enough to know the input is too
               big; never grow past that. */
            size_t want = cap > max / 2 ? max + 1 : 2 * cap;
            if (want <= cap) {
                flint_free(buf);
                if (!is_stdin)
                    fclose(f);
                return rs_error_set(err, RS_ELIMIT,
                                    "%s: input larger than %zu bytes "
                                    "(max_file_bytes)",
                                    name, max);
            }
            cap = want;
            buf = flint_realloc(buf, cap + 1);
        }
        if (cap - n > READ_WINDOW) {
            prefault(buf + n, READ_WINDOW);
            got = fread(buf + n, 1, READ_WINDOW, f);
        } else {
            got = fread(buf + n, 1, cap - n, f);
        }
        /* no input may contain a NUL byte: stop at the first one, so that
           /dev/zero or a binary file is refused at once rather than after
           max bytes (the parser reports the NUL at its position) */
        {
            const char *z = memchr(buf + n, '\0', got);
            n += got;
            if (z != NULL) {
                n = (size_t)(z - buf) + 1;
                break;
            }
        }
        if (n > max) {
            flint_free(buf);
            if (!is_stdin)
                fclose(f);
            return rs_error_set(err, RS_ELIMIT,
                                "%s: input larger than %zu bytes "
                                "(max_file_bytes)",
                                name, max);
        }
        if (got == 0 || n < cap) {
            if (ferror(f)) {
                int e = errno != 0 ? errno : EIO;
                flint_free(buf);
                if (!is_stdin)
                    fclose(f);
                return rs_error_set(err, RS_EINPUT, "%s: cannot read: %s", name,
                                    strerror(e));
            }
            if (feof(f))
                break;
        }
    }
    if (!is_stdin)
        fclose(f);
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return RS_OK;
}
