/* The document functions (rankstrat/doc.h) on good input (equal to what
   the other library functions give) and on bad input of every kind:
   always a status and a message, never an abort, nothing leaked (the ASan
   build checks that). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static const char demo[] = "dims 2 3 2\nW1\n1 0\n0 0\n0 0\nW2\n1 0 0\n"
                           "0 0 0\n";

START_TEST(test_good)
{
    char *doc = NULL;
    rs_error_t err;
    slong bars[4] = {0, 0, 1, 1};
    rs_error_init(err);
    ck_assert_int_eq(rs_doc_analyze(&doc, demo, strlen(demo), "demo",
                                    RS_DOC_TANGENT | RS_DOC_CHECK, 0, NULL,
                                    NULL, err),
                     RS_OK);
    ck_assert(strstr(doc, "\"barcode\": [[0,0,1],[0,2,1],[1,1,2],[2,2,1]]"));
    ck_assert(strstr(doc, "\"tangent\": {\"dim\": 5"));
    ck_assert(strstr(doc, "\"check\": {\"passed\": true"));
    rs_doc_free(doc);
    ck_assert_int_eq(
        rs_doc_strata(&doc, "2,3,2", 1, NULL, 0, 1, 0, NULL, NULL, err), RS_OK);
    ck_assert(strstr(doc, "\"count\": 4"));
    ck_assert(strstr(doc, "\"covers\": [[1,0],[2,0],[3,1],[3,2]]"));
    rs_doc_free(doc);
    ck_assert_int_eq(rs_doc_count(&doc, "2,3,2", -1, "matrix 2 2\n1 2\n2 4\n",
                                  19, NULL, NULL, err),
                     RS_OK);
    ck_assert_str_eq(doc, "4");
    rs_doc_free(doc);
    ck_assert_int_eq(rs_doc_canonical(&doc, "2,3,2", "0-2,0-0,1-1x2,2-2", NULL,
                                      0, NULL, err),
                     RS_OK);
    ck_assert_str_eq(doc, demo);
    rs_doc_free(doc);
    ck_assert_int_eq(rs_doc_move(&doc, demo, strlen(demo), "demo",
                                 RS_DOC_MOVE_MERGE, 0, NULL, 0, bars, "1/2",
                                 NULL, err),
                     RS_OK);
    rs_doc_free(doc);
    ck_assert_int_eq(rs_doc_move(&doc, demo, strlen(demo), "demo",
                                 RS_DOC_MOVE_RANDOM, 7, NULL, 0, NULL, NULL,
                                 NULL, err),
                     RS_OK);
    rs_doc_free(doc);
    ck_assert_int_eq(
        rs_doc_verify(&doc, "2,3,2", 1, NULL, 0, 1, 0, NULL, NULL, err), RS_OK);
    ck_assert(strstr(doc, "\"passed\": true}"));
    rs_doc_free(doc);
    ck_assert_int_eq(rs_doc_flow_dot(&doc, demo, strlen(demo), "demo", err),
                     RS_OK);
    ck_assert(strncmp(doc, "digraph", 7) == 0);
    rs_doc_free(doc);
    rs_doc_free(NULL);
}
END_TEST

static void bad(int got, int want, char *doc, const rs_error_t err)
{
    ck_assert_msg(got == want, "status %d, expected %d: %s", got, want,
                  err->msg);
    ck_assert_msg(doc == NULL, "a document with status %d: %s", got, err->msg);
    ck_assert(err->msg[0] != '\0');
}

START_TEST(test_bad)
{
    char *doc = (char *)1;
    rs_error_t err;
    rs_progress_t tok;
    rs_cost_limits_t few = {0, 10}; /* the default memory, 10 work units */
    int st;
    rs_error_init(err);
    st = rs_doc_analyze(&doc, NULL, 0, NULL, 0, 0, NULL, NULL, err);
    bad(st, RS_EINPUT, doc, err);
    st = rs_doc_analyze(&doc, "dims 2 2\nW1\n1\n", 13, "n", 0, 0, NULL, NULL,
                        err);
    bad(st, RS_EINPUT, doc, err);
    ck_assert(strncmp(err->msg, "n:3:", 4) == 0);
    st = rs_doc_analyze(&doc, demo, strlen(demo), "n", RS_DOC_TANGENT, 5, NULL,
                        NULL, err);
    bad(st, RS_ELIMIT, doc, err);
    doc = NULL;
    st = rs_doc_analyze(NULL, demo, strlen(demo), "n", 0, 0, NULL, NULL, err);
    bad(st, RS_EINPUT, NULL, err);
    st = rs_doc_strata(&doc, NULL, 1, NULL, 0, 1, 0, NULL, NULL, err);
    bad(st, RS_EINPUT, doc, err);
    st = rs_doc_strata(&doc, "2,x", 1, NULL, 0, 1, 0, NULL, NULL, err);
    bad(st, RS_EINPUT, doc, err);
    st = rs_doc_strata(&doc, "2,3,2", 5, NULL, 0, 1, 0, NULL, NULL, err);
    bad(st, RS_EINPUT, doc, err);
    st = rs_doc_strata(&doc, "2,3,2", -1, NULL, 0, 1, 0, NULL, NULL, err);
    bad(st, RS_EINPUT, doc, err);
    st = rs_doc_strata(&doc, "2,3,2", 1, "matrix 2 2\n1 0\n0 1\n", 20, 1, 0,
                       NULL, NULL, err);
    bad(st, RS_EINPUT, doc, err);
    st = rs_doc_strata(&doc, "2,3,2", -1, "matrix 1 1\n1\n", 13, 1, 0, NULL,
                       NULL, err);
    bad(st, RS_EINPUT, doc, err);
    st = rs_doc_strata(&doc, "2,3,2", 0, NULL, 0, 1, 3, NULL, NULL, err);
    bad(st, RS_ELIMIT, doc, err);
    rs_progress_init(tok);
    tok->cancel = 1;
    st = rs_doc_strata(&doc, "2,3,2", 0, NULL, 0, 1, 0, NULL, tok, err);
    bad(st, RS_ECANCEL, doc, err);
    st = rs_doc_analyze(&doc, demo, strlen(demo), "n", RS_DOC_CHECK, 0, NULL,
                        tok, err);
    bad(st, RS_ECANCEL, doc, err);
    st = rs_doc_count(&doc, "2,3,2", 1, NULL, 0, NULL, tok, err);
    bad(st, RS_ECANCEL, doc, err);
    st = rs_doc_verify(&doc, "2,3,2", 1, NULL, 0, 1, 0, NULL, tok, err);
    bad(st, RS_ECANCEL, doc, err);
    st = rs_doc_count(&doc, "9,9,9,9,9,9,9,9,9,9", 0, NULL, 0, &few, NULL, err);
    bad(st, RS_ELIMIT, doc, err);
    st = rs_doc_canonical(&doc, "2,3,2", "0-2x3", NULL, 0, NULL, err);
    bad(st, RS_EINPUT, doc, err);
    st = rs_doc_canonical(&doc, "2,3,2", NULL, NULL, 0, NULL, err);
    bad(st, RS_EINPUT, doc, err);
    st = rs_doc_canonical(&doc, "2,3,2", "0-2,0-0,1-1x2,2-2",
                          "matrix 2 2\n1 0\n0 1\n", 20, NULL, err);
    bad(st, RS_EINPUT, doc, err);
    st = rs_doc_canonical(&doc, "100000,100000", "0-1x100000", NULL, 0, NULL,
                          err);
    bad(st, RS_ELIMIT, doc, err);
    st = rs_doc_move(&doc, demo, strlen(demo), "n", RS_DOC_MOVE_HIDDEN, 1,
                     "matrix 3 3\n1 0 0\n0 1 0\n0 0 0\n", 30, NULL, NULL, NULL,
                     err);
    bad(st, RS_EINPUT, doc, err);
    st = rs_doc_move(&doc, demo, strlen(demo), "n", RS_DOC_MOVE_END, 2, NULL, 0,
                     NULL, NULL, NULL, err);
    bad(st, RS_EINPUT, doc, err);
    st = rs_doc_move(&doc, demo, strlen(demo), "n", RS_DOC_MOVE_MERGE, 0, NULL,
                     0, NULL, NULL, NULL, err);
    bad(st, RS_EINPUT, doc, err);
    st = rs_doc_move(&doc, demo, strlen(demo), "n", 99, 0, NULL, 0, NULL, NULL,
                     NULL, err);
    bad(st, RS_EINPUT, doc, err);
    st = rs_doc_verify(&doc, "9,9,9,9,9", 0, NULL, 0, 1, 10, NULL, NULL, err);
    bad(st, RS_ELIMIT, doc, err);
    st = rs_doc_verify(&doc, "2,3,2", 9, NULL, 0, 1, 0, NULL, NULL, err);
    bad(st, RS_EINPUT, doc, err);
    st = rs_doc_flow_dot(&doc, "{", 1, "n", err);
    bad(st, RS_EINPUT, doc, err);
}
END_TEST

