/* Fuzz target: --dims values ("2,3,2"), against an independent parser:
   accepted exactly when every comma-separated field is a nonnegative
   integer (blanks around it allowed), there are at least two, and the
   shape is within the engine's limits; the widths agree; a rejection is a
   one-line message naming the option, status 1 or 2, nothing allocated;
   the widths written back with commas parse equal. */
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"

static int blank(char c)
{
    return c == ' ' || c == '\t';
}

/* Returns 1 and the widths if arg is a valid --dims value. */
static int reference(slong *d, slong *count, const char *arg)
{
    const char *p = arg;
    fmpz_t v, total;
    int ok = 1;
    slong n = 0;
    fmpz_init(v);
    fmpz_init(total);
    for (;;) {
        const char *a, *b;
        while (blank(*p))
            p++;
        a = p;
        while (*p >= '0' && *p <= '9')
            p++;
        b = p;
        while (blank(*p))
            p++;
        if (a == b || (*p != ',' && *p != '\0')) {
            ok = 0;
            break;
        }
        {
            char t[64];
            size_t len;
            while (a + 1 < b && *a == '0')
                a++;
            len = (size_t)(b - a);
            /* past 40 digits it is far above any limit anyway */
            if (len > 40) {
                fmpz_set_ui(v, 1);
                fmpz_mul_2exp(v, v, 200);
            } else {
                memcpy(t, a, len);
                t[len] = '\0';
                fmpz_set_str(v, t, 10);
            }
        }
        fmpz_add(total, total, v);
        if (fmpz_cmp_si(total, RS_MAX_TOTAL_WIDTH) > 0) {
            ok = 0;
            break;
        }
        d[n++] = fmpz_get_si(v);
        if (*p == '\0')
            break;
        p++;
    }
    if (n < 2 || n - 1 > RS_MAX_LAYERS)
        ok = 0;
    *count = n;
    fmpz_clear(v);
    fmpz_clear(total);
    return ok;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *arg = fz_cstr(data, size);
    slong *d = NULL, L = -5, count, *ref;
    rs_error_t err;
    int r, ok;
    rs_error_init(err);
    ref = flint_malloc(sizeof(slong) * (strlen(arg) + 2));
    ok = reference(ref, &count, arg);
    r = rs_parse_dims(&d, &L, arg, "--dims", err);
    if (ok) {
        fz_mem_t m;
        slong k, *d2, L2;
        FZ_CHECK(r == RS_OK, err->msg);
        FZ_CHECK(L == count - 1, "wrong number of widths");
        for (k = 0; k <= L; k++)
            FZ_CHECK(d[k] == ref[k], "wrong width");
        fz_mem_open(&m);
        for (k = 0; k <= L; k++)
            fprintf(m.f, "%s%ld", k > 0 ? "," : "", (long)d[k]);
        fz_mem_close(&m);
        FZ_CHECK(rs_parse_dims(&d2, &L2, m.buf, "--dims", err) == RS_OK,
                 err->msg);
        FZ_CHECK(L2 == L && memcmp(d, d2, sizeof(slong) * (size_t)(L + 1)) == 0,
                 "printed widths read back different");
        flint_free(d2);
        free(m.buf);
        flint_free(d);
    } else {
        FZ_CHECK(r != RS_OK, "an invalid --dims value was accepted");
        fz_check_rejection(r, err, NULL, arg, strlen(arg));
        FZ_CHECK(strncmp(err->msg, "--dims", 6) == 0, err->msg);
        FZ_CHECK(d == NULL && L == -5, "outputs set on failure");
    }
    flint_free(ref);
    flint_free(arg);
    return 0;
}
