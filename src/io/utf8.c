/* Byte-level validation done before any parsing: every later stage may
   assume valid UTF-8 without NUL bytes. */
#include "io_internal.h"

int rs_utf8_seq_len(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    if (c < 0xC2) /* continuation byte or overlong 2-byte form */
        return 0;
    if (c < 0xE0) {
        return (n >= 2 && (s[1] & 0xC0) == 0x80) ? 2 : 0;
    }
    if (c < 0xF0) {
        unsigned char lo = 0x80, hi = 0xBF;
        if (c == 0xE0)
            lo = 0xA0; /* overlong */
        if (c == 0xED)
            hi = 0x9F; /* UTF-16 surrogates */
        if (n < 3 || s[1] < lo || s[1] > hi || (s[2] & 0xC0) != 0x80)
            return 0;
        return 3;
    }
    if (c < 0xF5) {
        unsigned char lo = 0x80, hi = 0xBF;
        if (c == 0xF0)
            lo = 0x90; /* overlong */
        if (c == 0xF4)
            hi = 0x8F; /* above U+10FFFF */
        if (n < 4 || s[1] < lo || s[1] > hi || (s[2] & 0xC0) != 0x80 ||
            (s[3] & 0xC0) != 0x80)
            return 0;
        return 4;
    }
    return 0;
}

int rs_io_check_bytes(const rs_io_src_t *src, int text, rs_error_t err)
{
    const unsigned char *u = (const unsigned char *)src->s;
    size_t i = src->start, n = src->len;
    while (i < n) {
        unsigned char c = u[i];
        if (c >= 0x20 && c < 0x7F) {
            i++;
            continue;
        }
        if (c == 0)
            return rs_io_error(err, src, i, "expected text, found a NUL byte");
        if (c >= 0x80) {
            int k = rs_utf8_seq_len(u + i, n - i);
            if (k == 0)
                return rs_io_error(
                    err, src, i,
                    "expected valid UTF-8 text, found the byte 0x%02X", c);
            i += (size_t)k;
            continue;
        }
        if (text) {
            if (c == '\r' && (i + 1 == n || u[i + 1] != '\n'))
                return rs_io_error(err, src, i,
                                   "expected a line feed after a carriage "
                                   "return (line ends are LF or CRLF)");
            if (c != '\t' && c != '\n' && c != '\r')
                return rs_io_error(err, src, i,
                                   "expected text, found the control "
                                   "character 0x%02X",
                                   c);
        }
        i++;
    }
    return RS_OK;
}
