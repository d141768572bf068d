strata --dims 3,2 --rank 1 --format json --hasse
