strata --dims 1,2,1 --rank 0 --points --hasse
