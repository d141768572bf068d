#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "rankstrat/error.h"

void rs_error_init(rs_error_t err)
{
    err->status = RS_OK;
    err->msg[0] = '\0';
}

static void squash_newlines(char *s)
{
    /* Messages are one line on stderr whatever the caller formatted. */
    for (; *s; s++)
        if (*s == '\n' || *s == '\r')
            *s = ' ';
}

int rs_error_set(rs_error_t err, int status, const char *fmt, ...)
{
    va_list ap;
    if (err == NULL) /* a caller that does not want the message */
        return status;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    squash_newlines(err->msg);
    err->status = status;
    return status;
}

int rs_error_at(rs_error_t err, const char *file, slong line, slong col,
                const char *fmt, ...)
{
    int n = snprintf(err->msg, sizeof err->msg, "%s:%ld:%ld: ", file,
                     (long)line, (long)col);
    if (n < 0 || (size_t)n >= sizeof err->msg)
        n = (int)strlen(err->msg);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg + n, sizeof err->msg - (size_t)n, fmt, ap);
    va_end(ap);
    squash_newlines(err->msg);
    err->status = RS_EINPUT;
    return RS_EINPUT;
}
