/* A JSON tokenizer (RFC 8259) that keeps the byte offset of every token,
   so that schema errors found later can point at the offending value.
   The input has passed rs_io_check_bytes (valid UTF-8, no NUL). */
#include <stdio.h>
#include <string.h>

#include "io_internal.h"

static int is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int is_delim(char c)
{
    return is_ws(c) || c == ',' || c == ':' || c == '[' || c == ']' ||
           c == '{' || c == '}' || c == '"';
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Reads 4 hex digits at s[q..q+4); returns the value or -1 with *bad set
   to the offending offset. */
static long hex4(const rs_io_src_t *src, size_t q, size_t *bad)
{
    long v = 0;
    size_t i;
    for (i = 0; i < 4; i++) {
        int h = q + i < src->len ? hex_value(src->s[q + i]) : -1;
        if (h < 0) {
            *bad = q + i;
            return -1;
        }
        v = 16 * v + h;
    }
    return v;
}

static int lex_string(rs_jtok_t *t, const rs_io_src_t *src, size_t p,
                      rs_error_t err)
{
    const char *s = src->s;
    size_t n = src->len, q = p + 1, bad;
    for (;;) {
        unsigned char c;
        if (q >= n)
            return rs_io_error(err, src, p,
                               "expected a closing '\"' for the string that "
                               "starts here, found end of file");
        c = (unsigned char)s[q];
        if (c == '"') {
            t->end = q + 1;
            return RS_OK;
        }
        if (c < 0x20)
            return rs_io_error(err, src, q,
                               "expected an escape such as \\n for a "
                               "control character in a string, found the "
                               "raw byte 0x%02X",
                               c);
        if (c != '\\') {
            q++;
            continue;
        }
        if (q + 1 >= n)
            return rs_io_error(err, src, p,
                               "expected a closing '\"' for the string that "
                               "starts here, found end of file");
        c = (unsigned char)s[q + 1];
        if (strchr("\"\\/bfnrt", c) != NULL && c != '\0') {
            q += 2;
            continue;
        }
        if (c != 'u') {
            char ex[RS_IO_EXCERPT];
            return rs_io_error(
                err, src, q,
                "expected an escape \\\" \\\\ \\/ \\b \\f \\n "
                "\\r \\t or \\uXXXX, found '\\%s'",
                rs_io_excerpt(
                    ex, sizeof ex, s + q + 1,
                    (size_t)rs_utf8_seq_len((const unsigned char *)s + q + 1,
                                            n - q - 1)));
        }
        {
            long u = hex4(src, q + 2, &bad), lo;
            if (u < 0)
                return rs_io_error(err, src, bad,
                                   "expected 4 hexadecimal digits after "
                                   "\\u");
            if (u >= 0xDC00 && u <= 0xDFFF)
                return rs_io_error(err, src, q,
                                   "expected a high surrogate \\uD800-\\uDBFF "
                                   "before the low surrogate \\u%04lX",
                                   u);
            if (u >= 0xD800 && u <= 0xDBFF) {
                if (q + 7 >= n || s[q + 6] != '\\' || s[q + 7] != 'u' ||
                    (lo = hex4(src, q + 8, &bad)) < 0xDC00 || lo > 0xDFFF)
                    return rs_io_error(err, src, q,
                                       "expected a low surrogate "
                                       "\\uDC00-\\uDFFF after the high "
                                       "surrogate \\u%04lX",
                                       u);
                q += 12;
            } else {
                q += 6;
            }
        }
    }
}

static int lex_number(rs_jtok_t *t, const rs_io_src_t *src, size_t p,
                      rs_error_t err)
{
    const char *s = src->s;
    size_t n = src->len, q = p, run;
    if (s[q] == '-')
        q++;
    if (q < n && s[q] == '0')
        q++;
    else if (q < n && is_digit(s[q]))
        while (q < n && is_digit(s[q]))
            q++;
    else
        goto bad;
    if (q < n && s[q] == '.') {
        q++;
        if (q >= n || !is_digit(s[q]))
            goto bad;
        while (q < n && is_digit(s[q]))
            q++;
    }
    if (q < n && (s[q] == 'e' || s[q] == 'E')) {
        q++;
        if (q < n && (s[q] == '+' || s[q] == '-'))
            q++;
        if (q >= n || !is_digit(s[q]))
            goto bad;
        while (q < n && is_digit(s[q]))
            q++;
    }
    if (q < n && !is_delim(s[q]))
        goto bad;
    t->end = q;
    return RS_OK;
bad:
    for (run = p; run < n && !is_delim(s[run]); run++)
        ;
    {
        char ex[RS_IO_EXCERPT];
        return rs_io_error(err, src, q, "expected a JSON number, found '%s'",
                           rs_io_excerpt(ex, sizeof ex, s + p, run - p));
    }
}

int rs_json_next(rs_jtok_t *t, const rs_io_src_t *src, size_t *pos,
                 rs_error_t err)
{
    const char *s = src->s;
    size_t n = src->len, p = *pos < src->start ? src->start : *pos;
    int r = RS_OK;
    while (p < n && is_ws(s[p]))
        p++;
    t->start = p;
    t->end = p + 1;
    if (p == n) {
        t->type = RS_JT_EOF;
        t->end = p;
    } else {
        switch (s[p]) {
        case '{':
            t->type = RS_JT_LBRACE;
            break;
        case '}':
            t->type = RS_JT_RBRACE;
            break;
        case '[':
            t->type = RS_JT_LBRACKET;
            break;
        case ']':
            t->type = RS_JT_RBRACKET;
            break;
        case ':':
            t->type = RS_JT_COLON;
            break;
        case ',':
            t->type = RS_JT_COMMA;
            break;
        case '"':
            t->type = RS_JT_STRING;
            r = lex_string(t, src, p, err);
            break;
        default:
            if (s[p] == '-' || is_digit(s[p])) {
                t->type = RS_JT_NUMBER;
                r = lex_number(t, src, p, err);
            } else {
                size_t q = p;
                while (q < n && !is_delim(s[q]))
                    q++;
                t->end = q;
                if (q - p == 4 && memcmp(s + p, "true", 4) == 0)
                    t->type = RS_JT_TRUE;
                else if (q - p == 5 && memcmp(s + p, "false", 5) == 0)
                    t->type = RS_JT_FALSE;
                else if (q - p == 4 && memcmp(s + p, "null", 4) == 0)
                    t->type = RS_JT_NULL;
                else
                    t->type = RS_JT_BAD;
            }
        }
    }
    if (r == RS_OK)
        *pos = t->end;
    return r;
}

const char *rs_json_describe(char *buf, size_t size, const rs_io_src_t *src,
                             const rs_jtok_t *t)
{
    char ex[RS_IO_EXCERPT];
    if (t->type == RS_JT_EOF)
        snprintf(buf, size, "end of file");
    else if (t->type == RS_JT_STRING)
        snprintf(
            buf, size, "%s",
            rs_io_excerpt(ex, sizeof ex, src->s + t->start, t->end - t->start));
    else
        snprintf(
            buf, size, "'%s'",
            rs_io_excerpt(ex, sizeof ex, src->s + t->start, t->end - t->start));
    return buf;
}

static size_t put_utf8(char *out, unsigned long c)
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

size_t rs_json_string_decode(char *out, const rs_io_src_t *src,
                             const rs_jtok_t *t)
{
    const char *s = src->s;
    size_t q = t->start + 1, e = t->end - 1, o = 0, bad;
    while (q < e) {
        char c = s[q];
        if (c != '\\') {
            out[o++] = c;
            q++;
            continue;
        }
        c = s[q + 1];
        if (c == 'u') {
            unsigned long u = (unsigned long)hex4(src, q + 2, &bad);
            q += 6;
            if (u >= 0xD800 && u <= 0xDBFF) {
                unsigned long lo = (unsigned long)hex4(src, q + 2, &bad);
                u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                q += 6;
            }
            o += put_utf8(out + o, u);
            continue;
        }
        switch (c) {
        case 'b':
            c = '\b';
            break;
        case 'f':
            c = '\f';
            break;
        case 'n':
            c = '\n';
            break;
        case 'r':
            c = '\r';
            break;
        case 't':
            c = '\t';
            break;
        default: /* " \ / stand for themselves */
            break;
        }
        out[o++] = c;
        q += 2;
    }
    return o;
}
