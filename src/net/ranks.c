/* The rank list r_{ji} = rank W_{ji} of a whole network with shared work
   (issue 6), without forming the partial products over Q.

   Integer weights.  Z_k = c_k W_k with c_k > 0 the least common multiple
   of the denominators of W_k, so Z_{ji} = Z_j ... Z_{i+1} is a nonzero
   multiple of W_{ji}: same rank, same independent rows and columns.

   Bases carried along the triangle.  For every i < j we find, and certify,
   r = rank W_{ji} columns S_{ji} (of layer i) and rows T_{ji} (of layer j)
   with Z_{ji}[T_{ji}, S_{ji}] nonsingular.  Then the columns S_{ji} of
   Z_{ji} are independent and, there being r of them, span its image; the
   rows T_{ji} likewise span its row space.  Two facts follow:
     - im Z_{ji} = Z_j (im Z_{j-1,i}) is spanned by Z_{ji}[:, S_{j-1,i}],
       and the row space of Z_{ji} = Z_{j,i+1} Z_{i+1} by Z_{ji}[T_{j,i+1}, :],
       so rank W_{ji} = rank A_{ji} for the t x s submatrix
           A_{ji} = Z_{ji}[T_{j,i+1}, S_{j-1,i}]
       (t = r_{j,i+1}, s = r_{j-1,i}; S_{ii} and T_{jj} are everything);
     - hence r_{ji} <= min(r_{j-1,i}, r_{j,i+1}): the ranks are monotone,
       and S_{ji} can be chosen inside S_{j-1,i}, T_{ji} inside T_{j,i+1}.
   So the work for W_{ji} is the rank, with a nonsingular minor, of a
   matrix of at most r_{j,i+1} x r_{j-1,i} entries, done in order of
   increasing j - i.

   Modular screening.  Modulo a word-size prime p, Z_{ji} mod p is the
   product of the Z_k mod p (reduction Z -> Z/pZ is a ring homomorphism),
   so A_{ji} mod p comes from cheap nmod_mat products: we carry
   Y_{ji} = Z_{ji}[:, S_{ji}] mod p (d_j x r_{ji}) and form
   A_{ji} mod p = (Z_j Y_{j-1,i})[T_{j,i+1}, :] mod p.  Its rank profile
   modulo p gives r_p and rows and columns with a minor nonzero mod p.  That
   minor is an integer (a minor of the integer matrix A_{ji}) which is
   nonzero mod p, hence nonzero: r_{ji} >= r_p, certified, whatever p is.
     - If r_p = min(t, s), the upper bound is the monotonicity above: the
       entry is certified with no more work (in particular every product
       whose rank equals its smallest dimension).
     - Otherwise we form A_{ji} exactly (Z_j[T, :] times the exact
       Z_{j-1,i}[:, S_{j-1,i}], itself built from the factors, never the
       full product) and take its certified rank r (rs_zmat_rank_info: a
       kernel checked by exact multiplication, or a bound argument).  If
       r = r_p the modular minor gives S_{ji}, T_{ji}; if r > r_p the prime
       was unlucky for this entry and further primes are tried until one
       shows a nonzero r x r minor of A_{ji}, which then gives them.
   Working inside S_{j-1,i} is the reuse of kernels: null W_{j-1,i} is in
   null W_{ji}, and only the r_{j-1,i} - r_{ji} new kernel dimensions are
   certified; T_{j,i+1} does the same for the left kernels.

   Exact columns.  The exact Z_{ji}[:, S_{j-1,i}] is one product
   Z_j X_{j-1,i} of a factor and the kept exact columns X_{j-1,i} =
   Z_{j-1,i}[:, S_{j-1,i}] (d x r, never d x d x d); its rows T_{j,i+1} give
   A_{ji} and its columns S_{ji} are kept as X_{ji}, so a column of cells
   needing exact work costs one such product per cell.  X is made on demand
   from the nearest kept one when cells in between needed no exact work.

   Threads.  A cell reads its two neighbours of the previous diagonal and
   the exact columns of its own column i only, so the cells of a diagonal
   run in parallel; the result does not depend on the schedule. */
#include <stdio.h>

#include <flint/nmod_mat.h>

#include "core/parallel.h"
#include "qspace/blas.h" /* the BLAS thread rule */
#include "qspace/qspace_internal.h"
#include "rankstrat/compat.h"
#include "rankstrat/net.h"
#include "rankstrat/qspace.h"

/* Default start of the prime stream: fixed (reproducible results, no
   state), near 2^23, where the products and the LU run exactly in doubles
   (qspace/blas.h) with chunks of 256 terms between reductions; a prime
   that makes a rank look low costs only a retry with the next one. */
#define RS_RANKS_PRIME_START ((UWORD(1) << 23) - (UWORD(1) << 20) + 12345)

