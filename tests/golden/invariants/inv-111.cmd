invariants --dims 1,1,1 --rank 0
