/* Tests of rs_install_oom_handler, each in a child process: an allocation
   that cannot be satisfied (through FLINT, through GMP, through calloc and
   realloc) ends the process with status RS_ELIMIT and the one-line
   message, a FLINT abort with RS_EINTERNAL; nothing is written to
   stdout. */
#include <fcntl.h>
#include <gmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testutil.h"

#if defined(__SANITIZE_ADDRESS__)
#define RS_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RS_ASAN 1
#endif
#endif
#ifndef RS_ASAN
#define RS_ASAN 0
#endif

enum { BIG_MALLOC, BIG_CALLOC, BIG_REALLOC, BIG_FMPZ, GMP_LIMIT, ABORT };

static void child(int what)
{
    rs_install_oom_handler();
    switch (what) {
    case BIG_MALLOC: {
        /* far more than any address space */
        void *p = flint_malloc((size_t)1 << 62);
        flint_free(p);
        break;
    }
    case BIG_CALLOC: {
        /* num * size overflows size_t */
        void *p = flint_calloc(SIZE_MAX / 2, 4);
        flint_free(p);
        break;
    }
    case BIG_REALLOC: {
        void *p = flint_malloc(16);
        p = flint_realloc(p, (size_t)1 << 62);
        flint_free(p);
        break;
    }
    case BIG_FMPZ: {
        /* 2^(2^33): a 1 GiB integer under a 256 MiB limit, through FLINT
           and GMP */
        struct rlimit rl = {(rlim_t)256 << 20, (rlim_t)256 << 20};
        fmpz_t x;
        setrlimit(RLIMIT_AS, &rl);
        fmpz_init(x);
        fmpz_one(x);
        fmpz_mul_2exp(x, x, (ulong)1 << 33);
        fmpz_clear(x);
        break;
    }
    case GMP_LIMIT: {
        /* a plausible request refused by a memory limit */
        struct rlimit rl = {(rlim_t)256 << 20, (rlim_t)256 << 20};
        mpz_t z;
        setrlimit(RLIMIT_AS, &rl);
        mpz_init(z);
        mpz_realloc2(z, (mp_bitcnt_t)1 << 33); /* 1 GiB */
        mpz_clear(z);
        break;
    }
    default:
        flint_abort();
    }
    _exit(0); /* not reached when the handler works */
}

/* Runs child(what) with stdout and stderr captured; returns the exit
   status (-1 if it did not exit normally) and the two outputs. */
static int run_child(int what, char *out, size_t outlen, char *errbuf,
                     size_t errlen)
{
    char opath[] = "/tmp/rs_oom_out_XXXXXX", epath[] = "/tmp/rs_oom_err_XXXXXX";
    int ofd = mkstemp(opath), efd = mkstemp(epath), wstatus;
    ssize_t n;
    pid_t pid;
    ck_assert(ofd >= 0 && efd >= 0);
    fflush(stdout);
    fflush(stderr);
    pid = fork();
    ck_assert(pid >= 0);
    if (pid == 0) {
        dup2(ofd, 1);
        dup2(efd, 2);
        child(what);
    }
    ck_assert(waitpid(pid, &wstatus, 0) == pid);
    n = pread(ofd, out, outlen - 1, 0);
    out[n > 0 ? n : 0] = '\0';
    n = pread(efd, errbuf, errlen - 1, 0);
    errbuf[n > 0 ? n : 0] = '\0';
    close(ofd);
    close(efd);
    unlink(opath);
    unlink(epath);
    return WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1;
}

static void expect_oom(int what, const char *needed)
{
    char out[256], buf[2048], want[256], *err = buf;
    int status = run_child(what, out, sizeof out, buf, sizeof buf);
    /* AddressSanitizer warns ("==PID==WARNING: ... failed to allocate")
       before it returns NULL; the handler's line comes last */
    if (RS_ASAN && strstr(buf, "rankstrat: ") != NULL)
        err = strstr(buf, "rankstrat: ");
    ck_assert_msg(status == RS_ELIMIT, "case %d: status %d, stderr: %s", what,
                  status, err);
    ck_assert_str_eq(out, "");
    snprintf(want, sizeof want,
             "rankstrat: out of memory (needed %s bytes); try a smaller "
             "problem or raise the memory limit\n",
             needed);
    if (needed[0] != '\0')
        ck_assert_str_eq(err, want);
    else
        ck_assert_msg(strncmp(err, "rankstrat: out of memory (needed ", 33) ==
                              0 &&
                          strchr(err, '\n') == err + strlen(err) - 1,
                      "%s", err);
}

/* Under AddressSanitizer an impossible request only returns NULL (so that
   the handler sees it) with allocator_may_return_null=1, which `make
   check-asan` sets, and RLIMIT_AS cannot be used at all. */
static int asan_returns_null(void)
{
    const char *o = getenv("ASAN_OPTIONS");
    return !RS_ASAN ||
           (o != NULL && strstr(o, "allocator_may_return_null=1") != NULL);
}

START_TEST(test_out_of_memory)
{
    char n[64];
    if (!asan_returns_null())
        return;
    snprintf(n, sizeof n, "%zu", (size_t)1 << 62);
    expect_oom(BIG_MALLOC, n);
    expect_oom(BIG_REALLOC, n);
    snprintf(n, sizeof n, "%zu", SIZE_MAX);
    expect_oom(BIG_CALLOC, n);
    if (!RS_ASAN) {
        expect_oom(BIG_FMPZ, "");
        expect_oom(GMP_LIMIT, "");
    }
}
END_TEST

START_TEST(test_flint_abort)
{
    char out[256], err[1024];
    int status = run_child(ABORT, out, sizeof out, err, sizeof err);
    ck_assert_int_eq(status, RS_EINTERNAL);
    ck_assert_str_eq(out, "");
    ck_assert_str_eq(err, "rankstrat: internal error in FLINT\n");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("oom");
    TCase *tc = tcase_create("handler");
    tcase_set_timeout(tc, 0);
    tcase_add_test(tc, test_out_of_memory);
    tcase_add_test(tc, test_flint_abort);
    suite_add_tcase(s, tc);
    return rs_test_run(s) ? EXIT_FAILURE : EXIT_SUCCESS;
}
