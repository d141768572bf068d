/* rankstrat: exact geometry of the fibers of linear neural networks.
   Umbrella header: includes every public module. */
#ifndef RANKSTRAT_H
#define RANKSTRAT_H

#include "rankstrat/compat.h"
#include "rankstrat/error.h"
#include "rankstrat/progress.h"
#include "rankstrat/limits.h"
#include "rankstrat/barcode.h"
#include "rankstrat/qspace.h"
#include "rankstrat/net.h"
#include "rankstrat/cost.h"
#include "rankstrat/io.h"
#include "rankstrat/strata.h"
#include "rankstrat/layers.h"
#include "rankstrat/flow.h"
#include "rankstrat/tangent.h"
#include "rankstrat/moves.h"
#include "rankstrat/verify.h"
#include "rankstrat/invariants.h"
#include "rankstrat/point.h"
#include "rankstrat/doc.h"
#include "rankstrat/format.h"

#define RANKSTRAT_VERSION "0.1.0"

#endif