/* A callback that cancels the job once `after` items are done. */
static int stop_after(void *data, slong done)
{
    return done >= *(slong *)data;
}

/* Cancellation in the middle of a job: the covers stop at the stratum
   where the callback refuses, and leave no partial covers; verify stops
   at the stratum after the flag is set; each returns RS_ECANCEL and the
   same call without a token still succeeds. */
/* A network of L layers of width 0: tiny text, L^2/2 partial products. */
static char *zero_layers(slong L)
{
    size_t cap = 32 + 16 * (size_t)L, n = 0;
    char *t = flint_malloc(cap);
    slong k;
    n += (size_t)sprintf(t + n, "dims");
    for (k = 0; k <= L; k++)
        n += (size_t)sprintf(t + n, " 0");
    n += (size_t)sprintf(t + n, "\n");
    for (k = 1; k <= L; k++)
        n += (size_t)sprintf(t + n, "W%ld\n", (long)k);
    return t;
}

static void refused(int got, char *doc, const rs_error_t err, const char *what)
{
    bad(got, RS_ELIMIT, doc, err);
    ck_assert_msg(strstr(err->msg, what) != NULL, "expected '%s' in: %s", what,
                  err->msg);
}

/* The cost model is the library's: every document function refuses a job
   estimated beyond its limits before starting it (issue 17's reproducers
   through the library), and the bound is exactly the estimate. */
