/* Internal interface of the io module: the input buffer with positions,
   byte-level validation, the number syntax, the text line scanner and the
   JSON tokenizer.  Not installed.

   Positions are byte offsets into the input until an error is reported;
   only then are they turned into a 1-based line and column (columns count
   Unicode characters, a tab counts as one). */
#ifndef RS_IO_INTERNAL_H
#define RS_IO_INTERNAL_H

#include <stddef.h>

#include <flint/flint.h>
#include <flint/fmpq.h>
#include <flint/fmpq_mat.h>

#include "rankstrat/error.h"
#include "rankstrat/io.h"

/* ---- the input ------------------------------------------------------ */

typedef struct {
    const char *s;
    size_t len;
    const char *name;          /* used in messages */
    const rs_io_limits_t *lim; /* never NULL */
    size_t start;              /* first byte after a UTF-8 byte order mark */
} rs_io_src_t;

void rs_io_src_init(rs_io_src_t *src, const char *s, size_t len,
                    const char *name, const rs_io_limits_t *lim);

/* 1-based line and column of byte offset off (off <= len). */
void rs_io_position(slong *line, slong *col, const rs_io_src_t *src,
                    size_t off);

/* Records "NAME:LINE:COL: <message>" for byte offset off; the first returns
   RS_EINPUT, the second RS_ELIMIT (a well-formed input over a limit). */
int rs_io_error(rs_error_t err, const rs_io_src_t *src, size_t off,
                const char *fmt, ...) __attribute__((format(printf, 4, 5)));
