#include "qspace_internal.h"

/* Automatic streams start in [2^59 + 2^58, 2^60 - 2^40): every prime found
   stays below 2^60, where nmod_mat arithmetic is fastest per bit. */
#define RS_PRIME_LO ((UWORD(1) << 59) + (UWORD(1) << 58))
#define RS_PRIME_SPAN ((UWORD(1) << 58) - (UWORD(1) << 40))

void _rs_primes_init(rs_primes_struct *P, slong m, slong n, ulong start)
{
    if (start == 0) {
        /* Seeded from the shape only: reproducible, and no state survives
           the call. */
        flint_rand_t state;
        rs_rand_init(state);
        flint_randseed(state, UWORD(0x9e3779b97f4a7c15) ^ (ulong)m,
                       UWORD(0xc2b2ae3d27d4eb4f) + (ulong)n * 7919);
        start = RS_PRIME_LO + n_randint(state, RS_PRIME_SPAN);
        rs_rand_clear(state);
    }
    P->last = start;
}

mp_limb_t _rs_primes_next(rs_primes_struct *P)
{
    P->last = n_nextprime(P->last, 1);
    return P->last;
}