START_TEST(test_limits)
{
    char *doc = NULL, *zero = zero_layers(4096), *ones;
    rs_error_t err;
    rs_cost_limits_t mem1 = {1, 0}, work1 = {0, 1}, lim;
    rs_cost_t cost;
    rs_net_t N;
    rs_point_t P;
    rs_point_opts o;
    slong k;
    int st;
    rs_error_init(err);

    st = rs_doc_analyze(&doc, zero, strlen(zero), "z", 0, 0, NULL, NULL, err);
    refused(st, doc, err,
            "work units for the rank list, more than the limit "
            "2e+08 (raise it with --max-work)");
    st = rs_doc_move(&doc, zero, strlen(zero), "z", RS_DOC_MOVE_RANDOM, 1, NULL,
                     0, NULL, NULL, NULL, err);
    refused(st, doc, err, "for the rank lists");

    /* 2002 widths of 1, rank 1: one stratum, but L = 2001 */
    ones = flint_malloc(2 * 2002 + 1);
    for (k = 0; k < 2002; k++) {
        ones[2 * k] = '1';
        ones[2 * k + 1] = ',';
    }
    ones[2 * 2002 - 1] = '\0';
    st = rs_doc_verify(&doc, ones, 1, NULL, 0, 1, 0, NULL, NULL, err);
    refused(st, doc, err, "for the checks of every stratum");

    st = rs_doc_analyze(&doc, demo, strlen(demo), "n", 0, 0, &mem1, NULL, err);
    refused(st, doc, err,
            "of memory for the rank list, more than the limit 1 B "
            "(raise it with --max-memory)");
    st = rs_doc_strata(&doc, "2,3,2", 1, NULL, 0, 1, 0, &mem1, NULL, err);
    refused(st, doc, err, "memory for the strata and their covers");
    st = rs_doc_strata(&doc, "2,3,2", 1, NULL, 0, 0, 0, &mem1, NULL, err);
    refused(st, doc, err, "memory for the strata,");
    st = rs_doc_verify(&doc, "2,3,2", 1, NULL, 0, 1, 0, &work1, NULL, err);
    refused(st, doc, err, "for the checks of every stratum");
    st = rs_doc_canonical(&doc, "2,3,2", "0-2,0-0,1-1x2,2-2", NULL, 0, &work1,
                          err);
    refused(st, doc, err, "for the barcode and the network");
    st = rs_doc_count(&doc, "9,9,9,9,9", 0, NULL, 0, &work1, NULL, err);
    bad(st, RS_ELIMIT, doc, err);

    /* rs_point_analyze itself: a work bound of exactly the rank list's
       estimate is enough, one unit less is refused */
    rs_net_init_empty(N);
    ck_assert_int_eq(rs_net_read_buffer(N, demo, strlen(demo), "n", NULL, err),
                     RS_OK);
    rs_cost_zero(&cost);
    rs_cost_ranks(&cost, N->d, N->L, (double)rs_cost_net_bits(N));
    rs_point_init(P);
    rs_point_opts_init(&o);
    o.max_work = (slong)ceil(cost.work);
    ck_assert_int_eq(rs_point_analyze(P, N, &o, err), RS_OK);
    o.max_work = (slong)ceil(cost.work) - 1;
    refused(rs_point_analyze(P, N, &o, err), NULL, err, "the rank list");
    rs_point_opts_init(&o);
    o.max_memory = cost.bytes;
    ck_assert_int_eq(rs_point_analyze(P, N, &o, err), RS_OK);
    o.max_memory = cost.bytes - 1;
    refused(rs_point_analyze(P, N, &o, err), NULL, err, "--max-memory");
    rs_point_clear(P);
    rs_net_clear(N);

    /* rs_cost_limits_set: fields <= 0 take the defaults */
    rs_cost_limits_set(&lim, &mem1);
    ck_assert(lim.max_memory == 1 && lim.max_work == RS_COST_DEFAULT_WORK);
    rs_cost_limits_set(&lim, NULL);
    ck_assert(lim.max_memory > 1 && lim.max_work == RS_COST_DEFAULT_WORK);
    flint_free(ones);
    flint_free(zero);
}
END_TEST

