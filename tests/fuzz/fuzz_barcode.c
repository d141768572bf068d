/* Fuzz target: --barcode values in the three printed forms ("0-2x2,1-1",
   "2[0,2] + [1,1]", "[[0,2,2],[1,1,1]]"), against an independent parser.
   The first byte chooses L (1..12), the rest (up to a NUL) is the value.
   Accepted exactly when the value is one form throughout (told by its
   first bar), blanks allowed around bars and separators (and between
   JSON tokens), with 0 <= i <= j <= L, m >= 1 and the multiplicities
   adding up to at most RS_MAX_TOTAL_WIDTH ("" and "-" have no bars); the
   barcodes agree; a rejection leaves the barcode alone with a one-line
   message naming the option; every printed form parses back equal. */
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"

static int blank(char c)
{
    return c == ' ' || c == '\t';
}

/* Digits at *p as an fmpz (capped far above every limit); 0 if none. */
static int count(fmpz_t v, const char **p)
{
    const char *a = *p;
    fmpz_zero(v);
    while (**p >= '0' && **p <= '9') {
        if (fmpz_bits(v) < 200) {
            fmpz_mul_ui(v, v, 10);
            fmpz_add_ui(v, v, (ulong)(**p - '0'));
        }
        (*p)++;
    }
    return *p > a;
}

/* Adds m bars [i, j] to B if they fit; 0 if not. */
static int bar(rs_barcode_t B, fmpz_t total, const fmpz_t i, const fmpz_t j,
               const fmpz_t m, slong L)
{
    fmpz_add(total, total, m);
    if (fmpz_cmp_si(j, L) > 0 || fmpz_cmp(i, j) > 0 || fmpz_is_zero(m) ||
        fmpz_cmp_si(total, RS_MAX_TOTAL_WIDTH) > 0)
        return 0;
    rs_barcode_set_entry(B, fmpz_get_si(i), fmpz_get_si(j),
                         rs_barcode_get(B, fmpz_get_si(i), fmpz_get_si(j)) +
                             fmpz_get_si(m));
    return 1;
}

static const char *skip(const char *p)
{
    while (blank(*p))
        p++;
    return p;
}

/* "i-j,i-jxm,..." */
static int ref_arg(rs_barcode_t B, const char *p, slong L, fmpz_t i, fmpz_t j,
                   fmpz_t m, fmpz_t total)
{
    for (;;) {
        p = skip(p);
        if (!count(i, &p) || *p++ != '-' || !count(j, &p))
            return 0;
        fmpz_one(m);
        if (*p == 'x') {
            p++;
            if (!count(m, &p))
                return 0;
        }
        p = skip(p);
        if ((*p != ',' && *p != '\0') || !bar(B, total, i, j, m, L))
            return 0;
        if (*p++ == '\0')
            return 1;
    }
}

/* "m[i,j] + [i,j] + ..." */
static int ref_sum(rs_barcode_t B, const char *p, slong L, fmpz_t i, fmpz_t j,
                   fmpz_t m, fmpz_t total)
{
    for (;;) {
        p = skip(p);
        if (!count(m, &p))
            fmpz_one(m);
        if (*p++ != '[' || !count(i, &p) || *p++ != ',' || !count(j, &p) ||
            *p++ != ']')
            return 0;
        p = skip(p);
        if ((*p != '+' && *p != '\0') || !bar(B, total, i, j, m, L))
            return 0;
        if (*p++ == '\0')
            return 1;
    }
}

