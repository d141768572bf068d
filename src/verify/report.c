/* Reports of rankstrat verify: counts and first failures per family. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "verify_internal.h"

static const char *const names[RS_VERIFY_NUM_CHECKS] = {
    "points analysed back",     "tangent rank = formula",
    "tangent/normal checks",    "covers witnessed",
    "covers = brute force",     "transpose invariance",
    "reduction invariance",     "lambda = codim/2 = Aoyagi",
    "top components = formula", "points over F_q",
    "permutation invariance",   "components = orbit count"};

static const char *const keys[RS_VERIFY_NUM_CHECKS] = {
    "points",         "tangent_rank", "tangent_check", "covers",
    "hasse",          "transpose",    "reduction",     "lambda",
    "top_components", "points_fq",    "permutation",   "components"};

void rs_verify_opts_init(rs_verify_opts_t *o)
{
    o->seed = 1;
    o->corrupt = RS_VERIFY_CORRUPT_NONE;
    o->progress = NULL;
    o->progress_data = NULL;
    o->cancel = NULL;
}

void rs_verify_report_init(rs_verify_report_t R)
{
    int f;
    R->strata = R->covers = 0;
    for (f = 0; f < RS_VERIFY_NUM_CHECKS; f++) {
        R->passed[f] = R->total[f] = 0;
        R->failure[f] = NULL;
    }
    R->witness = NULL;
}

void rs_verify_report_clear(rs_verify_report_t R)
{
    int f;
    for (f = 0; f < RS_VERIFY_NUM_CHECKS; f++)
        flint_free(R->failure[f]);
    flint_free(R->witness);
    rs_verify_report_init(R);
}

slong rs_verify_report_failed(const rs_verify_report_t R)
{
    slong n = 0;
    int f;
    for (f = 0; f < RS_VERIFY_NUM_CHECKS; f++)
        n += R->total[f] - R->passed[f];
    return n;
}

int rs_verify_report_passed(const rs_verify_report_t R)
{
    slong n = 0;
    int f;
    for (f = 0; f < RS_VERIFY_NUM_CHECKS; f++)
        n += R->total[f];
    return n > 0 && rs_verify_report_failed(R) == 0;
}

const char *rs_verify_check_name(int family)
{
    return family >= 0 && family < RS_VERIFY_NUM_CHECKS ? names[family] : "?";
}

const char *rs_verify_check_key(int family)
{
    return family >= 0 && family < RS_VERIFY_NUM_CHECKS ? keys[family] : "?";
}

void _rs_verify_record(rs_verify_ctx *ctx, int family, int ok, const char *fmt,
                       ...)
{
    rs_verify_report_struct *R = ctx->R;
    va_list ap;
    R->total[family]++;
    if (ok) {
        R->passed[family]++;
        return;
    }
    if (R->failure[family] != NULL)
        return;
    R->failure[family] = flint_malloc(RS_ERROR_MSG_LEN);
    va_start(ap, fmt);
    vsnprintf(R->failure[family], RS_ERROR_MSG_LEN, fmt, ap);
    va_end(ap);
}

void _rs_verify_barcode_str(char *buf, size_t n, const rs_barcode_t B)
{
    slong L = B->L, i, j;
    size_t len = 0;
    buf[0] = '\0';
    for (i = 0; i <= L; i++)
        for (j = i; j <= L; j++) {
            slong m = rs_barcode_get(B, i, j);
            int k;
            if (m == 0 || len >= n)
                continue;
            if (m == 1)
                k = snprintf(buf + len, n - len, "%s%ld-%ld", len ? "," : "",
                             (long)i, (long)j);
            else
                k = snprintf(buf + len, n - len, "%s%ld-%ldx%ld",
                             len ? "," : "", (long)i, (long)j, (long)m);
            len += k > 0 ? (size_t)k : 0;
        }
    if (len == 0 && n > 1)
        snprintf(buf, n, "-");
}
