strata --dims 2,2,2 --rank 1 --points
