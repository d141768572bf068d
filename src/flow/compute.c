/* Construction of a flow basis at an arbitrary point (docs/math.md section 5).

   Why it works.  Call a set of vectors at layer m, one per strand s alive
   there with bar [a_s, b_s], "adapted" if it is a basis and each v_s lies in
   null W_{b_s+1,m} (all of Q^{d_m} when b_s = L).  For every j >= m - 1 the
   vectors with b_s <= j are then independent vectors of null W_{j+1,m},
   and there are sum_{a <= m <= b <= j} w_{ba} = d_m - r_{j+1,m} =
   dim null W_{j+1,m} of them, so they are a basis of it.  In particular
   the strands dying at m span null W_{m+1,m}, so W_{m+1} kills exactly
   them and maps the rest injectively; the images lie in null W_{b_s+1,m+1}
   again.  So pushing an adapted set forward gives independent vectors
   spanning col W_{m+1,m}, and the only task at layer m+1 is to add the
   newborn strands: for j = m+1..L, with S the vectors already chosen whose
   strands die by j (a basis of null W_{j,m+1} + (col W_{m+1,m} ∩
   null W_{j+1,m+1}), of dimension d - r_{j+1,m+1} - w_{j,m+1}), add
   w_{j,m+1} vectors of null W_{j+1,m+1} completing S to a basis of it.
   The new set is adapted, and by induction W_{k+1} v_s^(k) = v_s^(k+1) or
   0 as required.  The duals need no choice: for t alive at k,
   (W_{k+1}^T phi_s^(k+1)) . v_t^(k) = phi_s^(k+1) . W_{k+1} v_t^(k) is
   delta_st if t continues and 0 if t dies at k; as a functional on layer k
   that is phi_s^(k) if s lives at k (s != t for every dying t) and 0 if s
   is born at k + 1.  rs_flow_verify re-checks all of it exactly. */
#include "flow/flow_internal.h"
#include "rankstrat/qspace.h"

/* Scales column j of V to a primitive integer vector (same direction). */
static void make_primitive(fmpq_mat_t V, slong j)
{
    slong n = fmpq_mat_nrows(V), i;
    fmpz_t l, g;
    fmpz_init_set_ui(l, 1);
    fmpz_init(g);
    for (i = 0; i < n; i++)
        fmpz_lcm(l, l, fmpq_mat_entry_den(V, i, j));
    for (i = 0; i < n; i++) {
        fmpq_mul_fmpz(fmpq_mat_entry(V, i, j), fmpq_mat_entry(V, i, j), l);
        fmpz_gcd(g, g, fmpq_mat_entry_num(V, i, j));
    }
    if (!fmpz_is_zero(g) && !fmpz_is_one(g))
        for (i = 0; i < n; i++)
            fmpq_div_fmpz(fmpq_mat_entry(V, i, j), fmpq_mat_entry(V, i, j), g);
    fmpz_clear(l);
    fmpz_clear(g);
}

/* v_s^(m) = W_m v_s^(m-1) for the strands living at m - 1 and m. */
static void push_forward(rs_flow_t F, rs_net_t N, slong m)
{
    slong p, i;
    fmpq_mat_t P;
    fmpq_mat_init(P, F->d[m], F->d[m - 1]);
    fmpq_mat_mul(P, rs_net_weight(N, m), F->V + m - 1);
    for (p = 0; p < F->d[m - 1]; p++) {
        slong s = rs_flow_strand_at(F, m - 1, p), q;
        if (F->death[s] < m)
            continue;
        q = rs_flow_pos(F, s, m);
        for (i = 0; i < F->d[m]; i++)
            fmpq_set(fmpq_mat_entry(F->V + m, i, q), fmpq_mat_entry(P, i, p));
    }
    fmpq_mat_clear(P);
}

/* The strands born at m and dying at j get vectors of null W_{j+1,m}. */
static int add_births(rs_flow_t F, rs_net_t N, slong m, slong j, slong c,
                      rs_error_t err)
{
    slong dm = F->d[m], p, i, ns = 0, dimK, t;
    slong *cols = flint_malloc(dm * sizeof(slong)), *chosen;
    fmpq_mat_t S, K;
    int status = RS_OK;

    /* vectors chosen so far whose strands die by j */
    for (p = 0; p < dm; p++) {
        slong s = rs_flow_strand_at(F, m, p);
        if (F->death[s] <= j && (F->birth[s] < m || F->death[s] < j))
            cols[ns++] = p;
    }
    fmpq_mat_init(S, dm, ns);
    for (t = 0; t < ns; t++)
        for (i = 0; i < dm; i++)
            fmpq_set(fmpq_mat_entry(S, i, t),
                     fmpq_mat_entry(F->V + m, i, cols[t]));
    fmpq_mat_init(K, dm, dm);
    if (j < F->L)
        dimK = rs_qmat_nullspace(K, rs_net_product(N, j + 1, m));
    else {
        fmpq_mat_one(K);
        dimK = dm;
    }
    chosen = flint_malloc(FLINT_MAX(c, 1) * sizeof(slong));
    if (ns + c != dimK)
        status = rs_error_set(
            err, RS_EINTERNAL,
            "internal error: flow basis: null W_{%ld,%ld} has dimension "
            "%ld, but the barcode asks for %ld",
            (long)(j + 1), (long)m, (long)dimK, (long)(ns + c));
    else if (!_rs_flow_extend_columns(chosen, S, K, c))
        status = rs_error_set(
            err, RS_EINTERNAL,
            "internal error: flow basis: the vectors at layer %ld dying by "
            "layer %ld do not extend to a basis of null W_{%ld,%ld}",
            (long)m, (long)j, (long)(j + 1), (long)m);
    else {
        /* the newborn strands of bar [m, j] are consecutive */
        for (p = 0, t = 0; p < dm && t < c; p++) {
            slong s = rs_flow_strand_at(F, m, p);
            if (F->birth[s] != m || F->death[s] != j)
                continue;
            for (i = 0; i < dm; i++)
                fmpq_set(fmpq_mat_entry(F->V + m, i, p),
                         fmpq_mat_entry(K, i, chosen[t]));
            make_primitive(F->V + m, p);
            t++;
        }
    }
    flint_free(chosen);
    flint_free(cols);
    fmpq_mat_clear(S);
    fmpq_mat_clear(K);
    return status;
}

int rs_flow_compute(rs_flow_t F, rs_net_t N, const rs_barcode_t B,
                    rs_error_t err)
{
    slong L = B->L, m, j;
    int status = RS_OK;

    _rs_flow_set_strands(F, B);
    if (!_rs_flow_same_shape(F, N))
        return rs_error_set(err, RS_EINTERNAL,
                            "internal error: flow basis: the barcode does "
                            "not have the widths of the network");
    for (m = 0; m <= L && status == RS_OK; m++) {
        if (m > 0)
            push_forward(F, N, m);
        for (j = m; j <= L && status == RS_OK; j++) {
            slong c = rs_barcode_get(B, m, j);
            if (c > 0)
                status = add_births(F, N, m, j, c, err);
        }
    }
    for (m = 0; m <= L && status == RS_OK; m++)
        if (F->d[m] > 0 && !fmpq_mat_inv(F->Phi + m, F->V + m))
            status = rs_error_set(err, RS_EINTERNAL,
                                  "internal error: flow basis: the vectors "
                                  "at layer %ld are not a basis",
                                  (long)m);
    if (status == RS_OK)
        status = rs_flow_verify(F, N, err);
    return status;
}
