/* Replays inputs through one fuzz target without libFuzzer: every
   argument is a file (or a directory, whose files are all read) passed to
   LLVMFuzzerTestOneInput once.  An invariant violation aborts, so the
   exit status says whether every input passed. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz_util.h"

static int run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t len = 0, cap = 0, got;
    if (f == NULL) {
        fprintf(stderr, "replay: cannot open %s\n", path);
        return 1;
    }
    do {
        if (len == cap) {
            cap = cap == 0 ? 4096 : 2 * cap;
            buf = realloc(buf, cap);
            if (buf == NULL) {
                fprintf(stderr, "replay: out of memory on %s\n", path);
                exit(1);
            }
        }
        got = fread(buf + len, 1, cap - len, f);
        len += got;
    } while (got > 0);
    fclose(f);
    /* a copy of exactly len bytes, so that ASan sees reads past the end */
    {
        uint8_t *exact = malloc(len > 0 ? len : 1);
        memcpy(exact, buf, len);
        free(buf);
        LLVMFuzzerTestOneInput(exact, len);
        free(exact);
    }
    return 0;
}

static int run_path(const char *path, long *count)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "replay: no such file %s\n", path);
        return 1;
    }
    if (S_ISDIR(st.st_mode)) {
        DIR *d = opendir(path);
        struct dirent *e;
        int bad = 0;
        if (d == NULL)
            return 1;
        while ((e = readdir(d)) != NULL) {
            char *p;
            if (e->d_name[0] == '.')
                continue;
            p = malloc(strlen(path) + strlen(e->d_name) + 2);
            sprintf(p, "%s/%s", path, e->d_name);
            bad |= run_path(p, count);
            free(p);
        }
        closedir(d);
        return bad;
    }
    (*count)++;
    return run_file(path);
}

int main(int argc, char **argv)
{
    long count = 0;
    int i, bad = 0;
    for (i = 1; i < argc; i++)
        bad |= run_path(argv[i], &count);
    flint_cleanup_master();
    printf("%s: %ld inputs replayed\n", argv[0], count);
    return bad;
}