START_TEST(test_cancel_midway)
{
    slong d[4] = {2, 3, 3, 2}, after = 3;
    rs_strata_t S;
    rs_covers_t C;
    rs_progress_t tok;
    rs_error_t err;
    rs_error_init(err);
    rs_strata_init(S, d, 3, 1);
    rs_covers_init(C);
    ck_assert_int_eq(rs_strata_fill(S, 0, err), RS_OK);
    ck_assert(S->n > after + 1);
    rs_strata_sort(S);
    rs_progress_init(tok);
    tok->fn = stop_after;
    tok->data = &after;
    tok->every = 1;
    ck_assert_int_eq(rs_strata_covers_progress(C, S, tok, err), RS_ECANCEL);
    ck_assert_int_eq(C->n, 0);
    ck_assert_int_eq(rs_strata_covers_progress(C, S, NULL, err), RS_OK);
    ck_assert(C->n > 0);
    ck_assert_int_eq(rs_strata_covers_progress(NULL, S, tok, err), RS_EINPUT);
    ck_assert_int_eq(rs_strata_covers(C, NULL, err), RS_EINPUT);
    {
        fmpz_t c;
        fmpz_init(c);
        ck_assert_int_eq(
            rs_strata_count_progress(c, NULL, 2, 0, 0, NULL, NULL, err),
            RS_EINPUT);
        ck_assert_int_eq(
            rs_strata_count_progress(NULL, d, 3, 1, 0, NULL, NULL, err),
            RS_EINPUT);
        ck_assert_int_eq(
            rs_strata_count_progress(c, d, 3, 1, 0, NULL, NULL, err), RS_OK);
        ck_assert_int_eq(fmpz_get_si(c), S->n);
        fmpz_clear(c);
    }
    rs_covers_clear(C);
    rs_strata_clear(S);
}
END_TEST

typedef struct {
    rs_progress_struct *tok;
    slong calls;
} verify_stopper;

static void verify_stop(void *data, slong done, slong total)
{
    verify_stopper *v = data;
    (void)total;
    v->calls++;
    if (done == 2)
        v->tok->cancel = 1;
}

START_TEST(test_cancel_verify)
{
    slong d[3] = {2, 3, 2};
    rs_verify_report_t R;
    rs_verify_opts_t o;
    rs_progress_t tok;
    verify_stopper v;
    rs_error_t err;
    rs_error_init(err);
    rs_verify_report_init(R);
    rs_progress_init(tok);
    rs_verify_opts_init(&o);
    v.tok = tok;
    v.calls = 0;
    o.progress = verify_stop;
    o.progress_data = &v;
    o.cancel = tok;
    ck_assert_int_eq(rs_verify_shape(R, d, 2, 1, NULL, &o, err), RS_ECANCEL);
    ck_assert_int_eq(v.calls, 2); /* 4 strata; stopped after the second */
    tok->cancel = 0;
    v.calls = 0;
    ck_assert_int_eq(rs_verify_shape(R, d, 2, 1, NULL, &o, err), RS_ECANCEL);
    o.cancel = NULL;
    v.calls = 0;
    ck_assert_int_eq(rs_verify_shape(R, d, 2, 1, NULL, &o, err), RS_OK);
    ck_assert_int_eq(v.calls, 4);
    rs_verify_report_clear(R);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("doc");
    TCase *tc = tcase_create("doc");
    tcase_set_timeout(tc, 0);
    tcase_add_test(tc, test_good);
    tcase_add_test(tc, test_bad);
    tcase_add_test(tc, test_limits);
    tcase_add_test(tc, test_cancel_midway);
    tcase_add_test(tc, test_cancel_verify);
    suite_add_tcase(s, tc);
    return rs_test_run(s) ? 1 : 0;
}
