#include "rankstrat/barcode.h"

void rs_barcode_fprint(FILE *f, const rs_barcode_t B)
{
    slong L = B->L, i, j, n = 0;
    for (i = 0; i <= L; i++)
        for (j = i; j <= L; j++) {
            slong w = rs_barcode_get(B, i, j);
            if (w == 0)
                continue;
            fputs(n++ ? " + " : "", f);
            if (w > 1)
                fprintf(f, "%ld", (long)w);
            fprintf(f, "[%ld,%ld]", (long)i, (long)j);
        }
    if (n == 0)
        fputs("-", f);
}

void rs_barcode_fprint_arg(FILE *f, const rs_barcode_t B)
{
    slong L = B->L, i, j, n = 0;
    for (i = 0; i <= L; i++)
        for (j = i; j <= L; j++) {
            slong w = rs_barcode_get(B, i, j);
            if (w == 0)
                continue;
            fprintf(f, "%s%ld-%ld", n++ ? "," : "", (long)i, (long)j);
            if (w > 1)
                fprintf(f, "x%ld", (long)w);
        }
}
