/* Shared checks of the fuzz targets (tests/fuzz/fuzz_*.c).  Every target
   defines LLVMFuzzerTestOneInput; it runs under libFuzzer (`make fuzz`) or
   under the plain replay driver replay.c (`make check` replays the corpus
   and every regression).  A violated invariant prints what was violated
   and aborts, which both count as a crash. */
#ifndef RS_FUZZ_UTIL_H
#define RS_FUZZ_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "rankstrat.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Aborts with "invariant violated: what (detail)" unless cond. */
#define FZ_CHECK(cond, detail)                                                 \
    fz_check((cond) != 0, #cond, __FILE__, __LINE__, (detail))
void fz_check(int ok, const char *what, const char *file, int line,
              const char *detail);

/* The limits every file target uses: small enough that no input of a few
   kilobytes makes a run slow, large enough to reach every code path. */
void fz_limits(rs_io_limits_t *lim);

/* Checks a rejection: status is RS_EINPUT or RS_ELIMIT and equals
   err->status; the message is one nonempty line of printable valid UTF-8;
   if name is not NULL it starts "NAME:LINE:COL: " with a position inside
   data[0..len). */
void fz_check_rejection(int status, const rs_error_t err, const char *name,
                        const char *data, size_t len);

/* data with every LF not preceded by CR turned into CRLF (flint_free). */
char *fz_crlf(const char *data, size_t len, size_t *out_len);

/* A NUL-terminated copy of data (flint_free), cut at the first NUL byte:
   what a command-line argument can hold. */
char *fz_cstr(const uint8_t *data, size_t size);

/* A network that failed reads must leave alone, and the test of that. */
void fz_sentinel_net(rs_net_t N);
int fz_is_sentinel_net(const rs_net_t N);
int fz_nets_equal(const rs_net_t A, const rs_net_t B);

/* Text written to memory through a FILE (flint_free the result). */
typedef struct {
    FILE *f;
    char *buf;
    size_t len;
} fz_mem_t;
void fz_mem_open(fz_mem_t *m);
/* Closes the stream; m->buf and m->len then hold the text (free()). */
void fz_mem_close(fz_mem_t *m);

/* N in the JSON network format, built from the JSON writers. */
void fz_net_fprint_json(FILE *f, const rs_net_t N);

/* The checks shared by the two network targets, on one input:
   - accepted: written in the text format and in the JSON format, each
     reads back equal; the input with CRLF line ends reads equal; the
     default limits (all looser) accept it equally;
   - rejected: the network passed in is unchanged, the message is a
     positioned one-liner (fz_check_rejection) and, unless a limit was
     involved, the default limits give the same message. */
void fz_check_net_input(const char *data, size_t len);

/* Whether the reader takes data for JSON: its first character after an
   optional UTF-8 byte order mark and blanks is '{'. */
int fz_is_json(const uint8_t *data, size_t size);

#endif
