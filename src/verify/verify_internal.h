/* Internal interface of the verify module: the state shared by the check
   families while one fiber is verified. */
#ifndef RS_VERIFY_INTERNAL_H
#define RS_VERIFY_INTERNAL_H

#include <stddef.h>

#include "rankstrat/flow.h"
#include "rankstrat/moves.h"
#include "rankstrat/net.h"
#include "rankstrat/tangent.h"
#include "rankstrat/verify.h"

typedef struct {
    rs_verify_report_struct *R;
    const rs_verify_opts_t *o;
    const rs_strata_struct *S;
    const rs_covers_struct *C;
    const fmpq_mat_struct *W; /* the product every point must compute */
    slong *first_cover;       /* covers with lower id: first_cover[id] ..
                                 first_cover[id + 1] - 1 (C sorted) */
    rs_strata_t Sred;         /* the reduced fiber (d - r, 0) */
    rs_covers_t Cred;
    slong *first_cover_red;
    slong shift; /* dimension shift of the reduction */
} rs_verify_ctx;

/* The point of one stratum and what is known about it. */
typedef struct {
    slong id;
    rs_ranks_t R;
    rs_barcode_t B;
    rs_net_t N;
    int have_point; /* N is a point of the stratum (family POINTS passed) */
    rs_flow_t F;
    int have_flow; /* F is a verified flow basis of N */
} rs_verify_point;

/* Counts one check of `family` and, on the first failure of the family,
   keeps the printf-style message. */
void _rs_verify_record(rs_verify_ctx *ctx, int family, int ok, const char *fmt,
                       ...) __attribute__((format(printf, 4, 5)));

/* B in the command-line syntax "0-0,1-2x2" ("-" if empty). */
void _rs_verify_barcode_str(char *buf, size_t n, const rs_barcode_t B);

/* Families RS_VERIFY_POINTS, TANGENT_RANK, TANGENT_CHECK at stratum P->id
   (builds P->N and P->F). */
void _rs_verify_point(rs_verify_ctx *ctx, rs_verify_point *P,
                      flint_rand_t state);
void _rs_verify_tangent(rs_verify_ctx *ctx, rs_verify_point *P);
/* Family RS_VERIFY_COVERS for the covers whose lower stratum is P->id. */
void _rs_verify_covers_from(rs_verify_ctx *ctx, rs_verify_point *P);
/* Family RS_VERIFY_HASSE, once per fiber. */
void _rs_verify_hasse(rs_verify_ctx *ctx);
/* Families RS_VERIFY_TRANSPOSE and RS_VERIFY_REDUCTION at stratum P->id. */
void _rs_verify_transpose(rs_verify_ctx *ctx, rs_verify_point *P);
void _rs_verify_reduction(rs_verify_ctx *ctx, rs_verify_point *P,
                          flint_rand_t state);

/* Families RS_VERIFY_LAMBDA, TOP, F_Q and PERMUTE, once per fiber
   (invariants.c). */
void _rs_verify_invariants(rs_verify_ctx *ctx);
/* Family RS_VERIFY_COMPONENTS at stratum P->id. */
void _rs_verify_components(rs_verify_ctx *ctx, rs_verify_point *P,
                           flint_rand_t state);

/* Exact rank of T_theta S at N from its definition. */
slong _rs_verify_tangent_rank(rs_net_t N);

#endif
