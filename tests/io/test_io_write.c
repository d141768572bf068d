/* Tests of the writers (random networks and matrices, including zero
   widths and huge entries, written and read back equal; the text and JSON
   forms agree) and of output files that never exist half-written. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testutil.h"

static int nets_equal(const rs_net_t A, const rs_net_t B)
{
    slong k, L = rs_net_num_layers(A);
    if (L != rs_net_num_layers(B))
        return 0;
    for (k = 0; k <= L; k++)
        if (rs_net_width(A, k) != rs_net_width(B, k))
            return 0;
    for (k = 1; k <= L; k++)
        if (!fmpq_mat_equal(rs_net_weight(A, k), rs_net_weight(B, k)))
            return 0;
    return 1;
}

static void rand_entry(fmpq_t x, flint_rand_t state)
{
    switch (n_randint(state, 5)) {
    case 0:
        fmpq_zero(x);
        break;
    case 1: /* integers, sometimes beyond a machine word */
        fmpz_randtest(fmpq_numref(x), state, 1 + n_randint(state, 150));
        fmpz_one(fmpq_denref(x));
        break;
    case 2: /* huge */
        fmpq_randtest(x, state, 1 + n_randint(state, 3000));
        break;
    default:
        fmpq_randtest(x, state, 1 + n_randint(state, 40));
    }
}

static void rand_net(rs_net_t N, flint_rand_t state)
{
    slong L = 1 + n_randint(state, 4), d[5], k, i, j;
    for (k = 0; k <= L; k++)
        d[k] = n_randint(state, 4) == 0 ? 0 : (slong)n_randint(state, 5);
    rs_net_init(N, d, L);
    for (k = 1; k <= L; k++) {
        fmpq_mat_struct *W = rs_net_weight_mut(N, k);
        for (i = 0; i < d[k]; i++)
            for (j = 0; j < d[k - 1]; j++)
                rand_entry(fmpq_mat_entry(W, i, j), state);
    }
}

/* The network as JSON, built from the public JSON writers; entries that
   are integers are sometimes written as bare JSON numbers. */
static void json_net_fprint(FILE *f, const rs_net_t N, flint_rand_t state)
{
    slong k, i, j, L = rs_net_num_layers(N);
    fputs("{\"dims\": [", f);
    for (k = 0; k <= L; k++)
        fprintf(f, "%s%ld", k ? ", " : "", (long)rs_net_width(N, k));
    fputs("],\n \"weights\": [", f);
    for (k = 1; k <= L; k++) {
        const fmpq_mat_struct *W = rs_net_weight(N, k);
        if (k > 1)
            fputs(",\n  ", f);
        if (n_randint(state, 2)) {
            rs_json_fprint_qmat(f, W);
            continue;
        }
        fputc('[', f);
        for (i = 0; i < fmpq_mat_nrows(W); i++) {
            fputs(i ? ", [" : "[", f);
            for (j = 0; j < fmpq_mat_ncols(W); j++) {
                const fmpq *x = fmpq_mat_entry(W, i, j);
                if (j)
                    fputs(", ", f);
                if (fmpz_is_one(fmpq_denref(x)))
                    fmpz_fprint(f, fmpq_numref(x));
                else
                    rs_json_fprint_fmpq(f, x);
            }
            fputc(']', f);
        }
        fputc(']', f);
    }
    fputs("]}\n", f);
}

START_TEST(test_net_round_trips)
{
    flint_rand_t state;
    slong iter, n = rs_test_long() ? 3000 : 300;
    rs_test_rand_init(state);
    for (iter = 0; iter < n; iter++) {
        rs_net_t N, M;
        rs_error_t err;
        char *buf;
        size_t len;
        FILE *f;
        rand_net(N, state);
        rs_net_init_empty(M);
        rs_error_init(err);

        f = open_memstream(&buf, &len);
        rs_net_fprint(f, N);
        fclose(f);
        ck_assert_msg(rs_net_read_buffer(M, buf, len, "mem", NULL, err) ==
                          RS_OK,
                      "%s\n%s", err->msg, buf);
        ck_assert_msg(nets_equal(N, M), "text round trip:\n%s", buf);
        free(buf);

        rs_net_clear(M);
        rs_net_init_empty(M);
        f = open_memstream(&buf, &len);
        json_net_fprint(f, N, state);
        fclose(f);
        ck_assert_msg(rs_net_read_buffer(M, buf, len, "mem", NULL, err) ==
                          RS_OK,
                      "%s\n%s", err->msg, buf);
        ck_assert_msg(nets_equal(N, M), "JSON round trip:\n%s", buf);
        free(buf);
        rs_net_clear(N);
        rs_net_clear(M);
    }
    rs_rand_clear(state);
}
END_TEST

