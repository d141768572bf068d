/* The exact number of strata without listing them.

   After the reduction (d, r) -> (e, 0) with e = d - r, a stratum is a
   multiset of bars [i, j] != [0, L] covering layer k exactly e_k times.  Let
   C(e) count such multisets when [0, L] is allowed too; removing the
   [0, L] bars shows C(e) = sum_{m >= 0} count(e - m), so count = C(e) -
   C(e - 1) and every birth layer, layer 0 included, behaves alike.

   Layer by layer, the strands alive at layer k form one group per birth
   layer, and what can happen next depends only on the multiset lambda of
   the group sizes: each group independently keeps c <= (its size) strands,
   then strands born at k + 1 fill the layer.  Writing a state lambda as
   the symmetric function h_lambda, "each group keeps c <= v" is the
   plethystic shift f -> f[X + 1] (since h_v[X + 1] = h_0 + ... + h_v) and
   the newborns multiply the degree-s part by h_{e_{k+1} - s}.  In the
   Schur basis both are sums over horizontal strips (branching and Pieri
   rules), i.e. over boxes of interlacing coordinates, so each layer is a
   sequence of one-coordinate running sums over partitions with at most
   (layer index + 1) parts.  Run from both ends to a middle level, the two
   halves are paired by the Hall inner product (Schur functions are
   orthonormal): a barcode is a left half, a right half and a matching of
   the strands alive at the middle by birth and death layer, counted by
   <h_lambda, h_mu>.  Layers of width 0 split the count into a product;
   segments of one or two steps have closed forms.  count_dp.c holds the
   programme itself (dense arrays, exact multi-limb values).

   The whole plan (array shapes, hence the work) is known before anything
   runs, so a job beyond the work bound is refused at once.  C(e) and
   C(e - 1) are independent and run on two threads when there are two
   cores. */
#include <string.h>
#include "rankstrat/strata.h"

#include "core/parallel.h"

#include "strata_internal.h"

/* C(f) for f[0..2] (positive): z bars [0,2], x bars [0,1], y bars [1,2]:
   count the (x, y) with x <= f0 - z, y <= f2 - z, x + y <= f1 - z, for
   each z. */
static void count_two_steps(fmpz_t c, const slong *f)
{
    slong z;
    fmpz_zero(c);
    for (z = 0; z <= FLINT_MIN(f[0], f[2]) && z <= f[1]; z++) {
        slong a = f[0] - z, bb = f[2] - z, s = f[1] - z, n = 0, x0, x1;
        /* x <= s - bb: every y <= bb fits */
        if (s >= bb) {
            x1 = FLINT_MIN(a, s - bb);
            n = (x1 + 1) * (bb + 1);
            x0 = x1 + 1;
        } else {
            x0 = 0;
        }
        /* then y <= s - x: s - x + 1 choices, x0 <= x <= min(a, s) */
        x1 = FLINT_MIN(a, s);
        if (x1 >= x0)
            fmpz_add_si(c, c,
                        (x1 - x0 + 1) * (s + 1) -
                            (x1 * (x1 + 1) / 2 - x0 * (x0 - 1) / 2));
        fmpz_add_si(c, c, n);
    }
}

/* The segments of C(e): closed forms for one or two steps, the dense
   programme for longer ones. */
typedef struct {
    int zero;     /* some e_k < 0: C(e) = 0 */
    slong nshort; /* segments of one or two steps: start, steps */
    slong *shorts;
    slong nseg;
    rs_cseg_struct *seg;
    fmpz_t result;
    const volatile int *cancel; /* the caller's token's flag, or NULL */
    int cancelled;              /* job_run stopped because it was set */
} bars_job;

static void job_init(bars_job *J, const slong *e, slong L)
{
    slong k, start, M;
    J->zero = 0;
    J->nshort = J->nseg = 0;
    J->cancel = NULL;
    J->cancelled = 0;
    J->shorts = flint_malloc(2 * (L + 1) * sizeof(slong));
    J->seg = flint_malloc((L + 1) * sizeof(rs_cseg_struct));
    fmpz_init(J->result);
    for (k = 0; k <= L; k++)
        if (e[k] < 0)
            J->zero = 1;
    if (J->zero)
        return;
    /* no bar crosses a layer of width 0 */
    for (start = 0; start <= L; start = k + 1) {
        for (k = start; k <= L && e[k] > 0; k++)
            ;
        M = k - 1 - start;
        if (M == 1 ||
            (M == 2 && FLINT_MIN(e[start], e[start + 2]) <= WORD(100000000))) {
            J->shorts[2 * J->nshort] = start;
            J->shorts[2 * J->nshort + 1] = M;
            J->nshort++;
        } else if (M >= 2) {
            _rs_cseg_init(J->seg + J->nseg, e + start, M);
            J->nseg++;
        }
    }
}

static void job_clear(bars_job *J)
{
    slong k;
    for (k = 0; k < J->nseg; k++)
        _rs_cseg_clear(J->seg + k);
    flint_free(J->seg);
    flint_free(J->shorts);
    fmpz_clear(J->result);
}

