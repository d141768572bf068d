invariants --dims 4,3 --rank 2
