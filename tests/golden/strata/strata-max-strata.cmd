strata --dims 10,10,10,10,10,10 --rank 3 --max-strata 1000000
