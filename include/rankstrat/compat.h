/* FLINT version shims: the only place that knows which FLINT is in use.
   Everything else reaches matrix entries through the *_entry accessors and
   never touches fields of FLINT structs (their layout changed in 3.x). */
#ifndef RANKSTRAT_COMPAT_H
#define RANKSTRAT_COMPAT_H

#include <flint/flint.h>
#include <flint/fmpq.h>
#include <flint/fmpq_mat.h>
#include <flint/fmpz.h>
#include <flint/fmpz_mat.h>
/* FLINT_BIT_COUNT: in longlong.h, which newer flint.h no longer includes */
#include <flint/longlong.h>
#include <flint/nmod_mat.h>
#include <flint/ulong_extras.h>

/* What differs between FLINT releases is found out by configure's feature
   tests (configure.ac), which pass their answers as the RS_HAVE_* macros
   below (config.mk's FLINT_COMPAT_CFLAGS).  A program that includes the
   installed headers without them gets answers derived from FLINT's release
   number, the only place where the number stands in for a test. */
#if defined(__FLINT_RELEASE)
#define RS_FLINT_RELEASE __FLINT_RELEASE
#elif defined(__FLINT_VERSION)
#define RS_FLINT_RELEASE                                                       \
    (__FLINT_VERSION * 10000 + __FLINT_VERSION_MINOR * 100 +                   \
     __FLINT_VERSION_PATCHLEVEL)
#else
#define RS_FLINT_RELEASE 30000
#endif

#ifndef RS_FLINT_FEATURES_TESTED
#define RS_HAVE_FLINT_RAND_INIT (RS_FLINT_RELEASE >= 30100)
#endif

/* flint_randinit, flint_randclear and flint_randseed were renamed in FLINT
   3.1 (the old names are deprecated). */
#if RS_HAVE_FLINT_RAND_INIT
#define rs_rand_init(state) flint_rand_init(state)
#define rs_rand_clear(state) flint_rand_clear(state)
#define rs_rand_seed(state, s1, s2) flint_rand_set_seed(state, s1, s2)
#else
#define rs_rand_init(state) flint_randinit(state)
#define rs_rand_clear(state) flint_randclear(state)
#define rs_rand_seed(state, s1, s2) flint_randseed(state, s1, s2)
#endif

/* Read and write a word-size entry of an nmod_mat without relying on the
   entry macro being an lvalue. */
#define rs_nmod_mat_get(mat, i, j) nmod_mat_get_entry((mat), (i), (j))
#define rs_nmod_mat_set(mat, i, j, x) nmod_mat_set_entry((mat), (i), (j), (x))

#endif
