/* Fuzz target: the JSON network format (docs/formats.md), through the public
   reader.  Inputs the reader takes for the text format are the text
   target's. */
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (fz_is_json(data, size))
        fz_check_net_input((const char *)data, size);
    return 0;
}
