invariants --sweep --widths 3..1 --layers 1..2
