strata --dims 2,x --rank 0
