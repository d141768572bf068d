/* Out of memory and FLINT aborts: one line on stderr and a documented exit
   status instead of an abort with a core dump (rs_install_oom_handler).

   FLINT and GMP cannot return an allocation failure to their caller, so
   the only clean way out is to end the process from inside the allocator.
   Everything here must work with the heap exhausted: messages are
   formatted into a stack buffer and written with write(2).

   Allocation-failure injection (test builds only, compiled with
   -DRS_FAULT_INJECTION, as `make check-asan` does; never in a normal
   build): with RS_FAIL_ALLOC=N in the environment, the N-th allocation
   through these hooks (FLINT's and GMP's, hence all of rankstrat's) fails
   as if the memory were exhausted.  Before ending the process the handler
   then runs LeakSanitizer's check when the build has it, so that memory
   lost before the failure is reported even though _exit skips the usual
   check at exit: a leak makes the status RS_FAULT_LEAK_STATUS instead of
   RS_ELIMIT.  Live allocations still reachable from the stack are not
   leaks; only what was already unreachable is. */
#include <gmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/tmpfiles.h"
#include "rankstrat/error.h"

#ifdef RS_FAULT_INJECTION
/* exit status of an injected failure that found a leak */
#define RS_FAULT_LEAK_STATUS 23
static long fail_at = 0;     /* RS_FAIL_ALLOC, 0 = never */
static long alloc_count = 0; /* allocations so far */
static int fault_injected = 0;

/* LeakSanitizer's entry point, present only in sanitizer builds. */
int __lsan_do_recoverable_leak_check(void) __attribute__((weak));

static int inject(void)
{
    if (fail_at <= 0)
        return 0;
    if (++alloc_count != fail_at)
        return 0;
    fault_injected = 1;
    return 1;
}

static int leak_check(void)
{
    if (!fault_injected || __lsan_do_recoverable_leak_check == NULL)
        return 0;
    return __lsan_do_recoverable_leak_check() != 0;
}
#else
#define inject() 0
#define leak_check() 0
#define RS_FAULT_LEAK_STATUS RS_ELIMIT
#endif

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
    /* no partial output: named temporary files go too */
    rs_tmpfiles_unlink_all();
    _exit(leak_check() ? RS_FAULT_LEAK_STATUS : RS_ELIMIT);
}

static FLINT_NORETURN void flint_failed(void)
{
    static const char msg[] = "rankstrat: internal error in FLINT\n";
    say(msg, sizeof msg - 1);
    rs_tmpfiles_unlink_all();
    _exit(RS_EINTERNAL);
}

/* A request of 0 bytes may legitimately give NULL (and realloc(p, 0) frees
   p), which must not be mistaken for exhaustion: ask for 1 byte instead. */
static void *oom_malloc(size_t size)
{
    void *p = inject() ? NULL : malloc(size > 0 ? size : 1);
    if (p == NULL)
        out_of_memory(size);
    return p;
}

static void *oom_calloc(size_t num, size_t size)
{
    void *p = inject() ? NULL : calloc(num > 0 ? num : 1, size > 0 ? size : 1);
    if (p == NULL)
        out_of_memory(size != 0 && num > SIZE_MAX / size ? SIZE_MAX
                                                         : num * size);
    return p;
}

static void *oom_realloc(void *ptr, size_t size)
{
    void *p = inject() ? NULL : realloc(ptr, size > 0 ? size : 1);
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
#ifdef RS_FAULT_INJECTION
    {
        const char *v = getenv("RS_FAIL_ALLOC");
        fail_at = v != NULL ? atol(v) : 0;
        alloc_count = 0;
    }
#endif
    /* GMP first: FLINT keeps large integers in GMP's mpz_t */
    mp_set_memory_functions(oom_malloc, gmp_realloc, gmp_free);
    __flint_set_memory_functions(oom_malloc, oom_calloc, oom_realloc, oom_free);
    flint_set_abort(flint_failed);
}
