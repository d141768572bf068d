/* Out of memory and FLINT aborts: one line on stderr and a documented exit
   status instead of an abort with a core dump (rs_install_oom_handler).

   FLINT and GMP cannot return an allocation failure to their caller, so
   the only clean way out is to end the process from inside the allocator.
   Everything here must work with the heap exhausted: messages are
   formatted into a stack buffer and written with write(2). */
#include <gmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rankstrat/error.h"

static void say(const char *msg, size_t n)
{
    /* nothing sensible is left to do if stderr is gone */
    if (write(STDERR_FILENO, msg, n) < 0)
        return;
}

static FLINT_NORETURN void out_of_memory(size_t size)
{
    char buf[200];
    int n = snprintf(buf, sizeof buf,
                     "rankstrat: out of memory (needed %zu bytes); try a "
                     "smaller problem or raise the memory limit\n",
                     size);
    if (n > 0)
        say(buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
    _exit(RS_ELIMIT);
}

static FLINT_NORETURN void flint_failed(void)
{
    static const char msg[] = "rankstrat: internal error in FLINT\n";
    say(msg, sizeof msg - 1);
    _exit(RS_EINTERNAL);
}

/* A request of 0 bytes may legitimately give NULL (and realloc(p, 0) frees
   p), which must not be mistaken for exhaustion: ask for 1 byte instead. */
static void *oom_malloc(size_t size)
{
    void *p = malloc(size > 0 ? size : 1);
    if (p == NULL)
        out_of_memory(size);
    return p;
}

static void *oom_calloc(size_t num, size_t size)
{
    void *p = calloc(num > 0 ? num : 1, size > 0 ? size : 1);
    if (p == NULL)
        out_of_memory(size != 0 && num > SIZE_MAX / size ? SIZE_MAX
                                                         : num * size);
    return p;
}

static void *oom_realloc(void *ptr, size_t size)
{
    void *p = realloc(ptr, size > 0 ? size : 1);
    if (p == NULL)
        out_of_memory(size);
    return p;
}

static void oom_free(void *ptr)
{
    free(ptr);
}

static void *gmp_realloc(void *ptr, size_t old_size, size_t new_size)
{
    (void)old_size;
    return oom_realloc(ptr, new_size);
}

static void gmp_free(void *ptr, size_t size)
{
    (void)size;
    free(ptr);
}

void rs_install_oom_handler(void)
{
    /* GMP first: FLINT keeps large integers in GMP's mpz_t */
    mp_set_memory_functions(oom_malloc, gmp_realloc, gmp_free);
    __flint_set_memory_functions(oom_malloc, oom_calloc, oom_realloc, oom_free);
    flint_set_abort(flint_failed);
}