START_TEST(test_net_format)
{
    /* the exact text: single spaces, p/q, integers without /1 */
    slong d[3] = {2, 1, 0};
    rs_net_t N;
    char *buf;
    size_t len;
    FILE *f;
    rs_net_init(N, d, 2);
    fmpq_set_si(fmpq_mat_entry(rs_net_weight_mut(N, 1), 0, 0), -6, 4);
    fmpq_set_si(fmpq_mat_entry(rs_net_weight_mut(N, 1), 0, 1), 12, 1);
    f = open_memstream(&buf, &len);
    rs_net_fprint(f, N);
    fclose(f);
    ck_assert_str_eq(buf, "dims 2 1 0\nW1\n-3/2 12\nW2\n");
    free(buf);
    rs_net_clear(N);
}
END_TEST

START_TEST(test_matrix_round_trips)
{
    flint_rand_t state;
    slong iter;
    rs_test_rand_init(state);
    for (iter = 0; iter < 300; iter++) {
        slong r = n_randint(state, 5), c = n_randint(state, 5), i, j;
        fmpq_mat_t A, B;
        rs_error_t err;
        char *buf;
        size_t len;
        FILE *f;
        fmpq_mat_init(A, r, c);
        fmpq_mat_init(B, 2, 2);
        rs_error_init(err);
        for (i = 0; i < r; i++)
            for (j = 0; j < c; j++)
                rand_entry(fmpq_mat_entry(A, i, j), state);
        f = open_memstream(&buf, &len);
        rs_matrix_fprint(f, A);
        fclose(f);
        ck_assert_msg(rs_matrix_read_buffer(B, buf, len, "mem", NULL, err) ==
                          RS_OK,
                      "%s\n%s", err->msg, buf);
        ck_assert(fmpq_mat_nrows(B) == r && fmpq_mat_ncols(B) == c);
        ck_assert(fmpq_mat_equal(A, B));
        free(buf);
        fmpq_mat_clear(A);
        fmpq_mat_clear(B);
    }
    rs_rand_clear(state);
}
END_TEST

static char *print_qmat(const fmpq_mat_t M)
{
    char *buf;
    size_t len;
    FILE *f = open_memstream(&buf, &len);
    rs_json_fprint_qmat(f, M);
    fclose(f);
    return buf;
}

START_TEST(test_json_writers)
{
    fmpq_t x;
    fmpq_mat_t M;
    char *buf;
    size_t len;
    FILE *f;
    fmpq_init(x);
    fmpq_set_si(x, -6, 14);
    f = open_memstream(&buf, &len);
    rs_json_fprint_fmpq(f, x);
    fmpq_set_si(x, 12, 1);
    rs_json_fprint_fmpq(f, x);
    fclose(f);
    ck_assert_str_eq(buf, "\"-3/7\"\"12\"");
    free(buf);
    fmpq_clear(x);

    fmpq_mat_init(M, 2, 2);
    fmpq_set_si(fmpq_mat_entry(M, 0, 1), -1, 2);
    fmpq_set_si(fmpq_mat_entry(M, 1, 0), 3, 1);
    buf = print_qmat(M);
    ck_assert_str_eq(buf, "[[\"0\",\"-1/2\"],[\"3\",\"0\"]]");
    free(buf);
    fmpq_mat_clear(M);
    fmpq_mat_init(M, 0, 3);
    buf = print_qmat(M);
    ck_assert_str_eq(buf, "[]");
    free(buf);
    fmpq_mat_clear(M);
    fmpq_mat_init(M, 2, 0);
    buf = print_qmat(M);
    ck_assert_str_eq(buf, "[[],[]]");
    free(buf);
    fmpq_mat_clear(M);
}
END_TEST

