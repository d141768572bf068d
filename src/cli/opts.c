#include <string.h>

#include "cli/cli.h"

static const rs_cli_opt *find_opt(const rs_cli_opt *opts, int nopts,
                                  const char *arg, size_t len)
{
    int i;
    for (i = 0; i < nopts; i++) {
        const char *n = opts[i].name, *s = opts[i].short_name;
        if (strlen(n) == len && strncmp(n, arg, len) == 0)
            return opts + i;
        if (s != NULL && strlen(s) == len && strncmp(s, arg, len) == 0)
            return opts + i;
    }
    return NULL;
}

int rs_cli_parse(int argc, char **argv, const rs_cli_opt *opts, int nopts,
                 const char **pos, int max_pos, int *npos, int *help,
                 rs_error_t err)
{
    int i, only_pos = 0;
    *npos = 0;
    *help = 0;
    for (i = 1; i < argc; i++) {
        const char *arg = argv[i], *eq, *val;
        const rs_cli_opt *o;
        size_t len;
        if (only_pos || arg[0] != '-' || strcmp(arg, "-") == 0) {
            if (*npos >= max_pos)
                return rs_error_set(err, RS_EINPUT,
                                    "unexpected argument '%s'; see --help",
                                    arg);
            pos[(*npos)++] = arg;
            continue;
        }
        if (strcmp(arg, "--") == 0) {
            only_pos = 1;
            continue;
        }
        if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
            *help = 1;
            return RS_OK;
        }
        eq = strncmp(arg, "--", 2) == 0 ? strchr(arg, '=') : NULL;
        len = eq ? (size_t)(eq - arg) : strlen(arg);
        o = find_opt(opts, nopts, arg, len);
        if (o == NULL)
            return rs_error_set(err, RS_EINPUT,
                                "unknown option '%.*s'; see --help", (int)len,
                                arg);
        if (o->flag != NULL) {
            if (eq)
                return rs_error_set(err, RS_EINPUT, "%s: expected no value",
                                    o->name);
            *o->flag = 1;
            continue;
        }
        if (eq)
            val = eq + 1;
        else if (i + 1 < argc)
            val = argv[++i];
        else
            return rs_error_set(err, RS_EINPUT, "%s: expected a value",
                                o->name);
        if (*o->value != NULL)
            return rs_error_set(err, RS_EINPUT,
                                "%s: expected at most once, given twice",
                                o->name);
        *o->value = val;
    }
    return RS_OK;
}

int rs_cli_choice(int *index, const char *value, const char *const *choices,
                  const char *opt, rs_error_t err)
{
    int i;
    char list[256] = "";
    if (value == NULL) {
        *index = 0;
        return RS_OK;
    }
    for (i = 0; choices[i] != NULL; i++)
        if (strcmp(value, choices[i]) == 0) {
            *index = i;
            return RS_OK;
        }
    for (i = 0; choices[i] != NULL; i++) {
        if (i > 0)
            strncat(list, ", ", sizeof list - strlen(list) - 1);
        strncat(list, choices[i], sizeof list - strlen(list) - 1);
    }
    return rs_error_set(err, RS_EINPUT, "%s: expected one of %s, got '%s'", opt,
                        list, value);
}

/* Whether msg starts "FILE:LINE:COL: " (then it is printed as is, the way
   compilers do, so that editors can jump to the position). */
static int has_position(const char *msg)
{
    const char *p = strstr(msg, ": ");
    int k;
    if (p == NULL)
        return 0;
    for (k = 0; k < 2; k++) {
        const char *q = p;
        while (q > msg && q[-1] >= '0' && q[-1] <= '9')
            q--;
        if (q == p || q == msg || q[-1] != ':')
            return 0;
        p = q - 1;
    }
    return p > msg;
}

int rs_cli_fail(const char *cmd, const rs_error_t err)
{
    if (has_position(err->msg))
        fprintf(stderr, "%s\n", err->msg);
    else
        fprintf(stderr, "rankstrat %s: %s\n", cmd, err->msg);
    return err->status;
}

void rs_cli_usage(FILE *f, const char *usage)
{
    fputs(usage, f);
}
