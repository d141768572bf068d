/* Reading and writing rankstrat's files and command-line values
   (docs/formats.md).

   Readers validate everything before allocating or calling FLINT, so no
   input can make FLINT abort.  Every rejection fills an rs_error_t with one
   line "FILE:LINE:COL: expected ..." (status RS_EINPUT), or a message giving
   the size (status RS_ELIMIT) when the input is well formed but too big. */
#ifndef RANKSTRAT_IO_H
#define RANKSTRAT_IO_H

#include <stddef.h>
#include <stdio.h>

#include <flint/flint.h>
#include <flint/fmpq.h>
#include <flint/fmpq_mat.h>

#include "rankstrat/barcode.h"
#include "rankstrat/error.h"
#include "rankstrat/net.h"

#include "rankstrat/export.h"

RS_BEGIN_DECLS

/* Limits applied while reading; a reader refuses larger inputs before it
   allocates anything for them. */
typedef struct {
    size_t max_file_bytes; /* whole input */
    slong max_entries;     /* matrix entries in a network or matrix;
                              for a network, entries plus rows */
    slong max_width;       /* any single d_k, R or C */
    slong max_layers;      /* L */
    slong max_json_depth;  /* nesting of JSON arrays and objects */
} rs_io_limits_t;

/* The defaults: 1 GiB, 5e7 entries, 1e6 width, 4096 layers, depth 64. */
void rs_io_limits_default(rs_io_limits_t *lim);

/* Reads a network from `path` ("-" is standard input).  The format is
   detected from the first non-blank character: '{' means JSON, anything
   else the text format.  N must be initialised (e.g. rs_net_init_empty); on
   success it holds the network, on failure it is unchanged.  lim may be NULL
   for the defaults. */
int rs_net_read(rs_net_t N, const char *path, const rs_io_limits_t *lim,
                rs_error_t err);
/* The same from memory; `name` is used in messages. */
int rs_net_read_buffer(rs_net_t N, const char *data, size_t len,
                       const char *name, const rs_io_limits_t *lim,
                       rs_error_t err);

/* Reads a matrix file ("matrix R C" and R rows of C entries).  M must be
   initialised; on success it is re-initialised to R x C and filled. */
int rs_matrix_read(fmpq_mat_t M, const char *path, const rs_io_limits_t *lim,
                   rs_error_t err);
int rs_matrix_read_buffer(fmpq_mat_t M, const char *data, size_t len,
                          const char *name, const rs_io_limits_t *lim,
                          rs_error_t err);

/* Parses one exact number: an integer, p/q (q != 0), or a finite decimal
   such as -0.125 or 2.5e-3, each with an optional leading '-' or '+'.
   Returns -1 on success, otherwise the offset (0 <= k <= len) of the first
   character that makes s[0..len) not a number.
   Precisely: [+-]? D+ '/' D+  |  [+-]? ( D+ | D+ '.' D* | '.' D+ )
   ( [eE] [+-]? D+ )? with D a decimal digit; the denominator has no sign
   and is not zero; "5." and ".5" are accepted; an exponent e means the
   exact value times 10^e and is at most 1000 in absolute value; no blanks,
   hexadecimal, inf or nan.  x is set to the canonical value (p/q reduced,
   q > 0) and left unchanged on failure. */
slong rs_parse_rational(fmpq_t x, const char *s, size_t len);

/* Parses a --dims value "2,3,2" into a newly allocated array (*d, freed by
   the caller with flint_free) and L = count - 1.  The shape is checked with
   rs_dims_check.  Messages name `opt`. */
int rs_parse_dims(slong **d, slong *L, const char *arg, const char *opt,
                  rs_error_t err);

/* Parses a barcode for layers 0..L into B (re-shaped), in any form the
   tool prints: "0-2x2,1-1", "2[0,2] + [1,1]" or "[[0,2,2],[1,1,1]]" (see
   rs_barcode_set_str).  Bars must satisfy 0 <= i <= j <= L and
   multiplicities must be >= 1; a bar may be repeated (multiplicities
   add).  "" and "-" are the barcode without bars.  Messages name `opt`
   and the character they refer to; B is unchanged on failure. */
int rs_parse_barcode(rs_barcode_t B, slong L, const char *arg, const char *opt,
                     rs_error_t err);

