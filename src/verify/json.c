/* The rankstrat-verify JSON document, written by `rankstrat verify --format
   json` and by rs_doc_verify alike. */
#include <stdio.h>

#include "rankstrat/io.h"
#include "verify_internal.h"

static void json_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c < 0x20)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

static void print_witnesses(FILE *f, const rs_verify_report_t R,
                            const rs_covers_t C)
{
    slong k;
    fprintf(f, " \"witnesses\": [");
    for (k = 0; k < C->n; k++) {
        const slong *m = R->witness + 4 * k;
        fprintf(f, "%s\n  [%ld, %ld, ", k ? "," : "",
                (long)rs_covers_lower(C, k), (long)rs_covers_upper(C, k));
        if (m[0] < 0)
            fprintf(f, "null]");
        else
            fprintf(f, "[%ld,%ld], [%ld,%ld]]", (long)m[0], (long)m[1],
                    (long)m[2], (long)m[3]);
    }
    fprintf(f, "%s],\n", C->n ? "\n " : "");
}

void rs_verify_report_fprint_json(FILE *f, const rs_verify_report_t R,
                                  const slong *d, slong L, slong r,
                                  const fmpq_mat_t W, ulong seed,
                                  const rs_covers_struct *C)
{
    int fam;
    fprintf(f, "{\"format\": \"rankstrat-verify\", \"version\": 1,\n");
    fprintf(f, " \"dims\": ");
    rs_json_print_dims(f, d, L);
    fprintf(f, ", \"rank\": %ld, \"product\": ", (long)r);
    if (W != NULL)
        rs_json_fprint_qmat(f, W);
    else
        fprintf(f, "null");
    fprintf(f, ", \"seed\": %lu,\n \"strata\": %ld, \"covers\": %ld,\n",
            (unsigned long)seed, (long)R->strata, (long)R->covers);
    fprintf(f, " \"checks\": [\n");
    for (fam = 0; fam < RS_VERIFY_NUM_CHECKS; fam++) {
        fprintf(f,
                "  {\"check\": \"%s\", \"name\": \"%s\", \"passed\": %ld, "
                "\"total\": %ld, \"first_failure\": ",
                rs_verify_check_key(fam), rs_verify_check_name(fam),
                (long)R->passed[fam], (long)R->total[fam]);
        if (R->failure[fam] != NULL)
            json_string(f, R->failure[fam]);
        else
            fprintf(f, "null");
        fprintf(f, "}%s\n", fam + 1 < RS_VERIFY_NUM_CHECKS ? "," : "");
    }
    fprintf(f, " ],\n");
    if (C != NULL && R->witness != NULL)
        print_witnesses(f, R, C);
    fprintf(f, " \"passed\": %s}\n",
            rs_verify_report_passed(R) ? "true" : "false");
}
