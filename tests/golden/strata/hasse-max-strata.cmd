hasse --dims 6,6,6,6,6,6,6 --rank 2 --max-strata 1000