int rs_io_limit_error(rs_error_t err, const rs_io_src_t *src, size_t off,
                      const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* A printable excerpt of s[0..n) for a message: at most about 40
   characters (then "..."), control characters and invalid UTF-8 shown as
   '?'.  Returns buf; size must be at least RS_IO_EXCERPT. */
#define RS_IO_EXCERPT 200
const char *rs_io_excerpt(char *buf, size_t size, const char *s, size_t n);

/* Length (1..4) of the valid UTF-8 sequence at s[0..n), or 0 if the bytes
   there are not valid UTF-8 (overlong forms, surrogates and code points
   above U+10FFFF are invalid). */
int rs_utf8_seq_len(const unsigned char *s, size_t n);

/* Rejects NUL bytes and invalid UTF-8 anywhere; when `text` is nonzero also
   other control characters than tab, LF and CR, and a CR not followed by
   LF. */
int rs_io_check_bytes(const rs_io_src_t *src, int text, rs_error_t err);

/* The name to show for a path: "<stdin>" for "-". */
const char *rs_io_display_name(const char *path);

/* Reads the whole of `path` ("-" is standard input) into a new buffer
   (*data, freed with flint_free; NUL-terminated for convenience, the
   terminator not counted in *len).  Refuses more than max bytes with
   RS_ELIMIT.  Stops after the first NUL byte, which no input may contain
   (the data then ends with it, and the parser reports it): /dev/zero or a
   binary file costs no more than its first block. */
int rs_io_read_all(char **data, size_t *len, const char *path, size_t max,
                   rs_error_t err);

/* Resolves a possibly NULL limits pointer. */
const rs_io_limits_t *rs_io_limits_or_default(const rs_io_limits_t *lim,
                                              rs_io_limits_t *storage);

/* ---- numbers -------------------------------------------------------- */

enum {
    RS_NUM_SYNTAX = 1, /* not the number syntax at the returned offset */
    RS_NUM_ZERO_DEN,   /* a denominator that is zero (offset: its start) */
    RS_NUM_EXPONENT,   /* an exponent beyond RS_IO_MAX_EXPONENT (offset: its
                          digits); a limit, RS_ELIMIT */
    RS_NUM_INEXACT     /* hexadecimal, inf or nan (offset as for syntax) */
};

/* The largest |e| of an exponent: every double prints within 1e-324 ..
   1e308, and a bounded exponent keeps a short text from naming a huge
   integer (1e1000 has 3322 bits). */
#define RS_IO_MAX_EXPONENT 1000
#define RS_IO_MAX_EXPONENT_STR "1000"

/* Checks s[0..len) against the number syntax of rs_parse_rational.  Returns
   -1 if it is a number, otherwise the offset of the offending character
   (len if the number is incomplete) and sets *why. */
slong rs_io_number_check(const char *s, size_t len, int *why);
/* The same without telling hexadecimal, inf and nan apart from other
   syntax errors. */
slong rs_io_number_check_syntax(const char *s, size_t len, int *why);
/* The status of a failed check: RS_ELIMIT for an exponent beyond the
   bound, RS_EINPUT otherwise. */
int rs_io_number_status(int why);
/* Sets x to the value of s[0..len), which must have passed the check. */
void rs_io_number_set(fmpq_t x, const char *s, size_t len);
/* The "expected ..." phrase for a failure reason. */
const char *rs_io_number_expected(int why);

/* Reads a nonnegative decimal integer (digits only) of s[0..n).  Returns
   -1 on success (*v set), otherwise the offset of the first non-digit (n
   if n = 0).  A value above max gives some *v > max, without overflow
   (max is taken as at most WORD_MAX - 1). */
slong rs_io_parse_count(slong *v, const char *s, size_t n, slong max);

/* ---- command-line values ------------------------------------------- */

/* Records "OPT: <message> at character K of \"ARG\"" where K is the
   1-based character position of byte offset off in arg. */
int rs_opt_error(rs_error_t err, int status, const char *opt, const char *arg,
                 size_t off, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

/* ---- shapes --------------------------------------------------------- */

/* Checks widths d_0..d_L already within max_width against the remaining
   limits (max_entries, the engine's total width, rs_dims_check); `off` is
   where to report. */
int rs_io_check_shape(const rs_io_src_t *src, size_t off, const slong *d,
                      slong L, rs_error_t err);

/* ---- the text formats ----------------------------------------------- */

/* A significant line: not blank, not a comment line.  rs_text_next_line
   moves *pos past the next significant line and gives its content
   [*start, *end) (without the line end); returns 0 at the end of the input
   (then *start = *end = len). */
int rs_text_next_line(const rs_io_src_t *src, size_t *pos, size_t *start,
                      size_t *end);
/* Next token of a line at or after *p (tokens are separated by spaces and
   tabs; '#' at the start of a token begins a comment to the end of the
   line).  Returns 0 when the line has no more tokens; then *p is just after
   the last token.  Otherwise [*ts, *te) is the token and *p = *te. */
int rs_text_next_token(const rs_io_src_t *src, size_t *p, size_t end,
                       size_t *ts, size_t *te);
/* Whether a token looks like the start of a row (a number). */
int rs_text_is_row_token(const rs_io_src_t *src, size_t ts);

/* Reads nrows row lines of ncols entries each starting at *pos (no lines
   at all when ncols = 0).  M == NULL only checks; otherwise M must be
   nrows x ncols and is filled.  `what` names the matrix in messages ("W1",
   "the matrix"). */
int rs_text_read_rows(const rs_io_src_t *src, size_t *pos, slong nrows,
                      slong ncols, fmpq_mat_struct *M, const char *what,
                      rs_error_t err);

/* Reads the first significant line, "KEYWORD n_0 n_1 ...": the keyword,
   then nonnegative integers each at most max_width, between min_count and
   max_count of them (max_count < 0: exactly min_count; more than a
   nonnegative max_count is a limit error naming max_layers).  `usage` is
   shown in messages ("dims d_0 d_1 ... d_L"); names[i] names value i
   (NULL: "width d_i").  On success *d is a new array (flint_free) of
   *count values, *pos is after the line and *kw_off is the keyword's
   offset. */
int rs_text_read_header(const rs_io_src_t *src, size_t *pos,
                        const char *keyword, const char *usage,
                        const char *const *names, slong min_count,
                        slong max_count, slong **d, slong *count,
                        size_t *kw_off, rs_error_t err);

int rs_text_net_parse(rs_net_t N, const rs_io_src_t *src, rs_error_t err);
int rs_text_matrix_parse(fmpq_mat_t M, const rs_io_src_t *src, rs_error_t err);

/* ---- JSON ----------------------------------------------------------- */

typedef enum {
    RS_JT_EOF,
    RS_JT_LBRACE,
    RS_JT_RBRACE,
    RS_JT_LBRACKET,
    RS_JT_RBRACKET,
    RS_JT_COLON,
    RS_JT_COMMA,
    RS_JT_STRING, /* [start, end) includes the quotes */
    RS_JT_NUMBER,
    RS_JT_TRUE,
    RS_JT_FALSE,
    RS_JT_NULL,
    RS_JT_BAD /* a run of characters that starts no JSON token */
} rs_jtok_type;

typedef struct {
    rs_jtok_type type;
    size_t start, end;
} rs_jtok_t;

/* Reads the token at or after *pos (skipping JSON whitespace) and moves
   *pos past it.  Strings are fully validated (escapes, surrogate pairs, no
   raw control characters) and numbers follow the JSON grammar; a
   violation is an error at the offending character. */
int rs_json_next(rs_jtok_t *t, const rs_io_src_t *src, size_t *pos,
                 rs_error_t err);
/* Describes a token for "found ..." in messages. */
const char *rs_json_describe(char *buf, size_t size, const rs_io_src_t *src,
                             const rs_jtok_t *t);
/* Decodes the contents of a validated string token into out (at least
   t->end - t->start bytes); returns the decoded length. */
size_t rs_json_string_decode(char *out, const rs_io_src_t *src,
                             const rs_jtok_t *t);
/* Checks that the whole input is one JSON value (any JSON) nested at most
   max_json_depth deep, followed only by whitespace. */
int rs_json_check(const rs_io_src_t *src, rs_error_t err);
/* Moves *pos past the value starting with token t (input already checked
   by rs_json_check). */
int rs_json_skip(const rs_io_src_t *src, const rs_jtok_t *t, size_t *pos,
                 rs_error_t err);

int rs_json_net_parse(rs_net_t N, const rs_io_src_t *src, rs_error_t err);

#endif
