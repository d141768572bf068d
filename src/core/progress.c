/* Progress reports and cancellation tokens. */
#include "rankstrat/progress.h"

#define RS_PROGRESS_DEFAULT_EVERY WORD(65536)

void rs_progress_init(rs_progress_t p)
{
    p->fn = NULL;
    p->data = NULL;
    p->cancel = 0;
    p->every = 0;
}

int rs_progress_poll(rs_progress_struct *p, slong done)
{
    slong every;
    if (p == NULL)
        return 0;
    if (p->cancel)
        return 1;
    every = p->every > 0 ? p->every : RS_PROGRESS_DEFAULT_EVERY;
    if (p->fn != NULL && done % every == 0 && p->fn(p->data, done))
        p->cancel = 1;
    return p->cancel != 0;
}
