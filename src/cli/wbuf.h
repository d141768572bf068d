/* A small output buffer for the large tables of the strata commands:
   integers and strings are formatted by hand into a buffer flushed with
   fwrite (millions of rows; fprintf per number would dominate). */
#ifndef RS_CLI_WBUF_H
#define RS_CLI_WBUF_H

#include <stdio.h>
#include <string.h>

#include <flint/flint.h>

typedef struct {
    FILE *f;
    char *buf;
    size_t n, cap;
} rs_wbuf;

void rs_wbuf_init(rs_wbuf *w, FILE *f);
/* Flushes and frees the buffer (the FILE stays open). */
void rs_wbuf_clear(rs_wbuf *w);
void rs_wbuf_flush(rs_wbuf *w);

static inline void rs_wbuf_char(rs_wbuf *w, char c)
{
    if (w->n == w->cap)
        rs_wbuf_flush(w);
    w->buf[w->n++] = c;
}

void rs_wbuf_mem(rs_wbuf *w, const char *s, size_t len);

static inline void rs_wbuf_str(rs_wbuf *w, const char *s)
{
    rs_wbuf_mem(w, s, strlen(s));
}

/* Decimal x. */
void rs_wbuf_slong(rs_wbuf *w, slong x);
/* Decimal x right-aligned in `width` characters. */
void rs_wbuf_slong_pad(rs_wbuf *w, slong x, slong width);
/* `count` copies of c. */
void rs_wbuf_fill(rs_wbuf *w, char c, slong count);
/* Number of decimal characters of x. */
slong rs_wbuf_digits(slong x);

#endif
