/* The cost model (rankstrat/cost.h).  The constants were calibrated on
   this project's own operations (gcc -O2, FLINT 2.9): about 2 us per
   partial product whatever its size (allocation, initialisation, the
   rank's bookkeeping), and multimodular ranks whose certification needs
   primes in number proportional to the determinant's bits. */
#include <math.h>
#include <sys/resource.h>
#include <unistd.h>

#include <flint/fmpq_mat.h>

#include "rankstrat/cost.h"

/* Fixed word operations per matrix of a rank list (allocation, FLINT's
   initialisation, the certification's bookkeeping): measured about 2 us. */
#define OPS_PER_MATRIX 2000.0

/* Bytes of a matrix header (fmpq_mat_struct and its row pointers). */
#define MATRIX_HEADER 64.0

void rs_cost_limits_default(rs_cost_limits_t *lim)
{
    long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGE_SIZE);
    struct rlimit rl;
    lim->max_memory = pages > 0 && size > 0 ? (double)pages * (double)size / 2
                                            : 4.0 * 1024 * 1024 * 1024;
    /* an address-space limit (ulimit -v) bounds the heap too */
    if (getrlimit(RLIMIT_AS, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
        (double)rl.rlim_cur < lim->max_memory)
        lim->max_memory = (double)rl.rlim_cur;
    lim->max_work = RS_COST_DEFAULT_WORK;
}

void rs_cost_limits_set(rs_cost_limits_t *lim, const rs_cost_limits_t *given)
{
    rs_cost_limits_t def, g;
    if (lim == NULL)
        return;
    rs_cost_limits_default(&def);
    if (given == NULL) {
        *lim = def;
        return;
    }
    g = *given;
    /* written so that NaN fails the test and takes the default */
    lim->max_memory = g.max_memory > 0 ? g.max_memory : def.max_memory;
    lim->max_work = g.max_work > 0 ? g.max_work : def.max_work;
}

void rs_cost_zero(rs_cost_t *c)
{
    c->bytes = 0;
    c->work = 0;
}

void rs_cost_add(rs_cost_t *c, const rs_cost_t *x, double times)
{
    double b = x->bytes * times, w = x->work * times;
    c->bytes += b;
    c->work += w;
}

/* Bytes of one exact entry of `bits` bits: two fmpz (8 bytes each), and
   beyond a word two GMP integers (header and limbs). */
static double entry_bytes(double bits)
{
    if (bits <= 124)
        return 16;
    return 16 + 2 * (32 + 8 * ceil(bits / 2 / 64));
}

/* Word operations of one multiplication/addition of such entries
   (schoolbook-to-Karatsuba growth, rationals costing about three integer
   products). */
static double entry_ops(double bits)
{
    double words = bits / 64 + 1;
    return 3 * pow(words, 1.6);
}

double rs_cost_qmat_bytes(double r, double c, double bits)
{
    return MATRIX_HEADER + 8 * r + r * c * entry_bytes(bits);
}

slong rs_cost_mat_bits(const fmpq_mat_t M)
{
    slong i, j, best = 0;
    if (M == NULL)
        return 0;
    for (i = 0; i < fmpq_mat_nrows(M); i++)
        for (j = 0; j < fmpq_mat_ncols(M); j++) {
            const fmpq *x = fmpq_mat_entry(M, i, j);
            slong b =
                (slong)(fmpz_bits(fmpq_numref(x)) + fmpz_bits(fmpq_denref(x)));
            best = FLINT_MAX(best, b);
        }
    return best;
}

slong rs_cost_net_bits(const rs_net_t N)
{
    slong k, best = 0;
    if (N == NULL)
        return 0;
    for (k = 1; k <= N->L; k++)
        best = FLINT_MAX(best, rs_cost_mat_bits(rs_net_weight(N, k)));
    return best;
}

void rs_cost_net(rs_cost_t *c, const slong *d, slong L, double bits)
{
    slong k;
    for (k = 1; k <= L; k++) {
        c->bytes += rs_cost_qmat_bytes((double)d[k], (double)d[k - 1], bits);
        c->work += ((double)d[k] * (double)d[k - 1] + OPS_PER_MATRIX) /
                   RS_COST_OPS_PER_UNIT;
    }
}

