#include "io_internal.h"

void rs_io_limits_default(rs_io_limits_t *lim)
{
    lim->max_file_bytes = (size_t)1 << 30;
    lim->max_entries = WORD(50000000);
    lim->max_width = WORD(1000000);
    lim->max_layers = WORD(4096);
    lim->max_json_depth = WORD(64);
}

const rs_io_limits_t *rs_io_limits_or_default(const rs_io_limits_t *lim,
                                              rs_io_limits_t *storage)
{
    if (lim != NULL)
        return lim;
    rs_io_limits_default(storage);
    return storage;
}
