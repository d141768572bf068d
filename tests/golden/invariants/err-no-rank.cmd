invariants --dims 2,2,2
