/* The thread pool of the library: _rs_parallel_for (see parallel.h). */
#include <pthread.h>
#include <unistd.h>

#include "core/parallel.h"

typedef struct {
    void (*f)(void *arg, slong i);
    void *arg;
    slong count, stride, first;
} job_struct;

static void run_job(job_struct *J)
{
    slong i;
    for (i = J->first; i < J->count; i += J->stride)
        J->f(J->arg, i);
}

static void *thread_main(void *p)
{
    run_job(p);
    /* Frees whatever thread-local caches FLINT may have filled. */
    flint_cleanup();
    return NULL;
}

void _rs_parallel_for(slong count, slong threads, void (*f)(void *arg, slong i),
                      void *arg)
{
    slong t;
    job_struct *jobs;
    pthread_t *ids;
    char *started;

    threads = FLINT_MIN(threads, count);
    if (threads <= 1) {
        job_struct J = {f, arg, count, 1, 0};
        run_job(&J);
        return;
    }
    jobs = flint_malloc(threads * sizeof(job_struct));
    ids = flint_malloc(threads * sizeof(pthread_t));
    started = flint_calloc(threads, 1);
    for (t = 0; t < threads; t++) {
        jobs[t].f = f;
        jobs[t].arg = arg;
        jobs[t].count = count;
        jobs[t].stride = threads;
        jobs[t].first = t;
    }
    /* Thread 0's share runs here; if a thread cannot be created its share
       runs here too, so the work is always done. */
    for (t = 1; t < threads; t++) {
        if (pthread_create(ids + t, NULL, thread_main, jobs + t) == 0)
            started[t] = 1;
        else
            run_job(jobs + t);
    }
    run_job(jobs + 0);
    for (t = 1; t < threads; t++)
        if (started[t])
            pthread_join(ids[t], NULL);
    flint_free(jobs);
    flint_free(ids);
    flint_free(started);
}

slong _rs_cpu_count(void)
{
    long c = sysconf(_SC_NPROCESSORS_ONLN);
    return c < 1 ? 1 : (slong)c;
}
