#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"

void fz_check(int ok, const char *what, const char *file, int line,
              const char *detail)
{
    if (ok)
        return;
    fprintf(stderr, "%s:%d: invariant violated: %s", file, line, what);
    if (detail != NULL)
        fprintf(stderr, " (%s)", detail);
    fputc('\n', stderr);
    fflush(stderr);
    abort();
}

void fz_limits(rs_io_limits_t *lim)
{
    rs_io_limits_default(lim);
    lim->max_entries = 20000;
    lim->max_width = 1000;
    lim->max_layers = 64;
    lim->max_json_depth = 32;
}

/* Length of the valid UTF-8 sequence at s (0 if invalid); independent of
   the library's own decoder. */
static int utf8_len(const unsigned char *s, size_t n)
{
    unsigned long c;
    int k, i;
    if (s[0] < 0x80)
        return 1;
    if ((s[0] & 0xE0) == 0xC0) {
        k = 2;
        c = s[0] & 0x1F;
    } else if ((s[0] & 0xF0) == 0xE0) {
        k = 3;
        c = s[0] & 0x0F;
    } else if ((s[0] & 0xF8) == 0xF0) {
        k = 4;
        c = s[0] & 0x07;
    } else {
        return 0;
    }
    if ((size_t)k > n)
        return 0;
    for (i = 1; i < k; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if ((k == 2 && c < 0x80) || (k == 3 && c < 0x800) ||
        (k == 4 && c < 0x10000) || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    return k;
}

static int parse_num(const char **p, long *v)
{
    const char *s = *p;
    long x = 0;
    if (*s < '0' || *s > '9')
        return 0;
    while (*s >= '0' && *s <= '9') {
        if (x > 100000000000L)
            return 0;
        x = 10 * x + (*s - '0');
        s++;
    }
    *p = s;
    *v = x;
    return 1;
}

void fz_check_rejection(int status, const rs_error_t err, const char *name,
                        const char *data, size_t len)
{
    const unsigned char *m = (const unsigned char *)err->msg;
    size_t i, n = strlen(err->msg);
    FZ_CHECK(status == RS_EINPUT || status == RS_ELIMIT, err->msg);
    FZ_CHECK(err->status == status, err->msg);
    FZ_CHECK(n > 0, "empty message");
    for (i = 0; i < n;) {
        int k = utf8_len(m + i, n - i);
        FZ_CHECK(k > 0, err->msg);
        FZ_CHECK(k > 1 || (m[i] >= 0x20 && m[i] != 0x7F), err->msg);
        i += (size_t)k;
    }
    if (name != NULL) {
        size_t nl = strlen(name), ls = 0, chars = 0;
        const char *p = err->msg + nl;
        long line = 0, col = 0, l;
        FZ_CHECK(strncmp(err->msg, name, nl) == 0 && *p == ':', err->msg);
        p++;
        FZ_CHECK(parse_num(&p, &line) && *p == ':', err->msg);
        p++;
        FZ_CHECK(parse_num(&p, &col) && p[0] == ':' && p[1] == ' ', err->msg);
        FZ_CHECK(line >= 1 && col >= 1, err->msg);
        /* the line exists and the column is at most one past its end */
        for (l = 1, i = 0; l < line; i++) {
            FZ_CHECK(i < len, err->msg);
            if (data[i] == '\n') {
                l++;
                ls = i + 1;
            }
        }
        for (i = ls; i < len && data[i] != '\n'; i++)
            if (((unsigned char)data[i] & 0xC0) != 0x80)
                chars++;
        FZ_CHECK((size_t)col <= chars + 1, err->msg);
    }
}

char *fz_crlf(const char *data, size_t len, size_t *out_len)
{
    char *out = flint_malloc(2 * len + 1);
    size_t i, o = 0;
    for (i = 0; i < len; i++) {
        if (data[i] == '\n' && (i == 0 || data[i - 1] != '\r'))
            out[o++] = '\r';
        out[o++] = data[i];
    }
    out[o] = '\0';
    *out_len = o;
    return out;
}

char *fz_cstr(const uint8_t *data, size_t size)
{
    const uint8_t *z = memchr(data, 0, size);
    size_t n = z != NULL ? (size_t)(z - data) : size;
    char *s = flint_malloc(n + 1);
    memcpy(s, data, n);
    s[n] = '\0';
    return s;
}

void fz_sentinel_net(rs_net_t N)
{
    slong d[2] = {1, 2};
    rs_net_init(N, d, 1);
    fmpq_set_si(fmpq_mat_entry(rs_net_weight_mut(N, 1), 0, 0), 5, 7);
    fmpq_set_si(fmpq_mat_entry(rs_net_weight_mut(N, 1), 1, 0), -1, 1);
}

int fz_is_sentinel_net(const rs_net_t N)
{
    rs_net_t S;
    int ok;
    fz_sentinel_net(S);
    ok = fz_nets_equal(N, S);
    rs_net_clear(S);
    return ok;
}

int fz_nets_equal(const rs_net_t A, const rs_net_t B)
{
    slong k, L = rs_net_num_layers(A);
    if (L != rs_net_num_layers(B))
        return 0;
    for (k = 0; L > 0 && k <= L; k++)
        if (rs_net_width(A, k) != rs_net_width(B, k))
            return 0;
    for (k = 1; k <= L; k++)
        if (!fmpq_mat_equal(rs_net_weight(A, k), rs_net_weight(B, k)))
            return 0;
    return 1;
}

void fz_mem_open(fz_mem_t *m)
{
    m->buf = NULL;
    m->len = 0;
    m->f = open_memstream(&m->buf, &m->len);
    FZ_CHECK(m->f != NULL, "open_memstream");
}

void fz_mem_close(fz_mem_t *m)
{
    FZ_CHECK(fclose(m->f) == 0, "fclose on a memory stream");
    m->f = NULL;
}

void fz_net_fprint_json(FILE *f, const rs_net_t N)
{
    slong k, L = rs_net_num_layers(N);
    fputs("{\"dims\": [", f);
    for (k = 0; k <= L; k++)
        fprintf(f, "%s%ld", k > 0 ? ", " : "", (long)rs_net_width(N, k));
    fputs("],\n \"weights\": [", f);
    for (k = 1; k <= L; k++) {
        if (k > 1)
            fputs(",\n  ", f);
        rs_json_fprint_qmat(f, rs_net_weight(N, k));
    }
    fputs("]}\n", f);
}

static void read_back(const rs_net_t N, const fz_mem_t *m, const char *what)
{
    rs_net_t B;
    rs_error_t err;
    int r;
    rs_error_init(err);
    rs_net_init_empty(B);
    r = rs_net_read_buffer(B, m->buf, m->len, what, NULL, err);
    FZ_CHECK(r == RS_OK, err->msg);
    FZ_CHECK(fz_nets_equal(N, B), what);
    rs_net_clear(B);
}

void fz_check_net_input(const char *data, size_t len)
{
    rs_io_limits_t lim;
    rs_error_t err, err2;
    rs_net_t N, D;
    int r, r2;
    fz_limits(&lim);
    rs_error_init(err);
    rs_error_init(err2);
    fz_sentinel_net(N);
    r = rs_net_read_buffer(N, data, len, "in", &lim, err);
    rs_net_init_empty(D);
    r2 = rs_net_read_buffer(D, data, len, "in", NULL, err2);
    if (r == RS_OK) {
        fz_mem_t m;
        char *crlf;
        size_t n;
        FZ_CHECK(err->status == RS_OK, err->msg);
        FZ_CHECK(r2 == RS_OK && fz_nets_equal(N, D), err2->msg);
        fz_mem_open(&m);
        rs_net_fprint(m.f, N);
        fz_mem_close(&m);
        read_back(N, &m, "text form");
        free(m.buf);
        fz_mem_open(&m);
        fz_net_fprint_json(m.f, N);
        fz_mem_close(&m);
        read_back(N, &m, "JSON form");
        free(m.buf);
        crlf = fz_crlf(data, len, &n);
        rs_net_clear(D);
        rs_net_init_empty(D);
        r2 = rs_net_read_buffer(D, crlf, n, "crlf", &lim, err2);
        FZ_CHECK(r2 == RS_OK && fz_nets_equal(N, D), err2->msg);
        flint_free(crlf);
    } else {
        fz_check_rejection(r, err, "in", data, len);
        FZ_CHECK(fz_is_sentinel_net(N), "a failed read changed the network");
        if (r == RS_EINPUT && strstr(err->msg, "max_") == NULL) {
            FZ_CHECK(r2 == RS_EINPUT, err2->msg);
            FZ_CHECK(strcmp(err->msg, err2->msg) == 0, err2->msg);
        }
    }
    rs_net_clear(D);
    rs_net_clear(N);
}

int fz_is_json(const uint8_t *data, size_t size)
{
    size_t i = 0;
    if (size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < size && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' ||
                        data[i] == '\n'))
        i++;
    return i < size && data[i] == '{';
}
