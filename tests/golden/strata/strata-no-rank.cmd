strata --dims 2,2
