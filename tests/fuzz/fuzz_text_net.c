/* Fuzz target: the text network format (docs/formats.md), through the public
   reader.  Inputs the reader takes for JSON are the JSON target's. */
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!fz_is_json(data, size))
        fz_check_net_input((const char *)data, size);
    return 0;
}
