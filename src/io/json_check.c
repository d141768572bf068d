/* Generic JSON validation: the grammar and the nesting limit, without
   recursion (a file of a million '[' must not exhaust the stack). */
#include "io_internal.h"

#define FD rs_json_describe(fd, sizeof fd, src, &t)

enum { ST_VALUE, ST_VALUE_OR_END, ST_KEY, ST_KEY_OR_END, ST_COLON, ST_AFTER };

int rs_json_check(const rs_io_src_t *src, rs_error_t err)
{
    char fd[RS_IO_EXCERPT];
    unsigned char *stack = NULL; /* 1 for an object, 0 for an array */
    size_t cap = 0, pos = src->start;
    slong depth = 0, maxd = src->lim->max_json_depth;
    int state = ST_VALUE, r = RS_OK;
    rs_jtok_t t;
    for (;;) {
        r = rs_json_next(&t, src, &pos, err);
        if (r != RS_OK)
            break;
        if (state == ST_AFTER && depth == 0) {
            if (t.type != RS_JT_EOF)
                r = rs_io_error(err, src, t.start,
                                "expected end of file after the JSON value, "
                                "found %s",
                                FD);
            break;
        }
        switch (state) {
        case ST_VALUE:
        case ST_VALUE_OR_END:
            if (state == ST_VALUE_OR_END && t.type == RS_JT_RBRACKET) {
                depth--;
                state = ST_AFTER;
            } else if (t.type == RS_JT_LBRACE || t.type == RS_JT_LBRACKET) {
                if (depth >= maxd) {
                    r = rs_io_error(err, src, t.start,
                                    "expected at most %ld nested arrays and "
                                    "objects (max_json_depth), found deeper "
                                    "nesting",
                                    (long)maxd);
                    goto done;
                }
                if ((size_t)depth == cap) {
                    cap = cap == 0 ? 16 : 2 * cap;
                    stack = flint_realloc(stack, cap);
                }
                stack[depth++] = t.type == RS_JT_LBRACE;
                state =
                    t.type == RS_JT_LBRACE ? ST_KEY_OR_END : ST_VALUE_OR_END;
            } else if (t.type == RS_JT_STRING || t.type == RS_JT_NUMBER ||
                       t.type == RS_JT_TRUE || t.type == RS_JT_FALSE ||
                       t.type == RS_JT_NULL) {
                state = ST_AFTER;
            } else {
                r = rs_io_error(err, src, t.start,
                                "expected a JSON value, found %s", FD);
                goto done;
            }
            break;
        case ST_KEY:
        case ST_KEY_OR_END:
            if (state == ST_KEY_OR_END && t.type == RS_JT_RBRACE) {
                depth--;
                state = ST_AFTER;
            } else if (t.type == RS_JT_STRING) {
                state = ST_COLON;
            } else {
                r = rs_io_error(err, src, t.start,
                                "expected a string key%s, found %s",
                                state == ST_KEY_OR_END ? " or '}'" : "", FD);
                goto done;
            }
            break;
        case ST_COLON:
            if (t.type != RS_JT_COLON) {
                r = rs_io_error(err, src, t.start,
                                "expected ':' after the key, found %s", FD);
                goto done;
            }
            state = ST_VALUE;
            break;
        default: /* ST_AFTER inside a container */
            if (stack[depth - 1]) {
                if (t.type == RS_JT_COMMA)
                    state = ST_KEY;
                else if (t.type == RS_JT_RBRACE)
                    depth--;
                else {
                    r = rs_io_error(err, src, t.start,
                                    "expected ',' or '}', found %s", FD);
                    goto done;
                }
            } else {
                if (t.type == RS_JT_COMMA)
                    state = ST_VALUE;
                else if (t.type == RS_JT_RBRACKET)
                    depth--;
                else {
                    r = rs_io_error(err, src, t.start,
                                    "expected ',' or ']', found %s", FD);
                    goto done;
                }
            }
        }
    }
done:
    flint_free(stack);
    return r;
}

int rs_json_skip(const rs_io_src_t *src, const rs_jtok_t *t, size_t *pos,
                 rs_error_t err)
{
    rs_jtok_t u;
    slong depth;
    if (t->type != RS_JT_LBRACE && t->type != RS_JT_LBRACKET)
        return RS_OK;
    for (depth = 1; depth > 0;) {
        int r = rs_json_next(&u, src, pos, err);
        if (r != RS_OK)
            return r;
        if (u.type == RS_JT_LBRACE || u.type == RS_JT_LBRACKET)
            depth++;
        else if (u.type == RS_JT_RBRACE || u.type == RS_JT_RBRACKET)
            depth--;
        else if (u.type == RS_JT_EOF)
            return rs_io_error(err, src, u.start,
                               "expected the end of a JSON value, found end "
                               "of file");
    }
    return RS_OK;
}
