#include "cli/wbuf.h"

#define RS_WBUF_SIZE 65536

void rs_wbuf_init(rs_wbuf *w, FILE *f)
{
    w->f = f;
    w->n = 0;
    w->cap = RS_WBUF_SIZE;
    w->buf = flint_malloc(w->cap);
}

void rs_wbuf_flush(rs_wbuf *w)
{
    if (w->n > 0)
        fwrite(w->buf, 1, w->n, w->f);
    w->n = 0;
}

void rs_wbuf_clear(rs_wbuf *w)
{
    rs_wbuf_flush(w);
    flint_free(w->buf);
    w->buf = NULL;
}

void rs_wbuf_mem(rs_wbuf *w, const char *s, size_t len)
{
    if (len > w->cap - w->n) {
        rs_wbuf_flush(w);
        if (len > w->cap) {
            fwrite(s, 1, len, w->f);
            return;
        }
    }
    memcpy(w->buf + w->n, s, len);
    w->n += len;
}

slong rs_wbuf_digits(slong x)
{
    slong n = 1;
    ulong u;
    if (x < 0) {
        n++;
        u = -(ulong)x;
    } else {
        u = (ulong)x;
    }
    while (u >= 10) {
        u /= 10;
        n++;
    }
    return n;
}

void rs_wbuf_slong(rs_wbuf *w, slong x)
{
    char tmp[24];
    int k = 24;
    ulong u = x < 0 ? -(ulong)x : (ulong)x;
    do {
        tmp[--k] = (char)('0' + u % 10);
        u /= 10;
    } while (u > 0);
    if (x < 0)
        tmp[--k] = '-';
    rs_wbuf_mem(w, tmp + k, 24 - k);
}

void rs_wbuf_fill(rs_wbuf *w, char c, slong count)
{
    while (count-- > 0)
        rs_wbuf_char(w, c);
}

void rs_wbuf_slong_pad(rs_wbuf *w, slong x, slong width)
{
    rs_wbuf_fill(w, ' ', width - rs_wbuf_digits(x));
    rs_wbuf_slong(w, x);
}
