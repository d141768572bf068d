/* Progress reports and cancellation of long library calls, without global
   state: the caller passes a token to the functions that accept one (NULL
   means no reports and no cancellation). */
#ifndef RANKSTRAT_PROGRESS_H
#define RANKSTRAT_PROGRESS_H

#include <flint/flint.h>

#include "rankstrat/export.h"

RS_BEGIN_DECLS

/* Called now and then from the thread running the job with the number of
   items done so far (what an item is, the function says); a nonzero
   return value cancels the job. */
typedef int (*rs_progress_fn)(void *data, slong done);

typedef struct {
    rs_progress_fn fn; /* or NULL */
    void *data;        /* passed to fn */
    /* set to nonzero (from any thread, e.g. a signal handler or another
       thread of a binding) to cancel the job at its next check */
    volatile int cancel;
    slong every; /* items between two calls of fn (0: a default) */
} rs_progress_struct;

typedef rs_progress_struct rs_progress_t[1];

/* fn = NULL, data = NULL, cancel = 0, every = 0. */
void rs_progress_init(rs_progress_t p);

/* For library code: whether the job must stop after `done` items (the
   token's cancel flag is set, or fn, called when done is a multiple of
   `every`, returned nonzero; fn's refusal also sets the flag).  p may be
   NULL (never stops). */
int rs_progress_poll(rs_progress_struct *p, slong done);

RS_END_DECLS

#endif
