invariants --dims 2,3,2 --rank 1 --max-memory 0