/* ---- output files ---------------------------------------------------- */

static int count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            n++;
    closedir(d);
    return n;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *buf = flint_malloc(4096);
    size_t n;
    ck_assert(f != NULL);
    n = fread(buf, 1, 4095, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

START_TEST(test_outfile)
{
    char dir[] = "/tmp/rs_test_out_XXXXXX", path[128], sub[128], cwd[4096];
    rs_outfile_t out;
    rs_error_t err;
    struct stat st;
    char *text;
    ck_assert(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/out.txt", dir);
    rs_error_init(err);

    /* commit: the target appears with the content, nothing else is left;
       while writing, the target does not exist and at most the temporary
       file is visible (none where the kernel has O_TMPFILE) */
    ck_assert_int_eq(rs_outfile_open(&out, path, err), RS_OK);
    fputs("hello\n", out.f);
    ck_assert(fileno(out.f) >= 0);
    ck_assert_int_le(count_entries(dir), 1);
    ck_assert(stat(path, &st) != 0);
    ck_assert_int_eq(rs_outfile_commit(&out, err), RS_OK);
    ck_assert(out.f == NULL && out.path == NULL && out.tmp_path == NULL);
    ck_assert_int_eq(count_entries(dir), 1);
    text = slurp(path);
    ck_assert_str_eq(text, "hello\n");
    flint_free(text);

    /* abort: an existing target is left as it was, the temporary file is
       gone */
    ck_assert_int_eq(rs_outfile_open(&out, path, err), RS_OK);
    fputs("half-writ", out.f);
    rs_outfile_abort(&out);
    ck_assert_int_eq(count_entries(dir), 1);
    text = slurp(path);
    ck_assert_str_eq(text, "hello\n");
    flint_free(text);

    /* replacing an existing file keeps its permissions */
    ck_assert(chmod(path, 0640) == 0);
    ck_assert_int_eq(rs_outfile_open(&out, path, err), RS_OK);
    fputs("again\n", out.f);
    ck_assert_int_eq(rs_outfile_commit(&out, err), RS_OK);
    ck_assert(stat(path, &st) == 0 && (st.st_mode & 0777) == 0640);
    text = slurp(path);
    ck_assert_str_eq(text, "again\n");
    flint_free(text);

    /* a symbolic link is followed: the file it names is replaced and the
       link stays a link */
    snprintf(sub, sizeof sub, "%s/link", dir);
    ck_assert(symlink("out.txt", sub) == 0);
    ck_assert_int_eq(rs_outfile_open(&out, sub, err), RS_OK);
    fputs("via link\n", out.f);
    ck_assert_int_eq(rs_outfile_commit(&out, err), RS_OK);
    ck_assert(lstat(sub, &st) == 0 && S_ISLNK(st.st_mode));
    text = slurp(path);
    ck_assert_str_eq(text, "via link\n");
    flint_free(text);
    ck_assert_int_eq(count_entries(dir), 2);
    unlink(sub);
    unlink(path);

    /* abort with no previous target: nothing at all */
    ck_assert_int_eq(rs_outfile_open(&out, path, err), RS_OK);
    fputs("x", out.f);
    rs_outfile_abort(&out);
    ck_assert_int_eq(count_entries(dir), 0);

    /* a device is written in place, never renamed over */
    ck_assert_int_eq(rs_outfile_open(&out, "/dev/null", err), RS_OK);
    fputs("discarded", out.f);
    ck_assert_int_eq(rs_outfile_commit(&out, err), RS_OK);
    ck_assert(stat("/dev/null", &st) == 0 && S_ISCHR(st.st_mode));

    /* a directory as the target is refused at once */
    snprintf(sub, sizeof sub, "%s/d", dir);
    ck_assert(mkdir(sub, 0700) == 0);
    ck_assert_int_eq(rs_outfile_open(&out, sub, err), RS_EINPUT);
    ck_assert_msg(strstr(err->msg, "found a directory") != NULL, "%s",
                  err->msg);
    ck_assert(out.f == NULL && out.tmp_path == NULL);

    /* a failing commit (the target became a directory meanwhile) removes
       the temporary file and reports the path */
    snprintf(path, sizeof path, "%s/d/x", dir);
    ck_assert_int_eq(rs_outfile_open(&out, path, err), RS_OK);
    fputs("data", out.f);
    ck_assert(mkdir(path, 0700) == 0);
    ck_assert_int_eq(rs_outfile_commit(&out, err), RS_EINPUT);
    ck_assert_msg(strncmp(err->msg, path, strlen(path)) == 0 &&
                      strstr(err->msg, "write error") != NULL,
                  "%s", err->msg);
    ck_assert_int_eq(count_entries(sub), 1); /* only the directory x */
    rmdir(path);
    rmdir(sub);

    /* a directory that does not exist */
    snprintf(path, sizeof path, "%s/nowhere/out.txt", dir);
    ck_assert_int_eq(rs_outfile_open(&out, path, err), RS_EINPUT);
    ck_assert_msg(strstr(err->msg, "cannot create a temporary file") != NULL,
                  "%s", err->msg);
    ck_assert(out.f == NULL && out.tmp_path == NULL);
    ck_assert_int_eq(count_entries(dir), 0);

    /* standard output */
    ck_assert_int_eq(rs_outfile_open(&out, "-", err), RS_OK);
    ck_assert(out.f == stdout && out.path == NULL);
    ck_assert_int_eq(rs_outfile_commit(&out, err), RS_OK);

    /* a relative name in the current directory */
    ck_assert(getcwd(cwd, sizeof cwd) != NULL);
    ck_assert(chdir(dir) == 0);
    ck_assert_int_eq(rs_outfile_open(&out, "rel.txt", err), RS_OK);
    fputs("r", out.f);
    ck_assert_int_eq(rs_outfile_commit(&out, err), RS_OK);
    ck_assert(stat("rel.txt", &st) == 0 && st.st_size == 1);
    unlink("rel.txt");
    ck_assert(chdir(cwd) == 0);
    ck_assert(rmdir(dir) == 0);
}
END_TEST

/* A process that dies between open and commit (as the out-of-memory
   handler makes it) leaves no file behind when the kernel offers
   anonymous temporary files. */
START_TEST(test_outfile_dies)
{
    char dir[] = "/tmp/rs_test_die_XXXXXX", path[128];
    pid_t pid;
    int wstatus;
    ck_assert(mkdtemp(dir) != NULL);
    snprintf(path, sizeof path, "%s/out.txt", dir);
    pid = fork();
    ck_assert(pid >= 0);
    if (pid == 0) {
        rs_outfile_t out;
        rs_error_t err;
        rs_error_init(err);
        if (rs_outfile_open(&out, path, err) != RS_OK)
            _exit(1);
        fputs("never committed\n", out.f);
        fflush(out.f);
        _exit(out.tmp_path == NULL ? 0 : 2);
    }
    ck_assert(waitpid(pid, &wstatus, 0) == pid);
    ck_assert(WIFEXITED(wstatus));
    if (WEXITSTATUS(wstatus) == 0)
        ck_assert_int_eq(count_entries(dir), 0);
    else
        ck_assert_int_eq(WEXITSTATUS(wstatus), 2); /* a named fallback */
    /* tidy up the named fallback's file, if any */
    {
        DIR *d = opendir(dir);
        struct dirent *e;
        char p[sizeof dir + 300];
        while ((e = readdir(d)) != NULL)
            if (e->d_name[0] == '.' && strcmp(e->d_name, ".") != 0 &&
                strcmp(e->d_name, "..") != 0) {
                snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
                unlink(p);
            }
        closedir(d);
    }
    ck_assert(rmdir(dir) == 0);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("io_write");
    TCase *tc = tcase_create("write");
    tcase_set_timeout(tc, 0);
    tcase_add_test(tc, test_net_round_trips);
    tcase_add_test(tc, test_net_format);
    tcase_add_test(tc, test_matrix_round_trips);
    tcase_add_test(tc, test_json_writers);
    tcase_add_test(tc, test_outfile);
    tcase_add_test(tc, test_outfile_dies);
    suite_add_tcase(s, tc);
    return rs_test_run(s) ? EXIT_FAILURE : EXIT_SUCCESS;
}
