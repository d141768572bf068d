/* Error reporting without global state: every fallible library function
   takes an rs_error_t, fills it on failure and returns the status. */
#ifndef RANKSTRAT_ERROR_H
#define RANKSTRAT_ERROR_H

#include <flint/flint.h>

#include "rankstrat/export.h"

RS_BEGIN_DECLS

/* Status codes; they double as the CLI's exit statuses. */
enum {
    RS_OK = 0,        /* success */
    RS_EINPUT = 1,    /* bad input or usage */
    RS_ELIMIT = 2,    /* a resource limit refused the job */
    RS_EINTERNAL = 3, /* an internal consistency check failed */
    RS_ECANCEL = 4    /* the caller cancelled the job (rs_progress_t) */
};

#define RS_ERROR_MSG_LEN 1024

typedef struct {
    int status;                 /* RS_OK until an error is recorded */
    char msg[RS_ERROR_MSG_LEN]; /* one line, no trailing newline */
} rs_error_struct;

typedef rs_error_struct rs_error_t[1];

/* Sets err to "no error". */
void rs_error_init(rs_error_t err);

/* Records status and a printf-style message (truncated to fit) and returns
   status, so that callers can write `return rs_error_set(err, ...)`.  err
   may be NULL (then only status is returned). */
int rs_error_set(rs_error_t err, int status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Records RS_EINPUT with the message "FILE:LINE:COL: " followed by the
   printf-style text; line and col count from 1.  Returns RS_EINPUT. */
int rs_error_at(rs_error_t err, const char *file, slong line, slong col,
                const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* For programs (the CLI), not for library code: makes running out of
   memory and FLINT's internal aborts end the process with one line on
   stderr and a documented status instead of an abort with a core dump.
   Installs allocation functions in FLINT and GMP that, when an allocation
   fails, print "rankstrat: out of memory (needed N bytes); try a smaller
   problem or raise the memory limit" and end the process with status
   RS_ELIMIT, and a FLINT abort handler that prints "rankstrat: internal
   error in FLINT" and ends it with status RS_EINTERNAL.  The process cannot
   continue after either (FLINT cannot unwind), so nothing is freed or
   flushed: output still buffered in an rs_outfile_t is never written.
   Call it first in main(), before anything is allocated through FLINT or
   GMP. */
void rs_install_oom_handler(void);

RS_END_DECLS

#endif
