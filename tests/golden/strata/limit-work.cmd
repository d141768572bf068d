strata --dims 3,3,3,3 --rank 0 --max-work 1
