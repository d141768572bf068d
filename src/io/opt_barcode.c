/* --barcode B: any form rs_barcode_set_str reads ("0-0x2,1-2",
   "2[0,0] + [1,2]", "[[0,0,2],[1,2,1]]"), with the message positioned in
   the option's value. */
#include <string.h>

#include "io_internal.h"

int rs_parse_barcode(rs_barcode_t B, slong L, const char *arg, const char *opt,
                     rs_error_t err)
{
    size_t pos = 0;
    int r;
    if (B == NULL || arg == NULL || L < 0)
        return rs_error_set(err, RS_EINPUT,
                            "rs_parse_barcode: expected B, arg and L >= 0");
    r = rs_barcode_set_str(B, L, arg, &pos, err);
    if (r != RS_OK) {
        char msg[RS_ERROR_MSG_LEN];
        snprintf(msg, sizeof msg, "%s", err->msg);
        return rs_opt_error(err, r, opt, arg, pos, "%s", msg);
    }
    return RS_OK;
}
