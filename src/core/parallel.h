/* The library's one way to run work on several threads (internal): every
   module that parallelises (ranks, certification, lifting, strata counts)
   goes through _rs_parallel_for, so that thread creation, the fallback when
   a thread cannot be started and FLINT's per-thread cleanup live in one
   place. */
#ifndef RS_CORE_PARALLEL_H
#define RS_CORE_PARALLEL_H

#include <flint/flint.h>

/* Runs f(arg, i) for i = 0..count-1 on up to `threads` threads (the
   calling thread included); serial when threads <= 1.  If a thread cannot
   be created its share runs on the calling thread, so the work is always
   done. */
void _rs_parallel_for(slong count, slong threads, void (*f)(void *arg, slong i),
                      void *arg);
/* The number of online processors (at least 1). */
slong _rs_cpu_count(void);

#endif
