/* The input buffer and how positions in it are reported. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "io_internal.h"

void rs_io_src_init(rs_io_src_t *src, const char *s, size_t len,
                    const char *name, const rs_io_limits_t *lim)
{
    src->s = s;
    src->len = len;
    src->name = name != NULL ? name : "<input>";
    src->lim = lim;
    /* Editors on Windows start UTF-8 files with a byte order mark; it is
       not content. */
    src->start = (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
}

void rs_io_position(slong *line, slong *col, const rs_io_src_t *src, size_t off)
{
    size_t i, ls = 0;
    slong l = 1, c = 1;
    if (off > src->len)
        off = src->len;
    for (i = 0; i < off; i++)
        if (src->s[i] == '\n') {
            l++;
            ls = i + 1;
        }
    if (ls == 0 && src->start > 0 && off >= src->start)
        ls = src->start;
    /* Count characters, not bytes: continuation bytes 10xxxxxx do not start
       a character.  Inputs are validated as UTF-8 before anything else. */
    for (i = ls; i < off; i++)
        if (((unsigned char)src->s[i] & 0xC0) != 0x80)
            c++;
    *line = l;
    *col = c;
}

static int verror(rs_error_t err, int status, const rs_io_src_t *src,
                  size_t off, const char *fmt, va_list ap)
{
    char buf[RS_ERROR_MSG_LEN];
    slong line, col;
    vsnprintf(buf, sizeof buf, fmt, ap);
    rs_io_position(&line, &col, src, off);
    rs_error_at(err, src->name, line, col, "%s", buf);
    err->status = status;
    return status;
}

int rs_io_error(rs_error_t err, const rs_io_src_t *src, size_t off,
                const char *fmt, ...)
{
    va_list ap;
    int r;
    va_start(ap, fmt);
    r = verror(err, RS_EINPUT, src, off, fmt, ap);
    va_end(ap);
    return r;
}

int rs_io_limit_error(rs_error_t err, const rs_io_src_t *src, size_t off,
                      const char *fmt, ...)
{
    va_list ap;
    int r;
    va_start(ap, fmt);
    r = verror(err, RS_ELIMIT, src, off, fmt, ap);
    va_end(ap);
    return r;
}

const char *rs_io_excerpt(char *buf, size_t size, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, o = 0;
    int chars = 0;
    while (i < n && chars < 40 && o + 8 < size) {
        int k = rs_utf8_seq_len(u + i, n - i);
        if (k == 0 || (k == 1 && (u[i] < 0x20 || u[i] == 0x7F))) {
            buf[o++] = '?';
            i++;
        } else {
            memcpy(buf + o, s + i, (size_t)k);
            o += (size_t)k;
            i += (size_t)k;
        }
        chars++;
    }
    if (i < n && o + 4 <= size) {
        memcpy(buf + o, "...", 3);
        o += 3;
    }
    buf[o] = '\0';
    return buf;
}

const char *rs_io_display_name(const char *path)
{
    return strcmp(path, "-") == 0 ? "<stdin>" : path;
}
