#include "qspace_internal.h"

/* Automatic streams start in [2^59 + 2^58, 2^60 - 2^40): every prime found
   stays below 2^60, where nmod_mat arithmetic is fastest per bit. */
#define RS_PRIME_LO ((UWORD(1) << 59) + (UWORD(1) << 58))
#define RS_PRIME_SPAN ((UWORD(1) << 58) - (UWORD(1) << 40))

ulong _rs_mix64(ulong x)
{
    /* splitmix64: a fixed bijective mixing of the bits */
    x += UWORD(0x9e3779b97f4a7c15);
    x = (x ^ (x >> 30)) * UWORD(0xbf58476d1ce4e5b9);
    x = (x ^ (x >> 27)) * UWORD(0x94d049bb133111eb);
    return x ^ (x >> 31);
}

void _rs_primes_init(rs_primes_struct *P, slong m, slong n, ulong start)
{
    /* The start depends on the shape only: reproducible, and no state
       survives the call. */
    if (start == 0)
        start = RS_PRIME_LO +
                _rs_mix64(_rs_mix64((ulong)m) ^ (ulong)n) % RS_PRIME_SPAN;
    P->last = start;
}

ulong _rs_primes_next(rs_primes_struct *P)
{
    P->last = n_nextprime(P->last, 1);
    return P->last;
}