/* Parses a nonnegative integer option value no larger than max. */
int rs_parse_slong(slong *v, const char *arg, slong max, const char *opt,
                   rs_error_t err);

/* Writes N in the text network format (docs/formats.md); the output reads back
   to an equal network. */
void rs_net_fprint(FILE *f, const rs_net_t N);
/* Writes M as a matrix file. */
void rs_matrix_fprint(FILE *f, const fmpq_mat_t M);

/* JSON output: an exact number as a string ("-3/7"), a matrix as a list of
   rows of such strings. */
void rs_json_fprint_fmpq(FILE *f, const fmpq_t x);
void rs_json_fprint_qmat(FILE *f, const fmpq_mat_t M);
/* JSON: [[i,j,r_ji],...] for i < j in lexicographic (i, j) order. */
void rs_json_print_ranks(FILE *f, const rs_ranks_t R);
/* JSON: [[i,j,m],...] for bars with m > 0, lexicographic (i, j) order. */
void rs_json_print_barcode(FILE *f, const rs_barcode_t B);
/* JSON: [d_0,...,d_L] */
void rs_json_print_dims(FILE *f, const slong *d, slong L);

/* Output files that never exist half-written.  rs_outfile_open prepares a
   temporary file in the directory of `path` (on Linux an anonymous one,
   O_TMPFILE, which disappears by itself if the process dies before the
   commit); rs_outfile_commit flushes it, gives it a name and renames it
   over `path`; rs_outfile_abort closes and removes it.  An existing regular
   target keeps its permissions; a symbolic link is followed (the file it
   points to is replaced or, for a dangling link, created; the link stays;
   a loop of links is an error).  A target that exists and is not
   a regular file (/dev/null, a FIFO, a terminal) cannot be replaced by
   renaming and is written directly.  A path of "-" means standard output
   (commit just flushes).  f has a file descriptor (fileno works) except
   for standard output when stdout has none. */
typedef struct {
    FILE *f;        /* write here */
    char *path;     /* final name, or NULL for standard output */
    char *tmp_path; /* visible temporary name, or NULL if there is none */
    int kind;       /* how f reaches path (private to outfile.c) */
} rs_outfile_t;

int rs_outfile_open(rs_outfile_t *out, const char *path, rs_error_t err);
int rs_outfile_commit(rs_outfile_t *out, rs_error_t err);
void rs_outfile_abort(rs_outfile_t *out);

/* The outputs of one command, committed all or none.  rs_outgroup_open
   opens `out` (as rs_outfile_open) and adds it to the group; an output
   naming the same file as one already in the group (after following
   symbolic links, or the same device and inode; two "-" are both standard
   output) is refused with RS_EINPUT naming both options (`opt`, e.g.
   "--flow-dot").  rs_outgroup_commit flushes and syncs every file first
   and renames them into place only when all succeeded (on failure every
   temporary file is removed and no target is touched; only a failing
   rename itself, after others succeeded, can leave part of the group
   committed).  rs_outgroup_abort removes every temporary file.  The
   rs_outfile_t objects must outlive the group.

   Temporary files: anonymous (O_TMPFILE) where possible; otherwise (or
   when the environment variable RANKSTRAT_NO_O_TMPFILE is set, a switch
   for tests) named ".<base>.rs<PID>.XXXXXX" next to the target, removed on
   SIGINT, SIGTERM and SIGHUP and by the out-of-memory handler; one left
   by a SIGKILL is removed by the next rankstrat writing to the same
   directory once process PID has ended.  Write errors report the system's
   reason (e.g. "No space left on device"). */
#define RS_OUTGROUP_MAX 8
typedef struct {
    rs_outfile_t *out[RS_OUTGROUP_MAX];
    const char *opt[RS_OUTGROUP_MAX];
    int n;
} rs_outgroup_t;

void rs_outgroup_init(rs_outgroup_t *g);
int rs_outgroup_open(rs_outgroup_t *g, rs_outfile_t *out, const char *path,
                     const char *opt, rs_error_t err);
int rs_outgroup_commit(rs_outgroup_t *g, rs_error_t err);
void rs_outgroup_abort(rs_outgroup_t *g);

RS_END_DECLS

#endif
