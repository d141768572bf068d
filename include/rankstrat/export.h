/* Which symbols the shared library exports.  The library is compiled with
   -fvisibility=hidden, so that only what the public headers declare is
   part of its ABI: every public header wraps its declarations in
   RS_BEGIN_DECLS ... RS_END_DECLS, which gives them default visibility
   (and C linkage for C++).  RS_API marks a single declaration instead. */
#ifndef RANKSTRAT_EXPORT_H
#define RANKSTRAT_EXPORT_H

#if defined(__GNUC__) || defined(__clang__)
#define RS_API __attribute__((visibility("default")))
#define RS_VISIBILITY_PUSH _Pragma("GCC visibility push(default)")
#define RS_VISIBILITY_POP _Pragma("GCC visibility pop")
#else
#define RS_API
#define RS_VISIBILITY_PUSH
#define RS_VISIBILITY_POP
#endif

#ifdef __cplusplus
#define RS_BEGIN_DECLS                                                         \
    extern "C" {                                                               \
    RS_VISIBILITY_PUSH
#define RS_END_DECLS                                                           \
    RS_VISIBILITY_POP                                                          \
    }
#else
#define RS_BEGIN_DECLS RS_VISIBILITY_PUSH
#define RS_END_DECLS RS_VISIBILITY_POP
#endif

#endif
