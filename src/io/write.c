/* Writers for the text formats; what they write reads back equal. */
#include <flint/fmpz.h>

#include "io_internal.h"

static void print_fmpq(FILE *f, const fmpq_t x)
{
    fmpz_fprint(f, fmpq_numref(x));
    if (!fmpz_is_one(fmpq_denref(x))) {
        fputc('/', f);
        fmpz_fprint(f, fmpq_denref(x));
    }
}

/* One line per row; a matrix without columns has no row lines (a line
   with no entries would be read as a blank line). */
static void print_rows(FILE *f, const fmpq_mat_struct *M)
{
    slong i, j, r = fmpq_mat_nrows(M), c = fmpq_mat_ncols(M);
    if (c == 0)
        return;
    for (i = 0; i < r; i++) {
        for (j = 0; j < c; j++) {
            if (j > 0)
                fputc(' ', f);
            print_fmpq(f, fmpq_mat_entry(M, i, j));
        }
        fputc('\n', f);
    }
}

void rs_net_fprint(FILE *f, const rs_net_t N)
{
    slong k, L = rs_net_num_layers(N);
    fputs("dims", f);
    for (k = 0; L >= 1 && k <= L; k++)
        fprintf(f, " %ld", (long)rs_net_width(N, k));
    fputc('\n', f);
    for (k = 1; k <= L; k++) {
        fprintf(f, "W%ld\n", (long)k);
        print_rows(f, rs_net_weight(N, k));
    }
}

void rs_matrix_fprint(FILE *f, const fmpq_mat_t M)
{
    fprintf(f, "matrix %ld %ld\n", (long)fmpq_mat_nrows(M),
            (long)fmpq_mat_ncols(M));
    print_rows(f, M);
}

void rs_json_fprint_fmpq(FILE *f, const fmpq_t x)
{
    fputc('"', f);
    print_fmpq(f, x);
    fputc('"', f);
}

void rs_json_fprint_qmat(FILE *f, const fmpq_mat_t M)
{
    slong i, j, r = fmpq_mat_nrows(M), c = fmpq_mat_ncols(M);
    fputc('[', f);
    for (i = 0; i < r; i++) {
        if (i > 0)
            fputc(',', f);
        fputc('[', f);
        for (j = 0; j < c; j++) {
            if (j > 0)
                fputc(',', f);
            rs_json_fprint_fmpq(f, fmpq_mat_entry(M, i, j));
        }
        fputc(']', f);
    }
    fputc(']', f);
}

void rs_json_print_ranks(FILE *f, const rs_ranks_t R)
{
    slong L = R->L, i, j, n = 0;
    fputc('[', f);
    for (i = 0; i <= L; i++)
        for (j = i + 1; j <= L; j++)
            fprintf(f, "%s[%ld,%ld,%ld]", n++ ? "," : "", (long)i, (long)j,
                    (long)rs_ranks_get(R, i, j));
    fputc(']', f);
}

void rs_json_print_barcode(FILE *f, const rs_barcode_t B)
{
    slong L = B->L, i, j, n = 0;
    fputc('[', f);
    for (i = 0; i <= L; i++)
        for (j = i; j <= L; j++)
            if (rs_barcode_get(B, i, j) > 0)
                fprintf(f, "%s[%ld,%ld,%ld]", n++ ? "," : "", (long)i, (long)j,
                        (long)rs_barcode_get(B, i, j));
    fputc(']', f);
}

void rs_json_print_dims(FILE *f, const slong *d, slong L)
{
    slong k;
    fputc('[', f);
    for (k = 0; k <= L; k++)
        fprintf(f, "%s%ld", k ? "," : "", (long)d[k]);
    fputc(']', f);
}