typedef struct {
    slong r;
    slong *S;           /* r columns of layer i */
    slong *T;           /* r rows of layer j */
    nmod_mat_t Y;       /* Z_{ji}[:, S] mod p, d_j x r */
    fmpz_mat_struct *X; /* exact Z_{ji}[:, S] once needed, or NULL */
    int exact;          /* whether the rank needed exact work */
} cell_struct;

typedef struct {
    slong L;
    const slong *d;
    ulong p;
    ulong prime_start;
    fmpz_mat_struct *Z; /* Z[k - 1] = Z_k */
    nmod_mat_struct *Zp;
    cell_struct *cell;   /* (i, j), i < j, at rs_tri_index(i, j) */
    slong threads;       /* cells of one diagonal run in parallel */
    slong gap;           /* the diagonal j - i being filled */
    volatile int failed; /* an internal consistency check failed */
} ctx_struct;

static cell_struct *cell(ctx_struct *c, slong i, slong j)
{
    return c->cell + rs_tri_index(i, j);
}

/* Rank profile of A mod p (A is destroyed): r, then rows[0..r-1] and
   cols[0..r-1] with A[rows, cols] nonsingular mod p (qspace/blas.h). */
static slong profile_mod(slong *rows, slong *cols, nmod_mat_t A)
{
    return _rs_blas_nmod_mat_profile(rows, cols, A);
}

/* B = A[rows, :] (nrows rows; rows == NULL: all of them). */
static void nmod_rows(nmod_mat_t B, const nmod_mat_t A, const slong *rows,
                      slong nrows)
{
    slong i, j, n = nmod_mat_ncols(A);
    for (i = 0; i < nrows; i++)
        for (j = 0; j < n; j++)
            rs_nmod_mat_set(B, i, j, rs_nmod_mat_get(A, rows ? rows[i] : i, j));
}

/* B = A[:, cols] (ncols columns). */
static void nmod_cols(nmod_mat_t B, const nmod_mat_t A, const slong *cols,
                      slong ncols)
{
    slong i, j, m = nmod_mat_nrows(A);
    for (i = 0; i < m; i++)
        for (j = 0; j < ncols; j++)
            rs_nmod_mat_set(B, i, j, rs_nmod_mat_get(A, i, cols[j]));
}

/* Frees the exact columns of the cells (i, l), l < j: the nearest ones,
   those of (i, j), replace them. */
static void drop_older(ctx_struct *c, slong i, slong j)
{
    slong l;
    for (l = i + 1; l < j; l++) {
        cell_struct *D = cell(c, i, l);
        if (D->X != NULL) {
            fmpz_mat_clear(D->X);
            flint_free(D->X);
            D->X = NULL;
        }
    }
}

/* The exact Z_{ki}[:, S_{ki}] (k > i), built from the nearest exact
   Z_{li}[:, S_{li}] already known (l < k; S_{ki} is inside S_{li}) or from
   Z_{i+1}, multiplying by the factors Z_{l+1}, ..., Z_k: products of
   d x d x r_{ki}, never a full d x d x d partial product. */
static const fmpz_mat_struct *exact_cols(ctx_struct *c, slong i, slong k)
{
    cell_struct *C = cell(c, i, k);
    slong l, a, b, r = C->r, *pos;
    fmpz_mat_t X, T;
    const slong *base;
    const fmpz_mat_struct *src;

    if (C->X != NULL)
        return C->X;
    for (l = k - 1; l > i && cell(c, i, l)->X == NULL; l--)
        ;
    /* pos[a]: where column S_{ki}[a] sits in the source */
    pos = flint_malloc(FLINT_MAX(r, 1) * sizeof(slong));
    if (l == i) {
        src = c->Z + i;
        for (a = 0; a < r; a++)
            pos[a] = C->S[a];
        l = i + 1;
    } else {
        const cell_struct *D = cell(c, i, l);
        src = D->X;
        base = D->S;
        for (a = 0; a < r; a++) {
            for (b = 0; base[b] != C->S[a]; b++)
                ;
            pos[a] = b;
        }
    }
    fmpz_mat_init(X, fmpz_mat_nrows(src), r);
    for (a = 0; a < fmpz_mat_nrows(src); a++)
        for (b = 0; b < r; b++)
            fmpz_set(fmpz_mat_entry(X, a, b), fmpz_mat_entry(src, a, pos[b]));
    flint_free(pos);
    for (l = l + 1; l <= k; l++) {
        fmpz_mat_init(T, c->d[l], r);
        fmpz_mat_mul(T, c->Z + l - 1, X);
        fmpz_mat_swap(T, X);
        fmpz_mat_clear(T);
    }
    C->X = flint_malloc(sizeof(fmpz_mat_struct));
    fmpz_mat_init(C->X, c->d[k], r);
    fmpz_mat_swap(C->X, X);
    fmpz_mat_clear(X);
    drop_older(c, i, k);
    return C->X;
}

