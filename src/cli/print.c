#include <stdlib.h>
#include <string.h>

#include "cli/print.h"

void rs_cli_print_qmat(FILE *f, const fmpq_mat_t M, const char *indent)
{
    slong m = fmpq_mat_nrows(M), n = fmpq_mat_ncols(M), i, j;
    char **s;
    size_t *width;
    if (m == 0 || n == 0) {
        fprintf(f, "%s(empty %ld x %ld matrix)\n", indent, (long)m, (long)n);
        return;
    }
    s = flint_malloc(m * n * sizeof(char *));
    width = flint_calloc(n, sizeof(size_t));
    for (i = 0; i < m; i++)
        for (j = 0; j < n; j++) {
            s[i * n + j] = fmpq_get_str(NULL, 10, fmpq_mat_entry(M, i, j));
            width[j] = FLINT_MAX(width[j], strlen(s[i * n + j]));
        }
    for (i = 0; i < m; i++) {
        fprintf(f, "%s[", indent);
        for (j = 0; j < n; j++)
            fprintf(f, " %*s", (int)width[j], s[i * n + j]);
        fprintf(f, " ]\n");
    }
    for (i = 0; i < m * n; i++)
        flint_free(s[i]);
    flint_free(s);
    flint_free(width);
}

void rs_cli_print_dims(FILE *f, const slong *d, slong L)
{
    slong k;
    fputc('(', f);
    for (k = 0; k <= L; k++)
        fprintf(f, "%s%ld", k ? ", " : "", (long)d[k]);
    fputc(')', f);
}

void rs_cli_print_rank_triangle(FILE *f, const rs_ranks_t R, const char *indent)
{
    slong L = R->L, i, j, w = 3;
    char buf[32];
    for (j = 0; j <= L; j++)
        for (i = 0; i <= j; i++) {
            int n =
                snprintf(buf, sizeof buf, "%ld", (long)rs_ranks_get(R, i, j));
            w = FLINT_MAX(w, n);
        }
    fprintf(f, "%s%*s", indent, 6, "");
    for (i = 0; i <= L; i++) {
        int n = snprintf(buf, sizeof buf, "i=%ld", (long)i);
        fprintf(f, " %*s", (int)FLINT_MAX(w, n), buf);
    }
    fputc('\n', f);
    for (j = 0; j <= L; j++) {
        snprintf(buf, sizeof buf, "j=%ld", (long)j);
        fprintf(f, "%s%6s", indent, buf);
        for (i = 0; i <= j; i++) {
            int n = snprintf(buf, sizeof buf, "i=%ld", (long)i);
            fprintf(f, " %*ld", (int)FLINT_MAX(w, n),
                    (long)rs_ranks_get(R, i, j));
        }
        fputc('\n', f);
    }
}

void rs_cli_print_rank_rows(FILE *f, const rs_ranks_t R, const char *indent,
                            slong per_line)
{
    slong L = R->L, i, j, n = 0;
    for (i = 0; i <= L; i++)
        for (j = i + 1; j <= L; j++) {
            if (n % per_line == 0)
                fprintf(f, "%s%s", n ? "\n" : "", indent);
            else
                fputc(' ', f);
            fprintf(f, "[%ld,%ld,%ld]", (long)i, (long)j,
                    (long)rs_ranks_get(R, i, j));
            n++;
        }
    if (n)
        fputc('\n', f);
}
