/* Exact verification of the identities of a flow basis. */
#include "flow/flow_internal.h"

int _rs_flow_same_shape(const rs_flow_t F, const rs_net_t N)
{
    slong k;
    if (F->L != N->L)
        return 0;
    for (k = 0; k <= F->L; k++)
        if (F->d[k] != N->d[k])
            return 0;
    return 1;
}

/* Phi_k V_k = I: the v's are a basis and the phi's their dual basis. */
static int check_dual(const rs_flow_t F, slong k, rs_error_t err)
{
    fmpq_mat_t P;
    int ok;
    fmpq_mat_init(P, F->d[k], F->d[k]);
    fmpq_mat_mul(P, F->Phi + k, F->V + k);
    ok = fmpq_mat_is_one(P);
    fmpq_mat_clear(P);
    if (ok)
        return RS_OK;
    return rs_error_set(err, RS_EINTERNAL,
                        "internal error: flow basis: Phi_%ld V_%ld is not "
                        "the identity",
                        (long)k, (long)k);
}

/* W_{k+1} V_k = V_{k+1} E_{k+1} and Phi_{k+1} W_{k+1} = E_{k+1} Phi_k. */
static int check_step(const rs_flow_t F, rs_net_t N, slong k, rs_error_t err)
{
    slong a = F->d[k], b = F->d[k + 1];
    int status = RS_OK;
    fmpq_mat_t E, X, Y;
    fmpq_mat_init(E, b, a);
    fmpq_mat_init(X, b, a);
    fmpq_mat_init(Y, b, a);
    _rs_flow_canonical_weight(E, F, k + 1);
    fmpq_mat_mul(X, rs_net_weight(N, k + 1), F->V + k);
    fmpq_mat_mul(Y, F->V + k + 1, E);
    if (!fmpq_mat_equal(X, Y))
        status = rs_error_set(err, RS_EINTERNAL,
                              "internal error: flow basis: some W_%ld "
                              "v_s^(%ld) is neither v_s^(%ld) nor 0 as "
                              "the barcode requires",
                              (long)(k + 1), (long)k, (long)(k + 1));
    if (status == RS_OK) {
        fmpq_mat_mul(X, F->Phi + k + 1, rs_net_weight(N, k + 1));
        fmpq_mat_mul(Y, E, F->Phi + k);
        if (!fmpq_mat_equal(X, Y))
            status = rs_error_set(err, RS_EINTERNAL,
                                  "internal error: flow basis: some W_%ld^T "
                                  "phi_s^(%ld) is neither phi_s^(%ld) nor 0 "
                                  "as the barcode requires",
                                  (long)(k + 1), (long)(k + 1), (long)k);
    }
    fmpq_mat_clear(E);
    fmpq_mat_clear(X);
    fmpq_mat_clear(Y);
    return status;
}

int rs_flow_verify(const rs_flow_t F, rs_net_t N, rs_error_t err)
{
    slong k;
    int status = RS_OK;
    if (!_rs_flow_same_shape(F, N))
        return rs_error_set(err, RS_EINTERNAL,
                            "internal error: flow basis: its widths are not "
                            "those of the network");
    for (k = 0; k <= F->L && status == RS_OK; k++)
        status = check_dual(F, k, err);
    for (k = 0; k < F->L && status == RS_OK; k++)
        status = check_step(F, N, k, err);
    return status;
}
