/* The public readers: from a path or from memory, format detection. */
#include <string.h>

#include "io_internal.h"

static int too_big(rs_error_t err, const char *name, size_t len, size_t max)
{
    return rs_error_set(err, RS_ELIMIT,
                        "%s: input of %zu bytes is larger than %zu bytes "
                        "(max_file_bytes)",
                        name, len, max);
}

/* A NULL argument the contract does not allow (NULL data is allowed only
   with len 0: the empty input). */
static int null_arg(rs_error_t err, const char *fn, const char *arg)
{
    return rs_error_set(err, RS_EINPUT, "%s: expected %s, got NULL", fn,
                        strcmp(arg, "data") == 0 ? "data (NULL only with len 0)"
                                                 : arg);
}

int rs_net_read_buffer(rs_net_t N, const char *data, size_t len,
                       const char *name, const rs_io_limits_t *lim,
                       rs_error_t err)
{
    rs_io_limits_t storage;
    rs_io_src_t src;
    size_t p;
    if (N == NULL || (data == NULL && len != 0))
        return null_arg(err, "rs_net_read_buffer", N == NULL ? "N" : "data");
    lim = rs_io_limits_or_default(lim, &storage);
    if (data == NULL)
        data = "";
    rs_io_src_init(&src, data, len, name, lim);
    if (len > lim->max_file_bytes)
        return too_big(err, src.name, len, lim->max_file_bytes);
    for (p = src.start; p < len; p++)
        if (data[p] != ' ' && data[p] != '\t' && data[p] != '\r' &&
            data[p] != '\n')
            break;
    if (p < len && data[p] == '{')
        return rs_json_net_parse(N, &src, err);
    return rs_text_net_parse(N, &src, err);
}

int rs_net_read(rs_net_t N, const char *path, const rs_io_limits_t *lim,
                rs_error_t err)
{
    rs_io_limits_t storage;
    char *data;
    size_t len;
    int r;
    if (N == NULL || path == NULL)
        return null_arg(err, "rs_net_read", N == NULL ? "N" : "path");
    lim = rs_io_limits_or_default(lim, &storage);
    r = rs_io_read_all(&data, &len, path, lim->max_file_bytes, err);
    if (r != RS_OK)
        return r;
    r = rs_net_read_buffer(N, data, len, rs_io_display_name(path), lim, err);
    flint_free(data);
    return r;
}

int rs_matrix_read_buffer(fmpq_mat_t M, const char *data, size_t len,
                          const char *name, const rs_io_limits_t *lim,
                          rs_error_t err)
{
    rs_io_limits_t storage;
    rs_io_src_t src;
    if (M == NULL || (data == NULL && len != 0))
        return null_arg(err, "rs_matrix_read_buffer", M == NULL ? "M" : "data");
    lim = rs_io_limits_or_default(lim, &storage);
    if (data == NULL)
        data = "";
    rs_io_src_init(&src, data, len, name, lim);
    if (len > lim->max_file_bytes)
        return too_big(err, src.name, len, lim->max_file_bytes);
    return rs_text_matrix_parse(M, &src, err);
}

int rs_matrix_read(fmpq_mat_t M, const char *path, const rs_io_limits_t *lim,
                   rs_error_t err)
{
    rs_io_limits_t storage;
    char *data;
    size_t len;
    int r;
    if (M == NULL || path == NULL)
        return null_arg(err, "rs_matrix_read", M == NULL ? "M" : "path");
    lim = rs_io_limits_or_default(lim, &storage);
    r = rs_io_read_all(&data, &len, path, lim->max_file_bytes, err);
    if (r != RS_OK)
        return r;
    r = rs_matrix_read_buffer(M, data, len, rs_io_display_name(path), lim, err);
    flint_free(data);
    return r;
}
