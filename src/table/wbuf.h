/* A small output buffer for the large tables of the strata commands:
   integers and strings are formatted by hand into a buffer flushed with
   fwrite (millions of rows; fprintf per number would dominate). */
#ifndef RS_TABLE_WBUF_H
#define RS_TABLE_WBUF_H

#include <stdio.h>
#include <string.h>

#include <flint/flint.h>

typedef struct {
    FILE *f;
    char *buf;
    size_t n, cap;
} _rs_wbuf;

void _rs_wbuf_init(_rs_wbuf *w, FILE *f);
/* Flushes and frees the buffer (the FILE stays open). */
void _rs_wbuf_clear(_rs_wbuf *w);
void _rs_wbuf_flush(_rs_wbuf *w);

static inline void _rs_wbuf_char(_rs_wbuf *w, char c)
{
    if (w->n == w->cap)
        _rs_wbuf_flush(w);
    w->buf[w->n++] = c;
}

void _rs_wbuf_mem(_rs_wbuf *w, const char *s, size_t len);

static inline void _rs_wbuf_str(_rs_wbuf *w, const char *s)
{
    _rs_wbuf_mem(w, s, strlen(s));
}

/* Decimal x. */
void _rs_wbuf_slong(_rs_wbuf *w, slong x);
/* Decimal x right-aligned in `width` characters. */
void _rs_wbuf_slong_pad(_rs_wbuf *w, slong x, slong width);
/* `count` copies of c. */
void _rs_wbuf_fill(_rs_wbuf *w, char c, slong count);
/* Number of decimal characters of x. */
slong _rs_wbuf_digits(slong x);

#endif
