#include "table/wbuf.h"

#define RS_WBUF_SIZE 65536

void _rs_wbuf_init(_rs_wbuf *w, FILE *f)
{
    w->f = f;
    w->n = 0;
    w->cap = RS_WBUF_SIZE;
    w->buf = flint_malloc(w->cap);
}

void _rs_wbuf_flush(_rs_wbuf *w)
{
    if (w->n > 0)
        fwrite(w->buf, 1, w->n, w->f);
    w->n = 0;
}

void _rs_wbuf_clear(_rs_wbuf *w)
{
    _rs_wbuf_flush(w);
    flint_free(w->buf);
    w->buf = NULL;
}

void _rs_wbuf_mem(_rs_wbuf *w, const char *s, size_t len)
{
    if (len > w->cap - w->n) {
        _rs_wbuf_flush(w);
        if (len > w->cap) {
            fwrite(s, 1, len, w->f);
            return;
        }
    }
    memcpy(w->buf + w->n, s, len);
    w->n += len;
}

slong _rs_wbuf_digits(slong x)
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

void _rs_wbuf_slong(_rs_wbuf *w, slong x)
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
    _rs_wbuf_mem(w, tmp + k, 24 - k);
}

void _rs_wbuf_fill(_rs_wbuf *w, char c, slong count)
{
    while (count-- > 0)
        _rs_wbuf_char(w, c);
}

void _rs_wbuf_slong_pad(_rs_wbuf *w, slong x, slong width)
{
    _rs_wbuf_fill(w, ' ', width - _rs_wbuf_digits(x));
    _rs_wbuf_slong(w, x);
}
