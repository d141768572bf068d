/* Enumerating a whole fiber into a store, with a bound on its size. */
#include "rankstrat/strata.h"

#include "strata_internal.h"

typedef struct {
    rs_strata_struct *S;
    slong max;
    unsigned char *key;
    rs_progress_struct *prog;
    int cancelled;
} fill_state;

static int fill_visit(void *data, const rs_barcode_t B, const rs_ranks_t R,
                      slong dim)
{
    fill_state *f = data;
    (void)B;
    if (f->max > 0 && f->S->n >= f->max)
        return 1;
    _rs_strata_pack(f->key, R, f->S->width);
    _rs_strata_add_packed(f->S, f->key, dim);
    if (rs_progress_poll(f->prog, f->S->n)) {
        f->cancelled = 1;
        return 1;
    }
    return 0;
}

int rs_strata_fill(rs_strata_t S, slong max_strata, rs_error_t err)
{
    return rs_strata_fill_progress(S, max_strata, NULL, err);
}

int rs_strata_fill_progress(rs_strata_t S, slong max_strata,
                            rs_progress_struct *prog, rs_error_t err)
{
    fill_state f;
    slong visited;
    int stop;
    if (S == NULL)
        return rs_error_set(err, RS_EINPUT,
                            "rs_strata_fill: expected a store, got NULL");
    f.S = S;
    f.max = max_strata;
    f.prog = prog;
    f.cancelled = 0;
    f.key = flint_malloc(S->m * S->width + 1);
    stop = rs_strata_enumerate(&visited, S->d, S->L, S->r, fill_visit, &f);
    flint_free(f.key);
    if (stop && f.cancelled) {
        S->n = 0;
        _rs_strata_rehash(S, 16);
        return rs_error_set(err, RS_ECANCEL, "cancelled");
    }
    if (stop) {
        fmpz_t c;
        rs_error_t e2;
        fmpz_init(c);
        rs_error_init(e2);
        S->n = 0;
        _rs_strata_rehash(S, 16);
        if (rs_strata_count(c, S->d, S->L, S->r, 0, NULL, e2) == RS_OK) {
            char *s = fmpz_get_str(NULL, 10, c);
            rs_error_set(err, RS_ELIMIT,
                         "the fiber has %s strata, more than the bound %ld", s,
                         (long)max_strata);
            flint_free(s);
        } else {
            rs_error_set(err, RS_ELIMIT, "the fiber has more than %ld strata",
                         (long)max_strata);
        }
        fmpz_clear(c);
        return RS_ELIMIT;
    }
    return RS_OK;
}