/* B = A[rows, :] (nrows rows) or B = A[:, cols] (ncols columns). */
static void fmpz_rows(fmpz_mat_t B, const fmpz_mat_t A, const slong *rows,
                      slong nrows)
{
    slong a, b;
    for (a = 0; a < nrows; a++)
        for (b = 0; b < fmpz_mat_ncols(A); b++)
            fmpz_set(fmpz_mat_entry(B, a, b), fmpz_mat_entry(A, rows[a], b));
}

static void fmpz_cols(fmpz_mat_t B, const fmpz_mat_t A, const slong *cols,
                      slong ncols)
{
    slong a, b;
    for (a = 0; a < fmpz_mat_nrows(A); a++)
        for (b = 0; b < ncols; b++)
            fmpz_set(fmpz_mat_entry(B, a, b), fmpz_mat_entry(A, a, cols[b]));
}

/* Certified rank of the exact A (t x s) whose modular profile had rank
   rp < min(t, s), and rows/cols (into A) of a nonsingular r x r minor. */
static slong certify_exact(ctx_struct *c, const fmpz_mat_t A, slong rp,
                           slong *rows, slong *cols)
{
    slong r, rq;
    rs_rank_info_t info;
    ulong q = c->p;
    nmod_mat_t Aq;

    rs_rank_info_init(info);
    info->prime_start = c->prime_start;
    if (c->threads > 1 && c->L - c->gap >= 1)
        info->threads = 1; /* the cells of the diagonal share them */
    r = rs_zmat_rank_info(A, info);
    if (r < rp) {
        /* a nonzero rp x rp minor exists: impossible.  Reported by the
           caller (the rank list is then meaningless); the first r rows and
           columns of the profile keep the computation well defined. */
        c->failed = 1;
        return r;
    }
    if (r == rp)
        return r;
    /* p was unlucky for A: find a prime showing a nonzero r x r minor
       (all but finitely many do, since rank A = r is certified). */
    do {
        q = n_nextprime(q, 1);
        nmod_mat_init(Aq, fmpz_mat_nrows(A), fmpz_mat_ncols(A), q);
        fmpz_mat_get_nmod_mat(Aq, A);
        rq = profile_mod(rows, cols, Aq);
        nmod_mat_clear(Aq);
    } while (rq != r);
    return r;
}

/* Fills cell (i, j) from cells (i, j - 1) and (i + 1, j).  Touches no
   other cell than (i, l), l < j, so the cells of a diagonal are
   independent. */
static void step(ctx_struct *c, slong i, slong j)
{
    cell_struct *C = cell(c, i, j);
    const slong *S = NULL, *T = NULL;
    slong s = c->d[i], t = c->d[j], rp, r, a, bound;
    slong *rows, *cols;
    nmod_mat_t M, A;

    /* M = Z_{ji}[:, S_{j-1,i}] mod p */
    if (j == i + 1) {
        nmod_mat_init(M, t, s, c->p);
        nmod_mat_set(M, c->Zp + i);
    } else {
        const cell_struct *D = cell(c, i, j - 1);
        S = D->S;
        s = D->r;
        nmod_mat_init(M, t, s, c->p);
        _rs_blas_nmod_mat_mul(M, c->Zp + j - 1, D->Y);
    }
    if (j > i + 1) {
        const cell_struct *E = cell(c, i + 1, j);
        T = E->T;
        t = E->r;
    }
    nmod_mat_init(A, t, s, c->p);
    nmod_rows(A, M, T, t);
    bound = FLINT_MIN(t, s);
    rows = flint_malloc(FLINT_MAX(bound, 1) * sizeof(slong));
    cols = flint_malloc(FLINT_MAX(bound, 1) * sizeof(slong));
    rp = profile_mod(rows, cols, A);
    nmod_mat_clear(A);

    r = rp;
    C->exact = 0;
    C->X = NULL;
    if (rp < bound) {
        /* Mx = Z_{ji}[:, S_{j-1,i}] exactly, one product of the factor Z_j
           and the exact columns of (i, j - 1); its rows T form A_{ji}
           and its columns S_{ji} are the exact columns of (i, j).  In the
           last layer only the rows T are needed. */
        fmpz_mat_t Mx, Ax;
        const fmpz_mat_struct *Zj = c->Z + j - 1;
        fmpz_mat_init(Ax, t, s);
        if (j == i + 1) {
            fmpz_mat_init(Mx, 0, 0);
            fmpz_mat_set(Ax, Zj); /* T, S are everything */
        } else if (j == c->L) {
            fmpz_mat_init(Mx, 0, 0);
            fmpz_mat_t Zt;
            fmpz_mat_init(Zt, t, c->d[j - 1]);
            fmpz_rows(Zt, Zj, T, t);
            fmpz_mat_mul(Ax, Zt, exact_cols(c, i, j - 1));
            fmpz_mat_clear(Zt);
        } else {
            fmpz_mat_init(Mx, c->d[j], s);
            fmpz_mat_mul(Mx, Zj, exact_cols(c, i, j - 1));
            fmpz_rows(Ax, Mx, T, t);
        }
        r = certify_exact(c, Ax, rp, rows, cols);
        C->exact = 1;
        if (j < c->L) {
            C->X = flint_malloc(sizeof(fmpz_mat_struct));
            fmpz_mat_init(C->X, c->d[j], r);
            fmpz_cols(C->X, j == i + 1 ? Zj : Mx, cols, r);
            drop_older(c, i, j);
        }
        fmpz_mat_clear(Ax);
        fmpz_mat_clear(Mx);
    }

    C->r = r;
    C->S = flint_malloc(FLINT_MAX(r, 1) * sizeof(slong));
    C->T = flint_malloc(FLINT_MAX(r, 1) * sizeof(slong));
    for (a = 0; a < r; a++) {
        C->S[a] = S ? S[cols[a]] : cols[a];
        C->T[a] = T ? T[rows[a]] : rows[a];
    }
    nmod_mat_init(C->Y, c->d[j], r, c->p);
    nmod_cols(C->Y, M, cols, r);
    nmod_mat_clear(M);
    flint_free(rows);
    flint_free(cols);
}

