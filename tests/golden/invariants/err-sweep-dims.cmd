invariants --sweep --dims 2,2 --widths 1..2 --layers 1..2
