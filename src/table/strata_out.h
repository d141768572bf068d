/* Tables of strata (rankstrat strata) in text, JSON, CSV and LaTeX, written
   row by row so that an unsorted listing can stream. */
#ifndef RS_TABLE_STRATA_OUT_H
#define RS_TABLE_STRATA_OUT_H

#include "table/wbuf.h"
#include "rankstrat.h"

enum {
    RS_STRATA_TEXT,
    RS_STRATA_JSON,
    RS_STRATA_CSV,
    RS_STRATA_LATEX,
    RS_STRATA_MARKDOWN
};

#define RS_STRATA_MAX_COLUMNS 32

typedef struct {
    _rs_wbuf w;
    int format;
    int covered_by; /* print the covered-by column / "covers" member */
    int sorted;     /* rows in the sorted order (else enumeration order) */
    const slong *d;
    slong L, r, N, fiber_dim, count;
    /* text column widths */
    slong w_id, w_dim, w_codim, w_comps, w_ranks, w_bar;
    /* tallies over the rows printed, for the text summary */
    slong rows, top, maximal, minimal;
    rs_barcode_t minimal_barcode;
    /* points over F_q (strata_points.c): the table column, the JSON
       member (always in JSON), and the fiber's invariants for the JSON
       summary (or NULL) */
    int points, failed;
    slong *phi, maxd_phi; /* scratch for the factored form; max d */
    slong w_pts;          /* text: width of the points column (when not last) */
    rs_points_cache_struct *cache;
    const rs_invariants_struct *inv;
    /* LaTeX and Markdown (strata_table.c): the columns chosen, and the
       widest rank list, barcode and covers in characters, the digits of
       the widest number */
    int cols[RS_STRATA_MAX_COLUMNS], ncols;
    slong t_ranks, t_bar, t_covers, t_points, w_num;
} _rs_strata_printer;

/* Starts a table of the fiber (d, r) with `count` strata, fiber dimension
   fiber_dim.  w_bar is the width of the longest barcode as printed by
   rs_barcode_fprint (only needed for text with the covered-by column). */
void _rs_strata_printer_init(_rs_strata_printer *p, FILE *f, int format,
                             int covered_by, int sorted, const slong *d,
                             slong L, slong r, slong fiber_dim, slong count,
                             slong w_bar);
void _rs_strata_printer_header(_rs_strata_printer *p);
/* One stratum; covers first .. first + nup - 1 of C have it as their
   lower end, and dims[] holds the dimensions by id (C and dims are only
   read with the covered-by column). */
void _rs_strata_printer_row(_rs_strata_printer *p, slong id, const rs_ranks_t R,
                            const rs_barcode_t B, slong dim,
                            const rs_covers_struct *C, slong first, slong nup,
                            const slong *dims);
/* Ends the table; C (the covers, or NULL) goes into the JSON "covers". */
/* One row per stored stratum of S, in id order, with its covers from C
   (sorted by lower stratum). */
void _rs_strata_printer_rows(_rs_strata_printer *p, const rs_strata_t S,
                             const rs_covers_t C);
void _rs_strata_printer_footer(_rs_strata_printer *p, const rs_covers_t C);
void _rs_strata_printer_clear(_rs_strata_printer *p);

/* The points column (strata_points.c): column = 1 adds it to the table
   formats (text, CSV, LaTeX), as the factored form of
   _rs_wbuf_qpoly_factored; JSON rows always carry "points".  Call after
   _rs_strata_printer_init.  A stratum whose count is not a polynomial (an
   internal error) sets p->failed.  In text with the covered-by column
   the points column comes first and is padded to p->w_pts, which the
   caller sets to the largest _rs_strata_points_cell_len. */
void _rs_strata_printer_points(_rs_strata_printer *p, int column);
void _rs_strata_printer_points_clear(_rs_strata_printer *p);
/* Writes the cell of B; returns its length in characters (text). */
slong _rs_strata_printer_points_cell(_rs_strata_printer *p,
                                     const rs_barcode_t B, slong dim);
/* The length of _rs_barcode_text_len for stratum id of S, read from
   the store without building the barcode (r: (L + 2)^2 entries of
   scratch). */
slong _rs_stored_barcode_text_len(const rs_strata_t S, slong id, slong *r);
/* The length of B's text cell. */
slong _rs_strata_points_cell_len(const rs_barcode_t B);
void _rs_strata_printer_points_json(_rs_strata_printer *p,
                                    const rs_barcode_t B);
/* ---- LaTeX and Markdown tables (strata_table.c) ---- */

/* Parses --columns (NULL: the default, every column) into column
   indices. */
int _rs_strata_columns_parse(int *cols, int *ncols, const char *arg,
                             rs_error_t err);
/* Whether the covers column is among them. */
int _rs_strata_columns_need_covers(const int *cols, int ncols);
/* Whether the column `name` is among them; adds it at the end if not. */
int _rs_strata_columns_has(const int *cols, int ncols, const char *name);
void _rs_strata_columns_add(int *cols, int *ncols, const char *name);
/* Widths of the printer's LaTeX columns from the whole fiber (before the
   header). */
void _rs_strata_table_measure(_rs_strata_printer *p, const rs_strata_t S,
                              const rs_covers_t C);
void _rs_strata_table_header(_rs_strata_printer *p);
void _rs_strata_table_row(_rs_strata_printer *p, slong id, const rs_ranks_t R,
                          const rs_barcode_t B, slong dim,
                          const rs_covers_struct *C, slong first, slong nup,
                          const slong *dims);
void _rs_strata_table_footer(_rs_strata_printer *p);

/* Length of B as printed by rs_barcode_fprint. */
slong _rs_barcode_text_len(const rs_barcode_t B);

/* Writes the number of components 2^log2 in decimal. */
void rs_wbuf_pow2(_rs_wbuf *w, slong log2);
/* "rank-R matrix, widths d = (d_0, ..., d_L)" */
void _rs_wbuf_fiber(_rs_wbuf *w, slong r, const slong *d, slong L);

/* JSON fragments on a buffer: [[i,j,r_ji],...] and [[i,j,m],...]. */
void _rs_wbuf_json_ranks(_rs_wbuf *w, const rs_ranks_t R);
void _rs_wbuf_json_barcode(_rs_wbuf *w, const rs_barcode_t B);

/* The barcode as "[0,0] + 2[1,2]" (sep " + ") or "[0,0]+2[1,2]" (sep
   "+"). */
void _rs_wbuf_barcode(_rs_wbuf *w, const rs_barcode_t B, const char *sep);

#endif