void rs_cost_ranks(rs_cost_t *c, const slong *d, slong L, double bits)
{
    slong i, j, maxw = 1;
    double ops = 0, bytes = 0, lw;
    for (j = 0; j <= L; j++)
        if (d[j] > maxw)
            maxw = d[j];
    lw = log2((double)maxw) + 1;
    for (i = 0; i <= L; i++) {
        /* W_{j,i} for j = i..L, each from the previous one; its rank is
           at most the narrowest width k in between, and elimination and
           certification are output-sensitive (they stop at the rank) */
        double b = bits, k = (double)d[i];
        for (j = i; j <= L; j++) {
            double m = (double)d[j], n = (double)d[i];
            if (m < k)
                k = m;
            if (j > i + 1) {
                double p = (double)d[j - 1];
                b += bits + lw;
                if (m * p * n > 0) /* empty products cost no pow() */
                    ops += m * p * n * entry_ops(b);
            }
            bytes += rs_cost_qmat_bytes(m, n, b);
            /* rank: modular elimination, then a certification whose
               primes number about k b / 64 (the size of a k x k minor);
               W_ii = I needs none */
            if (j > i)
                ops += m * n * k * (1 + k * b / 64);
            ops += OPS_PER_MATRIX;
        }
    }
    c->bytes += bytes;
    c->work += ops / RS_COST_OPS_PER_UNIT;
}

void rs_cost_triangle(rs_cost_t *c, slong L)
{
    double n = ((double)L + 1) * ((double)L + 2) / 2;
    c->bytes += 8 * n;
    c->work += n / RS_COST_OPS_PER_UNIT;
}

void rs_cost_fiber(rs_cost_t *c, const slong *d, slong L, double n,
                   double lists, int stored)
{
    rs_cost_t one;
    if (c == NULL || d == NULL || L < 0)
        return;
    rs_cost_zero(&one);
    rs_cost_triangle(&one, L);
    rs_cost_add(&one, &one, 1); /* rank list and barcode */
    if (lists > 0) {
        rs_cost_t r;
        rs_cost_zero(&r);
        /* points of the stratum have entries of a few bits; moved and
           multiplied they grow to tens */
        rs_cost_ranks(&r, d, L, 16);
        one.work += lists * r.work;
        if (!stored)
            one.bytes += r.bytes;
    }
    c->work += n * one.work;
    c->bytes += stored ? n * one.bytes : one.bytes;
}

void rs_cost_canonical(rs_cost_t *c, const slong *d, slong L, int product)
{
    if (c == NULL || d == NULL || L < 0)
        return;
    rs_cost_triangle(c, L);
    rs_cost_net(c, d, L, 2);
    rs_cost_net(c, d, L, 2);
    if (product) {
        rs_cost_t r;
        slong ends[2];
        ends[0] = d[0];
        ends[1] = d[L];
        rs_cost_zero(&r);
        rs_cost_ranks(&r, ends, 1, 64);
        rs_cost_add(c, &r, 4);
    }
}

void rs_cost_move(rs_cost_t *c, const rs_net_t N, slong mbits)
{
    rs_cost_t r;
    if (c == NULL || N == NULL)
        return;
    rs_cost_zero(&r);
    rs_cost_ranks(&r, N->d, N->L, (double)(rs_cost_net_bits(N) + mbits));
    rs_cost_add(c, &r, 2); /* before and after */
}

/* "12.3 GiB" and the like (powers of 1024, as --max-memory's suffixes). */
static void human(char *buf, size_t size, double x, const char *unit)
{
    static const char *const pre[] = {"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"};
    int i = 0;
    while (x >= 1024 && i < 6) {
        x /= 1024;
        i++;
    }
    /* %.3g would write 1000..1023 as "1e+03" */
    if (x >= 999.5)
        snprintf(buf, size, "%.0f %s%s", x, pre[i], unit);
    else
        snprintf(buf, size, "%.3g %s%s", x, pre[i], unit);
}

int rs_cost_check(const rs_cost_t *c, const rs_cost_limits_t *lim,
                  const char *job, rs_error_t err)
{
    char a[64], b[64];
    if (c == NULL || lim == NULL)
        return rs_error_set(err, RS_EINPUT,
                            "rs_cost_check: expected c and lim, got NULL");
    if (job == NULL)
        job = "the job";
    if (!(c->bytes <= lim->max_memory)) {
        human(a, sizeof a, c->bytes, "B");
        human(b, sizeof b, lim->max_memory, "B");
        return rs_error_set(err, RS_ELIMIT,
                            "estimated %s of memory for %s, more than the "
                            "limit %s (raise it with --max-memory)",
                            a, job, b);
    }
    if (!(c->work <= lim->max_work)) {
        snprintf(a, sizeof a, "%.3g", c->work);
        snprintf(b, sizeof b, "%.3g", lim->max_work);
        return rs_error_set(err, RS_ELIMIT,
                            "estimated %s work units for %s, more than the "
                            "limit %s (raise it with --max-work)",
                            a, job, b);
    }
    return RS_OK;
}
