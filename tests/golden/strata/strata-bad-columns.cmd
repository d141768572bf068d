strata --dims 2,3,2 --rank 1 --columns id,points
