/* rankstrat count: the exact number of strata of a fiber, without listing
   them. */
#include "cli/cli.h"
#include "cli/cost_opts.h"
#include "cli/strata_cmd.h"
#include "table/wbuf.h"

static const char usage_text[] =
    "Usage: rankstrat count --dims D (--rank R | --product MATFILE)\n"
    "                       [options]\n"
    "\n"
    "Prints the exact number of strata of the fiber of a rank-R matrix over\n"
    "networks with widths D = d_0,...,d_L, computed by a dynamic programme\n"
    "over layers without listing the strata (so it may have hundreds of\n"
    "digits).  The programme's states are partitions with at most about L/2\n"
    "parts of sums up to max d_k - R; it is instant for many layers of\n"
    "small width and for, e.g., 11 layers of width 100.\n"
    "\n"
    "Options:\n"
    "  --dims D             widths d_0,...,d_L, e.g. 2,3,2\n"
    "  --rank R             rank of W\n"
    "  --product MATFILE    W itself (matrix file, '-' = standard input)\n"
    "  --format FMT         text (default: the number alone) or json\n"
    "                       ({\"format\": \"rankstrat-count\", ...})\n"
    "  --max-memory BYTES   refuse (exit 2) jobs estimated to need more\n"
    "                       memory (suffixes k, M, G, T = powers of 1024;\n"
    "                       default half the physical memory)\n"
    "  --max-work N         refuse at once (exit status 2) when the programme\n"
    "                       would create more than N states, one work unit\n"
    "                       each (default 200000000: seconds, a few GB at\n"
    "                       most)\n"
    "  -o, --output FILE    write to FILE (atomically) instead of stdout\n"
    "  -h, --help           print this help\n";

int rs_cmd_count(int argc, char **argv)
{
    const char *dims = NULL, *rank = NULL, *product = NULL, *format = NULL;
    const char *max_work = NULL, *out_path = NULL, *max_memory = NULL, *pos[1];
    rs_cost_limits_t lim;
    int npos, help, fmt, status;
    slong work = RS_STRATA_COUNT_DEFAULT_WORK, k;
    rs_cli_fiber f;
    rs_error_t err;
    rs_outfile_t out;
    fmpz_t c;
    static const char *const formats[] = {"text", "json", NULL};
    rs_cli_opt opts[] = {
        {"--dims", NULL, &dims, NULL},
        {"--rank", NULL, &rank, NULL},
        {"--product", NULL, &product, NULL},
        {"--format", NULL, &format, NULL},
        {"--max-work", NULL, &max_work, NULL},
        {"--max-memory", NULL, &max_memory, NULL},
        {"--output", "-o", &out_path, NULL},
    };

    rs_error_init(err);
    if (rs_cli_parse(argc, argv, opts, sizeof opts / sizeof opts[0], pos, 0,
                     &npos, &help, err))
        return rs_cli_fail("count", err);
    if (help) {
        rs_cli_usage(stdout, usage_text);
        return RS_OK;
    }
    if (rs_cli_choice(&fmt, format, formats, "--format", err) ||
        rs_cli_cost_limits(&lim, max_memory, max_work, err))
        return rs_cli_fail("count", err);
    work = (slong)lim.max_work;
    if (rs_cli_fiber_parse(&f, dims, rank, product, err))
        return rs_cli_fail("count", err);
    fmpz_init(c);
    status = rs_strata_count(c, f.d, f.L, f.r, work, NULL, err);
    if (status == RS_OK)
        status = rs_outfile_open(&out, out_path ? out_path : "-", err);
    if (status == RS_OK) {
        if (fmt == 0) {
            fmpz_fprint(out.f, c);
            fputc('\n', out.f);
        } else {
            fprintf(out.f, "{\"format\": \"rankstrat-count\", \"version\": 1, "
                           "\"dims\": [");
            for (k = 0; k <= f.L; k++)
                fprintf(out.f, "%s%ld", k ? "," : "", (long)f.d[k]);
            fprintf(out.f, "], \"rank\": %ld,\n \"count\": ", (long)f.r);
            fmpz_fprint(out.f, c);
            fprintf(out.f, "}\n");
        }
        status = rs_outfile_commit(&out, err);
    }
    fmpz_clear(c);
    rs_cli_fiber_clear(&f);
    if (status != RS_OK)
        return rs_cli_fail("count", err);
    return RS_OK;
}
