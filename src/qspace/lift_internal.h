/* Private pieces of the double-precision lifting (lift.c, lift_run.c,
   lift_guess.c); the mathematics is in the comment at the top of lift.c. */
#ifndef RS_LIFT_INTERNAL_H
#define RS_LIFT_INTERNAL_H

#include "qspace_internal.h"

#define LIFT_MIN_PRIME 4096.0     /* below this, modular methods are faster */
#define LIFT_MAX_PRIME 67108864.0 /* 2^26: two digits fit in a word */
#define TWO52 4503599627370496.0

/* The system being lifted: `rows` rows (the r pivot rows first), scaled
   right-hand side d AN. */
typedef struct {
    slong rows, r, ldn;
    double p, pinv;
    const double *Binv; /* r x r: balanced residues of B^{-1} mod p */
    const double *AC;   /* rows x r */
    const rs_dpack_struct *Binv_pack, *AC_pack; /* the same packed, or NULL */
    const double *AN;                           /* rows x ldn */
    const double *dd; /* nd balanced base-p digits of d, lowest first */
    slong nd;
    /* Limbs (see rs_lift_struct): b = 0 for none; AC's planes are acs
       apart, AN's ans apart; the residual has nlE limbs; entries of AC are
       below 2^bitsC. */
    slong b, nlC, nlN, nlE, acs, ans, bitsC;
} lift_sys;

/* Lifting state of the columns [c0, c0 + w) of AN. */
typedef struct {
    const lift_sys *S;
    slong c0, w, step;
    double *E, *T, *U, *x; /* E: nlE planes of rows x w; T: rows x w, NULL
                              with limbs (the step works in E) */
    double *rem;           /* with limbs: rows x w remainders */
    double *work;          /* for the packed products */
    slong kept;            /* columns whose digits are kept (the first ones) */
    slong ring;            /* steps whose digits are kept (the latest ones) */
    double *digits; /* digits[((i mod ring) r + a) kept + c] = y_i[a][c] */
    slong max_steps;
} lift_state;

enum { LIFT_DONE, LIFT_MORE, LIFT_HIGHER, LIFT_BROKEN };

/* S for the lifting of all rows of F, d = 1 (no digits yet). */
void _rs_lift_sys_init(lift_sys *S, const rs_lift_struct *F);

/* Lifting state of the columns [c0, c0 + w) of S->AN for at most max_steps
   steps; the digits of the first `kept` columns are stored for the last
   `ring` steps (ring = max_steps: all of them). */
void _rs_lift_state_init(lift_state *L, const lift_sys *S, slong c0, slong w,
                         slong max_steps, slong kept, slong ring);
void _rs_lift_state_clear(lift_state *L);
/* Runs steps until `until` (at most max_steps): LIFT_DONE (the residual is
   zero and d's digits are used up), LIFT_HIGHER (a row outside the pivots
   is not divisible by p: rank A > r), LIFT_BROKEN (a pivot row is not:
   never expected) or LIFT_MORE (no end yet). */
int _rs_lift_run(lift_state *L, slong until);
/* status[b] = _rs_lift_run(L + b, until) for the blocks b < blocks whose
   status is LIFT_MORE, on up to `threads` threads. */
void _rs_lift_run_blocks(lift_state *L, int *status, slong blocks, slong until,
                         slong threads);

/* z[j] = sum_i digits[i len + j] p^i over the first `steps` steps, for
   j < count. */
void _rs_lift_digits_to_fmpz(fmpz *z, const double *digits, slong len,
                             slong steps, ulong p, slong count);
/* A common denominator d of the p-adic numbers z (known mod M), by rational
   reconstruction with room to spare: d below 2^dlim and every
   |d z_j mod M| below 2^(bits(M) - 16 - dlim) (dlim = 0: half each).
   pred = bits of the largest |d z_j mod M|.  Returns 0 if the precision
   is not enough. */
int _rs_lift_common_denominator(fmpz_t d, slong *pred, const fmpz *z, slong len,
                                const fmpz_t M, slong dlim);

/* ---- limbs (lift.c) ---- */

/* Limbs of b bits with |AC_j|, |AN_j| < 2^b and residual limbs below
   (r + 2) 2^(b-1) + 1 (normalised ones: 2^(b-1)): a step's partial sums
   stay below 2^(b-1) (p (r + 2) + 1) <= 2^51, and the residual
   |E| <= (max|AN| + r max|AC|) / 2 fits nlE normalised limbs
   (_rs_lift_limbs_E; the comment on limbs in lift.c). */
#define LIMB_MIN_BITS 8

/* The residual's limbs for AN below 2^bitsN and AC below 2^bitsC: with
   them the top limb, too, stays below 2^(b-2) + 1 after normalisation. */
slong _rs_lift_limbs_E(slong b, slong bitsN, slong bitsC, slong r, slong nlC,
                       slong nlN);
/* dst[j * stride + i * ld + c] = the j-th base-2^b digit of |M[i][c]|,
   with the sign of M[i][c], for j < nl (|M| < 2^(b nl)). */
void _rs_lift_split(double *dst, slong stride, slong ld, const fmpz_mat_t M,
                    slong b, slong nl);
/* Whether column c of block L's residual is zero (all its limbs). */
int _rs_lift_column_zero(const lift_state *L, slong c);

/* The guess of _rs_lift_guess on the system S (pivot rows only). */
int _rs_lift_guess_scale(fmpz_t d, slong *pred, const rs_blocks_struct *K,
                         lift_sys S, double *ACr, slong coeff, slong threads,
                         slong max_steps);

#endif
