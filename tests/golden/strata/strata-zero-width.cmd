strata --dims 2,0,3 --rank 0 --hasse
