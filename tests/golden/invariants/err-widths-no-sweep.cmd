invariants --dims 2,2,2 --rank 0 --widths 1..2
