strata --rank 1