typedef struct {
    bars_job *J;
    const slong *e;
} job_run_arg;

static void job_run(bars_job *J, const slong *e)
{
    slong k;
    fmpz_t c;
    fmpz_init(c);
    fmpz_set_ui(J->result, !J->zero);
    for (k = 0; k < J->nshort && !J->zero; k++) {
        const slong *f = e + J->shorts[2 * k];
        if (J->shorts[2 * k + 1] == 1) /* only [0, 1] is free */
            fmpz_set_si(c, FLINT_MIN(f[0], f[1]) + 1);
        else
            count_two_steps(c, f);
        fmpz_mul(J->result, J->result, c);
    }
    for (k = 0; k < J->nseg && !J->zero; k++) {
        if (_rs_cseg_count(c, J->seg + k, J->cancel)) {
            J->cancelled = 1;
            break;
        }
        fmpz_mul(J->result, J->result, c);
    }
    fmpz_clear(c);
}

static void job_worker(void *p, slong i)
{
    job_run_arg *a = p;
    job_run(a[i].J, a[i].e);
}

/* Plans the jobs, refuses beyond the budget (RS_ELIMIT, *work > budget),
   else runs them (the second on another thread if worthwhile). */
static int run_jobs(bars_job *J, const slong **e, slong njobs, slong budget,
                    slong *work)
{
    slong w = 0, k, j;
    for (j = 0; j < njobs; j++)
        for (k = 0; k < J[j].nseg && !J[j].zero && w <= budget; k++)
            w += _rs_cseg_work(J[j].seg + k, budget - w);
    *work = w;
    if (w > budget)
        return RS_ELIMIT;
    if (njobs == 2 && w >= WORD(100000) && _rs_cpu_count() > 1) {
        job_run_arg a[2];
        for (j = 0; j < 2; j++) {
            a[j].J = J + j;
            a[j].e = e[j];
        }
        _rs_parallel_for(2, 2, job_worker, a);
        return RS_OK;
    }
    for (j = 0; j < njobs; j++)
        job_run(J + j, e[j]);
    return RS_OK;
}

static int over_error(rs_error_t err, slong budget)
{
    return rs_error_set(err, RS_ELIMIT,
                        "counting the strata needs more than %ld "
                        "dynamic-programming states; this fiber is too "
                        "large to count within the bound (raise it with "
                        "--max-work)",
                        (long)budget);
}

int rs_strata_count_bars(fmpz_t count, const slong *e, slong L, slong max_work,
                         slong *work, rs_error_t err)
{
    slong budget = max_work > 0 ? max_work : RS_STRATA_COUNT_DEFAULT_WORK, w;
    bars_job J;
    int status;
    job_init(&J, e, L);
    status = run_jobs(&J, &e, 1, budget, &w);
    if (status == RS_OK)
        fmpz_set(count, J.result);
    else
        fmpz_zero(count);
    job_clear(&J);
    if (work != NULL)
        *work = w;
    return status == RS_OK ? RS_OK : over_error(err, budget);
}

int rs_strata_count(fmpz_t count, const slong *d, slong L, slong r,
                    slong max_work, slong *work, rs_error_t err)
{
    return rs_strata_count_progress(count, d, L, r, max_work, work, NULL, err);
}

int rs_strata_count_progress(fmpz_t count, const slong *d, slong L, slong r,
                             slong max_work, slong *work,
                             rs_progress_struct *prog, rs_error_t err)
{
    slong budget = max_work > 0 ? max_work : RS_STRATA_COUNT_DEFAULT_WORK,
          w = 0, k;
    slong *e0, *e1;
    const slong *es[2];
    bars_job J[2];
    int status;
    if (count == NULL || d == NULL || L < 0)
        return rs_error_set(err, RS_EINPUT,
                            "rs_strata_count: expected a count, widths and "
                            "L >= 0");
    e0 = flint_malloc(2 * (L + 1) * sizeof(slong));
    e1 = e0 + L + 1;
    for (k = 0; k <= L; k++) {
        e0[k] = d[k] - r;
        e1[k] = d[k] - r - 1;
    }
    es[0] = e0;
    es[1] = e1;
    job_init(J + 0, e0, L);
    job_init(J + 1, e1, L);
    if (prog != NULL)
        J[0].cancel = J[1].cancel = &prog->cancel;
    status =
        rs_progress_poll(prog, 0) ? RS_ECANCEL : run_jobs(J, es, 2, budget, &w);
    if (status == RS_OK && (J[0].cancelled || J[1].cancelled))
        status = RS_ECANCEL;
    if (status == RS_OK)
        fmpz_sub(count, J[0].result, J[1].result);
    else
        fmpz_zero(count);
    job_clear(J + 0);
    job_clear(J + 1);
    flint_free(e0);
    if (work != NULL)
        *work = w;
    if (status == RS_ECANCEL)
        return rs_error_set(err, RS_ECANCEL, "cancelled");
    return status == RS_OK ? RS_OK : over_error(err, budget);
}
