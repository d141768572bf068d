invariants --dims 3,4,4,3 --rank 0 --max-memory 1k
