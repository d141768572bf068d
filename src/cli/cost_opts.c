#include <string.h>

#include "cli/cli.h"
#include "cli/cost_opts.h"

int rs_cli_cost_limits(rs_cost_limits_t *lim, const char *max_memory,
                       const char *max_work, rs_error_t err)
{
    rs_cost_limits_default(lim);
    if (max_memory != NULL) {
        size_t n = strlen(max_memory);
        char buf[64];
        double scale = 1;
        slong v;
        const char *suffixes = "kMGT";
        const char *s = n > 0 ? strchr(suffixes, max_memory[n - 1]) : NULL;
        if (s != NULL && max_memory[n - 1] != '\0' && n < sizeof buf) {
            int i;
            for (i = 0; i <= s - suffixes; i++)
                scale *= 1024;
            memcpy(buf, max_memory, n - 1);
            buf[n - 1] = '\0';
            max_memory = buf;
        }
        if (rs_parse_slong(&v, max_memory, WORD_MAX, "--max-memory", err))
            return RS_EINPUT;
        if (v == 0)
            return rs_error_set(err, RS_EINPUT,
                                "--max-memory: expected at least 1 byte");
        lim->max_memory = (double)v * scale;
    }
    if (max_work != NULL) {
        slong v;
        if (rs_parse_slong(&v, max_work, WORD_MAX / 4, "--max-work", err))
            return RS_EINPUT;
        if (v == 0)
            return rs_error_set(err, RS_EINPUT,
                                "--max-work: expected at least 1");
        lim->max_work = (double)v;
    }
    return RS_OK;
}

int rs_cli_fiber_cost_check(const rs_cost_limits_t *lim, const slong *d,
                            slong L, slong n, double lists, int stored,
                            const char *job, rs_error_t err)
{
    rs_cost_t cost;
    rs_cost_zero(&cost);
    rs_cost_fiber(&cost, d, L, (double)n, lists, stored);
    return rs_cost_check(&cost, lim, job, err);
}