/* "[[i,j,m],...]" with blanks between tokens */
static int ref_json(rs_barcode_t B, const char *p, slong L, fmpz_t i, fmpz_t j,
                    fmpz_t m, fmpz_t total)
{
    p = skip(skip(p) + 1);
    if (*p == ']')
        return *skip(p + 1) == '\0';
    for (;;) {
        if (*p++ != '[')
            return 0;
        p = skip(p);
        if (!count(i, &p))
            return 0;
        p = skip(p);
        if (*p++ != ',')
            return 0;
        p = skip(p);
        if (!count(j, &p))
            return 0;
        p = skip(p);
        if (*p++ != ',')
            return 0;
        p = skip(p);
        if (!count(m, &p))
            return 0;
        p = skip(p);
        if (*p++ != ']' || !bar(B, total, i, j, m, L))
            return 0;
        p = skip(p);
        if (*p == ']')
            return *skip(p + 1) == '\0';
        if (*p++ != ',')
            return 0;
        p = skip(p);
    }
}

/* Tells the form by the first bar, as documented. */
static int reference(rs_barcode_t B, const char *arg, slong L)
{
    const char *p = skip(arg), *q;
    fmpz_t i, j, m, total;
    int ok;
    if (strcmp(arg, "-") == 0 || *arg == '\0')
        return 1;
    fmpz_init(i);
    fmpz_init(j);
    fmpz_init(m);
    fmpz_init(total);
    q = p;
    while (*q >= '0' && *q <= '9')
        q++;
    if (*p == '[' && (*skip(p + 1) == '[' || *skip(p + 1) == ']'))
        ok = ref_json(B, p, L, i, j, m, total);
    else if (*q == '[')
        ok = ref_sum(B, p, L, i, j, m, total);
    else
        ok = ref_arg(B, p, L, i, j, m, total);
    fmpz_clear(i);
    fmpz_clear(j);
    fmpz_clear(m);
    fmpz_clear(total);
    return ok;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    slong L = size > 0 ? 1 + data[0] % 12 : 1;
    char *arg = fz_cstr(data + (size > 0), size - (size > 0));
    rs_barcode_t B, R, S;
    rs_error_t err;
    int r, ok;
    rs_error_init(err);
    rs_barcode_init(B, 2);
    rs_barcode_set_entry(B, 0, 1, 3); /* a sentinel */
    rs_barcode_init(R, L);
    rs_barcode_init(S, 2);
    rs_barcode_set_entry(S, 0, 1, 3);
    ok = reference(R, arg, L);
    r = rs_parse_barcode(B, L, arg, "--barcode", err);
    if (ok) {
        fz_mem_t m;
        slong i, j, bars = 0;
        FZ_CHECK(r == RS_OK, err->msg);
        FZ_CHECK(B->L == L && rs_barcode_equal(B, R), "wrong barcode");
        fz_mem_open(&m);
        for (j = 0; j <= L; j++)
            for (i = 0; i <= j; i++)
                if (rs_barcode_get(B, i, j) > 0)
                    fprintf(m.f, "%s%ld-%ldx%ld", bars++ ? "," : "", (long)i,
                            (long)j, (long)rs_barcode_get(B, i, j));
        fz_mem_close(&m);
        FZ_CHECK(rs_parse_barcode(S, L, m.buf, "--barcode", err) == RS_OK,
                 err->msg);
        FZ_CHECK(rs_barcode_equal(S, B), "canonical form reads different");
        free(m.buf);
        for (i = RS_BARCODE_SUM; i <= RS_BARCODE_JSON; i++) {
            char *t = rs_barcode_get_str(B, (int)i);
            FZ_CHECK(rs_parse_barcode(S, L, t, "--barcode", err) == RS_OK,
                     err->msg);
            FZ_CHECK(rs_barcode_equal(S, B), "a printed form reads different");
            flint_free(t);
        }
    } else {
        FZ_CHECK(r != RS_OK, "an invalid --barcode value was accepted");
        fz_check_rejection(r, err, NULL, arg, strlen(arg));
        FZ_CHECK(strncmp(err->msg, "--barcode: ", 11) == 0, err->msg);
        FZ_CHECK(rs_barcode_equal(B, S), "a rejection changed the barcode");
    }
    rs_barcode_clear(B);
    rs_barcode_clear(R);
    rs_barcode_clear(S);
    flint_free(arg);
    return 0;
}
