invariants --dims 2,0,2 --rank 0
