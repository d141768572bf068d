/* placeholder */
#include "format/figure.h"

void rs_hasse_fprint_html(FILE *f, const rs_hasse_figure_t F)
{
    rs_hasse_fprint_svg(f, F);
}