static void step_worker(void *arg, slong i)
{
    ctx_struct *c = arg;
    step(c, i, i + c->gap);
}

/* Independent cells and big matrices: worth threads. */
static slong auto_threads(const slong *d, slong L)
{
    slong k, big = 0;
    for (k = 0; k <= L; k++)
        big = FLINT_MAX(big, d[k]);
    return (big >= 48 && L >= 2) ? FLINT_MIN(_rs_cpu_count(), 8) : 1;
}

slong rs_net_ranks_start(rs_ranks_t R, rs_net_t N, ulong prime_start)
{
    slong L = N->L, i, j, g, exact = 0;
    ctx_struct c;
    fmpz_t den;

    if (R->L != L) {
        rs_ranks_clear(R);
        rs_ranks_init(R, L);
    }
    for (i = 0; i <= L; i++)
        rs_ranks_set_entry(R, i, i, N->d[i]);
    if (L == 0)
        return 0;

    c.L = L;
    c.d = N->d;
    c.prime_start = prime_start;
    c.p = n_nextprime(prime_start ? prime_start : RS_RANKS_PRIME_START, 1);
    c.threads = auto_threads(N->d, L);
    c.failed = 0;
    c.Z = flint_malloc(L * sizeof(fmpz_mat_struct));
    c.Zp = flint_malloc(L * sizeof(nmod_mat_struct));
    c.cell = flint_malloc(rs_tri_size(L) * sizeof(cell_struct));
    fmpz_init(den);
    for (i = 0; i < L; i++) {
        fmpz_mat_init(c.Z + i, N->d[i + 1], N->d[i]);
        fmpq_mat_get_fmpz_mat_matwise(c.Z + i, den, N->W + i);
        nmod_mat_init(c.Zp + i, N->d[i + 1], N->d[i], c.p);
        fmpz_mat_get_nmod_mat(c.Zp + i, c.Z + i);
    }
    fmpz_clear(den);

    for (g = 1; g <= L; g++) {
        c.gap = g;
        /* BLAS runs one thread inside each of ours (qspace/blas.h). */
        _rs_blas_serial_begin();
        _rs_parallel_for(L - g + 1, c.threads, step_worker, &c);
        _rs_blas_serial_end();
    }

    for (j = 1; j <= L; j++)
        for (i = 0; i < j; i++) {
            cell_struct *C = cell(&c, i, j);
            rs_ranks_set_entry(R, i, j, C->r);
            exact += C->exact;
            flint_free(C->S);
            flint_free(C->T);
            nmod_mat_clear(C->Y);
            if (C->X != NULL) {
                fmpz_mat_clear(C->X);
                flint_free(C->X);
            }
        }
    for (i = 0; i < L; i++) {
        fmpz_mat_clear(c.Z + i);
        nmod_mat_clear(c.Zp + i);
    }
    flint_free(c.Z);
    flint_free(c.Zp);
    flint_free(c.cell);
    return c.failed ? -1 : exact;
}

int rs_net_ranks(rs_ranks_t R, rs_net_t N)
{
    return rs_net_ranks_start(R, N, 0) < 0 ? RS_EINTERNAL : RS_OK;
}
